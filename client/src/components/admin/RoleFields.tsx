import { LEAD_ROLES, ROLE_LABELS, ROLES, TEAM_MAX, type LeadRole, type Role, type RoleAssignment } from '@fourwall/shared'
import { TextField } from '../TextField.js'

/** A role being chosen in a form: the tie fields stay as typed while the role changes back and forth. */
export interface RoleDraft {
  role: Role
  worksFor: LeadRole | ''
  team: string
}

export function draftOf(assignment: RoleAssignment): RoleDraft {
  return { role: assignment.role, worksFor: assignment.worksFor ?? '', team: assignment.team ?? '' }
}

/** What the server is sent: only the tie the role needs (roleAssignmentError refuses any other). */
export function assignmentOf({ role, worksFor, team }: RoleDraft): RoleAssignment {
  return {
    role,
    worksFor: role === 'chief-of-staff' ? worksFor || null : null,
    team: role === 'team-lead' ? team.trim() || null : null,
  }
}

interface Props {
  idPrefix: string
  value: RoleDraft
  onChange(next: RoleDraft): void
  /** Appended to each accessible name, to say whose role this is: "Role (Ana Lopez)". */
  about?: string
  /** Who holds each lead role now, so the choice says so before the server refuses it. */
  leadHolders?: Partial<Record<LeadRole, string>>
  disabled?: boolean
  /** Focus the role at once (an editor that just opened in place of its button). */
  autoFocus?: boolean
}

/** Role, plus "Works for" for a Chief of Staff and "Team" for a Team Lead, shown only when needed. */
export function RoleFields({ idPrefix, value, onChange, about, leadHolders = {}, disabled, autoFocus }: Props) {
  const name = (label: string) => (about ? `${label} ${about}` : undefined)
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>Role</label>
        <select
          id={`${idPrefix}-role`}
          aria-label={name('Role')}
          value={value.role}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={(event) => onChange({ ...value, role: event.currentTarget.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
              {role in leadHolders ? ` (now ${leadHolders[role as LeadRole]})` : ''}
            </option>
          ))}
        </select>
      </div>
      {value.role === 'chief-of-staff' && (
        <div className="field">
          <label htmlFor={`${idPrefix}-works-for`}>Works for</label>
          <select
            id={`${idPrefix}-works-for`}
            aria-label={name('Works for')}
            value={value.worksFor}
            disabled={disabled}
            required
            onChange={(event) => onChange({ ...value, worksFor: event.currentTarget.value as LeadRole | '' })}
          >
            <option value="">Choose a lead…</option>
            {LEAD_ROLES.map((lead) => (
              <option key={lead} value={lead}>
                {ROLE_LABELS[lead]}
              </option>
            ))}
          </select>
        </div>
      )}
      {value.role === 'team-lead' && (
        <TextField
          id={`${idPrefix}-team`}
          label="Team"
          aria-label={name('Team')}
          hint="Optional: the team they lead."
          value={value.team}
          disabled={disabled}
          maxLength={TEAM_MAX}
          onChange={(event) => onChange({ ...value, team: event.currentTarget.value })}
        />
      )}
    </>
  )
}
