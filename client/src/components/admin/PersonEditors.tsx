import { nameError, NAME_MAX, roleAssignmentError, type LeadRole, type PersonView } from '@fourwall/shared'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useRequest } from '../../hooks/useRequest.js'
import { api } from '../../lib/api.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { TextField } from '../TextField.js'
import { assignmentOf, draftOf, RoleFields } from './RoleFields.js'

/** What an editor sends, a sentence saying why it cannot, or nothing to send at all. */
type Checked = { patch: Record<string, unknown> } | { problem: string } | 'unchanged'

interface EditorProps {
  person: PersonView
  onCancel(): void
  onSaved(person: PersonView): void
}

interface ShellProps extends EditorProps {
  check(): Checked
  /** The fields, told whether to stand still while saving, whether a problem shows, and what to call when they change. */
  children(controls: { busy: boolean; failed: boolean; edited(): void }): ReactNode
}

/** An editor that opens under a person's row: its fields, Save and Cancel, and the server's refusal. */
function PersonEditor({ person, check, onCancel, onSaved, children }: ShellProps) {
  const request = useRequest()

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const checked = check()
    if (checked === 'unchanged') return onCancel()
    if ('problem' in checked) return request.fail(checked.problem)
    void request.run(async () => {
      const body = await api<{ person: PersonView }>(`/api/people/${encodeURIComponent(person.id)}`, {
        method: 'PATCH',
        body: checked.patch,
      })
      onSaved(body.person)
    })
  }

  return (
    <form className="form form--inline" onSubmit={save} noValidate>
      {children({ busy: request.busy, failed: request.problem !== null, edited: request.clear })}
      <div className="form__actions">
        <BusyButton type="submit" className="button button--small" busy={request.busy}>
          Save
        </BusyButton>
        <button type="button" className="button button--small button--quiet" disabled={request.busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <FormProblem problem={request.problem} />
    </form>
  )
}

export function RoleEditor({ leadHolders, ...props }: EditorProps & { leadHolders: Partial<Record<LeadRole, string>> }) {
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(props.person))
  const check = (): Checked => {
    const assignment = assignmentOf(draft)
    const invalid = roleAssignmentError(assignment)
    return invalid ? { problem: invalid } : { patch: { ...assignment } }
  }
  return (
    <PersonEditor {...props} check={check}>
      {({ busy, edited }) => (
        <RoleFields
          idPrefix={id}
          value={draft}
          onChange={(next) => {
            setDraft(next)
            edited()
          }}
          about={`(${props.person.name})`}
          leadHolders={leadHolders}
          disabled={busy}
          autoFocus
        />
      )}
    </PersonEditor>
  )
}

export function NameEditor(props: EditorProps) {
  const id = useId()
  const [name, setName] = useState(props.person.name)
  const check = (): Checked => {
    const invalid = nameError(name)
    if (invalid) return { problem: invalid }
    return name.trim() === props.person.name ? 'unchanged' : { patch: { name: name.trim() } }
  }
  return (
    <PersonEditor {...props} check={check}>
      {({ busy, failed, edited }) => (
        <TextField
          id={`${id}-name`}
          label="Name"
          // Says whose name it is, like the role editor's fields: "Name (Ana Lopez)".
          aria-label={`Name (${props.person.name})`}
          value={name}
          maxLength={NAME_MAX}
          autoComplete="off"
          required
          disabled={busy}
          invalid={failed && nameError(name) !== null}
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => {
            setName(event.currentTarget.value)
            edited()
          }}
        />
      )}
    </PersonEditor>
  )
}
