import { isLeadRole, ROLE_LABELS, ROLES, type LeadRole, type PersonView } from '@fourwall/shared'
import { useState } from 'react'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import type { Identity } from '../../lib/identity.js'
import { describeTies } from '../../lib/roles.js'
import { Empty, Loaded } from './Loaded.js'
import { PersonActions, RoleEditor } from './PersonActions.js'

const readPeople = listOf<PersonView>('people')

interface Props {
  me: Identity
  onIdentityChanged(): void
}

export function PeopleTab({ me, onIdentityChanged }: Props) {
  const { state, reload } = useApiData('/api/people', readPeople)
  // One editor at a time, so its fields' labels name one thing.
  const [editing, setEditing] = useState<string | null>(null)

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
        {(people) =>
          people.length === 0 ? (
            <Empty>Nobody yet. Create an invite link to add the first person.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Works for / team</th>
                    <th scope="col">Login</th>
                    <th scope="col">Active sessions</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sortPeople(people).map((person) => (
                    <PersonRows
                      key={person.id}
                      person={person}
                      isMe={person.id === me.id}
                      editing={editing === person.id}
                      leadHolders={leadHolders(people, person.id)}
                      onEdit={() => setEditing(person.id)}
                      onCancel={() => setEditing(null)}
                      onChanged={changed}
                      onRemoved={reload}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  )
}

interface RowProps {
  person: PersonView
  isMe: boolean
  editing: boolean
  leadHolders: Partial<Record<LeadRole, string>>
  onEdit(): void
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
          <td colSpan={6}>
            <RoleEditor person={person} leadHolders={leadHolders} onCancel={onCancel} onSaved={onChanged} />
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
