import { roleAssignmentError, type LeadRole, type PersonView } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import { api, problemSentence } from '../../lib/api.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { assignmentOf, draftOf, RoleFields } from './RoleFields.js'

interface ActionsProps {
  person: PersonView
  isMe: boolean
  editing: boolean
  onEdit(): void
  onRemoved(): void
}

/** "Change role" and "Remove", the latter with a confirm step: removal signs the person out everywhere. */
export function PersonActions({ person, isMe, editing, onEdit, onRemoved }: ActionsProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const remove = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await api(`/api/people/${encodeURIComponent(person.id)}`, { method: 'DELETE' })
      onRemoved()
    } catch (error) {
      setProblem(problemSentence(error))
      setBusy(false)
    }
  }

  if (confirming) {
    return (
      <div className="row-actions">
        <span>
          Remove {person.name}? They are signed out everywhere at once.
        </span>
        <BusyButton type="button" className="button button--small button--danger" busy={busy} onClick={remove}>
          Yes, remove
        </BusyButton>
        <button
          type="button"
          className="button button--small button--quiet"
          disabled={busy}
          onClick={() => {
            setConfirming(false)
            setProblem(null)
          }}
        >
          Cancel
        </button>
        <FormProblem problem={problem} />
      </div>
    )
  }

  return (
    <div className="row-actions">
      <button
        type="button"
        className="button button--small button--quiet"
        aria-expanded={editing}
        onClick={onEdit}
      >
        {/* The row's name in words, not an aria-label, so label lookups for "Role" find the fields only. */}
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

interface EditorProps {
  person: PersonView
  leadHolders: Partial<Record<LeadRole, string>>
  onCancel(): void
  onSaved(person: PersonView): void
}

export function RoleEditor({ person, leadHolders, onCancel, onSaved }: EditorProps) {
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(person))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const save = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const assignment = assignmentOf(draft)
    const invalid = roleAssignmentError(assignment)
    if (invalid) {
      setProblem(invalid)
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const body = await api<{ person: PersonView }>(`/api/people/${encodeURIComponent(person.id)}`, {
        method: 'PATCH',
        body: assignment,
      })
      onSaved(body.person)
    } catch (error) {
      setProblem(problemSentence(error))
      setBusy(false)
    }
  }

  return (
    <form className="form form--inline" onSubmit={save} noValidate>
      <RoleFields
        idPrefix={id}
        value={draft}
        onChange={(next) => {
          setDraft(next)
          setProblem(null)
        }}
        about={`(${person.name})`}
        leadHolders={leadHolders}
        disabled={busy}
        autoFocus
      />
      <div className="form__actions">
        <BusyButton type="submit" className="button button--small" busy={busy}>
          Save
        </BusyButton>
        <button type="button" className="button button--small button--quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormProblem problem={problem} />
    </form>
  )
}
