import type { PersonView } from '@fourwall/shared'
import { useState } from 'react'
import { api } from '../../lib/api.js'
import { ConfirmStep } from './RowAction.js'

/** Which of a person's editors is open under their row. */
export type PersonEdit = 'name' | 'role'

interface Props {
  person: PersonView
  isMe: boolean
  editing: PersonEdit | null
  onEdit(what: PersonEdit): void
  onRemoved(): void
}

/** "Rename", "Change role" and "Remove", the last with a confirm step: removal signs the person out everywhere. */
export function PersonActions({ person, isMe, editing, onEdit, onRemoved }: Props) {
  const [confirming, setConfirming] = useState(false)

  if (confirming) {
    return (
      <ConfirmStep
        question={`Remove ${person.name}? They are signed out everywhere at once.`}
        run={() => api(`/api/people/${encodeURIComponent(person.id)}`, { method: 'DELETE' })}
        onDone={onRemoved}
        onCancel={() => setConfirming(false)}
      >
        Yes, remove
      </ConfirmStep>
    )
  }

  // The row's name in words, not an aria-label, so label lookups for "Role" or "Name" find the fields only.
  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button--small button--quiet"
        aria-expanded={editing === 'name'}
        onClick={() => onEdit('name')}
      >
        Rename<span className="visually-hidden"> {person.name}</span>
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        aria-expanded={editing === 'role'}
        onClick={() => onEdit('role')}
      >
        Change role<span className="visually-hidden"> of {person.name}</span>
      </button>
      {isMe ? (
        // The server refuses it too; saying why here beats a button that only ever fails.
        <span className="muted small">Another admin can remove you.</span>
      ) : (
        <button
          type="button"
          className="button button--small button--quiet button--danger-quiet"
          onClick={() => setConfirming(true)}
        >
          Remove<span className="visually-hidden"> {person.name}</span>
        </button>
      )}
    </div>
  )
}
