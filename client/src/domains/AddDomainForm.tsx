import { addOwnedDomain, LEAD_ROLES, OWNED_DOMAIN_DESCRIPTION_MAX, OWNED_DOMAIN_NAME_MAX, ROLE_LABELS, type LeadRole } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { TextField } from '../components/TextField.js'
import { useCommand } from '../workspace/useCommand.js'

/** A custom domain: its name, its owner, and a line on what falls in it. */
export function AddDomainForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const [name, setName] = useState('')
  const [owner, setOwner] = useState<LeadRole>('engineering-lead')
  const [description, setDescription] = useState('')
  const command = useCommand()
  const invalid = (field: string): boolean => command.problem !== null && command.field === field

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (command.run(() => addOwnedDomain(doc, { name, owner, description }))) {
      setName('')
      setDescription('')
    }
  }

  return (
    <form className="form form--inline" onSubmit={submit} noValidate aria-label="Add a domain" data-add-domain>
      <TextField
        id={`${id}-name`}
        label="New domain"
        value={name}
        maxLength={OWNED_DOMAIN_NAME_MAX}
        autoComplete="off"
        invalid={invalid('name')}
        describedBy={invalid('name') ? `${id}-problem` : undefined}
        onChange={(event) => {
          setName(event.currentTarget.value)
          command.clear()
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <select id={`${id}-owner`} value={owner} onChange={(event) => setOwner(event.currentTarget.value as LeadRole)}>
          {LEAD_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id={`${id}-description`}
        label="What falls in it (optional)"
        value={description}
        maxLength={OWNED_DOMAIN_DESCRIPTION_MAX}
        autoComplete="off"
        invalid={invalid('description')}
        describedBy={invalid('description') ? `${id}-problem` : undefined}
        onChange={(event) => {
          setDescription(event.currentTarget.value)
          command.clear()
        }}
      />
      <div className="form__actions">
        <button type="submit" className="button">
          Add domain
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </form>
  )
}
