import { nameError, NAME_MAX, roleAssignmentError, type InviteView } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import { useRequest } from '../../hooks/useRequest.js'
import { api } from '../../lib/api.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { TextField } from '../TextField.js'
import { assignmentOf, RoleFields, type RoleDraft } from './RoleFields.js'

export interface CreatedInvite {
  invite: InviteView
  link: string
}

const EXPIRY_CHOICES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const

const EMPTY_ROLE: RoleDraft = { role: 'editor', worksFor: '', team: '' }

export function InviteForm({ onCreated }: { onCreated(created: CreatedInvite): void }) {
  const id = useId()
  const [name, setName] = useState('')
  const [role, setRole] = useState<RoleDraft>(EMPTY_ROLE)
  const [expiresInHours, setExpiresInHours] = useState(72)
  const request = useRequest({ repeatable: true })
  const { busy, problem } = request

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const assignment = assignmentOf(role)
    const invalid = nameError(name) ?? roleAssignmentError(assignment)
    if (invalid) {
      request.fail(invalid)
      return
    }
    void request.run(async () => {
      const created = await api<CreatedInvite>('/api/invites', {
        method: 'POST',
        body: { name: name.trim(), ...assignment, expiresInHours },
      })
      setName('')
      setRole(EMPTY_ROLE)
      onCreated(created)
    })
  }

  const problemId = `${id}-problem`
  return (
    <form className="form form--inline" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`} className="form__title">
        Invite someone
      </h3>
      <TextField
        id={`${id}-name`}
        label="Name"
        value={name}
        maxLength={NAME_MAX}
        autoComplete="off"
        required
        disabled={busy}
        invalid={problem !== null && nameError(name) !== null}
        describedBy={problem ? problemId : undefined}
        onChange={(event) => {
          setName(event.currentTarget.value)
          request.clear()
        }}
      />
      <RoleFields
        idPrefix={id}
        value={role}
        disabled={busy}
        onChange={(next) => {
          setRole(next)
          request.clear()
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-expires`}>Expires in</label>
        <select
          id={`${id}-expires`}
          value={expiresInHours}
          disabled={busy}
          onChange={(event) => setExpiresInHours(Number(event.currentTarget.value))}
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.hours} value={choice.hours}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form__actions">
        <BusyButton type="submit" busy={busy}>
          Create invite link
        </BusyButton>
      </div>
      <FormProblem id={problemId} problem={problem} />
    </form>
  )
}
