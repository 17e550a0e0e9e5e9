import { LEAD_ROLES, ROLE_LABELS, type LeadRole } from '@fourwall/shared'

interface Props {
  id: string
  value: LeadRole
  onChange(owner: LeadRole): void
}

/** The lead who owns a domain: questions about it go to them, and the other lead supports the call. */
export function OwnerSelect({ id, value, onChange }: Props) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as LeadRole)}>
      {LEAD_ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  )
}
