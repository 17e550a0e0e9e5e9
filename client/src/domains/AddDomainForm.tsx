import { addOwnedDomain, OWNED_DOMAIN_DESCRIPTION_MAX, OWNED_DOMAIN_NAME_MAX, type LeadRole } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { TextField } from '../components/TextField.js'
import { useAddForm } from '../workspace/useAddForm.js'
import { OwnerSelect } from './OwnerSelect.js'

interface DomainDraft {
  name: string
  owner: LeadRole
  description: string
}

const EMPTY: DomainDraft = { name: '', owner: 'engineering-lead', description: '' }

/** A custom domain: its name, its owner, and a line on what falls in it. */
export function AddDomainForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const form = useAddForm(EMPTY, (draft) => addOwnedDomain(doc, draft), ['owner'])
  const { draft, command } = form
  const problemIdIf = (field: string): string | undefined => (command.invalid(field) ? `${id}-problem` : undefined)

  return (
    <form className="form form--inline" onSubmit={form.submit} noValidate aria-label="Add a domain" data-add-domain>
      <TextField
        id={`${id}-name`}
        label="New domain"
        value={draft.name}
        maxLength={OWNED_DOMAIN_NAME_MAX}
        autoComplete="off"
        invalid={command.invalid('name')}
        describedBy={problemIdIf('name')}
        onChange={(event) => form.edit({ name: event.currentTarget.value })}
      />
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <OwnerSelect id={`${id}-owner`} value={draft.owner} onChange={(owner) => form.edit({ owner })} />
      </div>
      <TextField
        id={`${id}-description`}
        label="What falls in it (optional)"
        value={draft.description}
        maxLength={OWNED_DOMAIN_DESCRIPTION_MAX}
        autoComplete="off"
        invalid={command.invalid('description')}
        describedBy={problemIdIf('description')}
        onChange={(event) => form.edit({ description: event.currentTarget.value })}
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
