import { isLeadRole, ROLE_LABELS, ROLES, type LeadRole, type PersonView } from '@fourwall/shared'
import { useState } from 'react'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import type { Identity } from '../../lib/identity.js'
import { describeTies } from '../../lib/roles.js'
import { AdminTable } from './AdminTable.js'
import { Loaded } from './Loaded.js'
import { PersonActions, type PersonEdit } from './PersonActions.js'
import { NameEditor, RoleEditor } from './PersonEditors.js'

const readPeople = listOf<PersonView>('people')

const COLUMNS = ['Name', 'Role', 'Works for / team', 'Login', 'Active sessions']

interface Props {
  me: Identity
  onIdentityChanged(): void
}

export function PeopleTab({ me, onIdentityChanged }: Props) {
  const { state, reload } = useApiData('/api/people', readPeople)
  // One editor at a time, so its fields' labels name one thing.
  const [editing, setEditing] = useState<{ id: string; what: PersonEdit } | null>(null)

  const changed = (person: PersonView): void => {
    setEditing(null)
    reload()
    if (person.id === me.id) onIdentityChanged()
  }

  return (
    <section aria-labelledby="people-heading" className="admin-section" data-section="people">
      <h2 id="people-heading">People</h2>
      <p className="muted">
        Everyone who can open Fourwall. Add people with an invite link (the Invites tab).
      </p>
      <Loaded state={state} reload={reload} what="people">
        {(people) => (
          <AdminTable
            columns={COLUMNS}
            actions
            items={sortPeople(people)}
            empty="Nobody yet. Create an invite link to add the first person."
            row={(person) => (
              <PersonRows
                person={person}
                isMe={person.id === me.id}
                editing={editing?.id === person.id ? editing.what : null}
                leadHolders={leadHolders(people, person.id)}
                onEdit={(what) => setEditing((prev) => (prev?.id === person.id && prev.what === what ? null : { id: person.id, what }))}
                onCancel={() => setEditing(null)}
                onChanged={changed}
                onRemoved={reload}
              />
            )}
          />
        )}
      </Loaded>
    </section>
  )
}

interface RowProps {
  person: PersonView
  isMe: boolean
  editing: PersonEdit | null
  leadHolders: Partial<Record<LeadRole, string>>
  onEdit(what: PersonEdit): void
  onCancel(): void
  onChanged(person: PersonView): void
  onRemoved(): void
}

function PersonRows({ person, isMe, editing, leadHolders, onEdit, onCancel, onChanged, onRemoved }: RowProps) {
  return (
    <>
      <tr data-person-id={person.id}>
        <th scope="row">
          {person.name}
          {isMe && <span className="muted"> (you)</span>}
        </th>
        <td>{ROLE_LABELS[person.role]}</td>
        <td>{describeTies(person) ?? <span className="muted">—</span>}</td>
        <td>{person.login ?? <span className="muted">{person.hasPassword ? '—' : 'No password (links only)'}</span>}</td>
        <td className="table__number">{person.activeSessions}</td>
        <td>
          <PersonActions person={person} isMe={isMe} editing={editing} onEdit={onEdit} onRemoved={onRemoved} />
        </td>
      </tr>
      {editing && (
        <tr className="table__editor">
          <td colSpan={COLUMNS.length + 1}>
            {editing === 'role' ? (
              <RoleEditor person={person} leadHolders={leadHolders} onCancel={onCancel} onSaved={onChanged} />
            ) : (
              <NameEditor person={person} onCancel={onCancel} onSaved={onChanged} />
            )}
          </td>
        </tr>
      )}
    </>
  )
}

/** In the order of ROLES (admins, the leads, their chiefs of staff...), then by name. */
function sortPeople(people: PersonView[]): PersonView[] {
  const rank = (person: PersonView) => ROLES.indexOf(person.role)
  return [...people].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** Who else holds each lead role (each exists once). */
function leadHolders(people: PersonView[], except: string): Partial<Record<LeadRole, string>> {
  const holders: Partial<Record<LeadRole, string>> = {}
  for (const person of people) if (person.id !== except && isLeadRole(person.role)) holders[person.role] = person.name
  return holders
}
