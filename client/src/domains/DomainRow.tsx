import {
  describeOwnedDomain,
  moveOwnedDomain,
  OWNED_DOMAIN_DESCRIPTION_MAX,
  OWNED_DOMAIN_NAME_MAX,
  removeOwnedDomain,
  renameOwnedDomain,
  setDomainOwner,
  type OwnedDomain,
} from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { ConfirmRemoval } from '../components/rows/ConfirmRemoval.js'
import { RowActions } from '../components/rows/RowActions.js'
import { SaveOrCancel } from '../components/rows/SaveOrCancel.js'
import { useEditableRow } from '../components/rows/useEditableRow.js'
import { OwnerSelect } from './OwnerSelect.js'

interface Props {
  doc: Y.Doc
  domain: OwnedDomain
  isFirst: boolean
  isLast: boolean
}

/**
 * One domain for those who may edit the map: its owner is a picker that takes effect at once (the
 * next question goes to the new owner), the name and description are edited in place, and the
 * domain moves up or down or is removed after a confirm step.
 */
export function DomainRow({ doc, domain, isFirst, isLast }: Props) {
  const id = useId()
  const row = useEditableRow(() => ({ name: domain.name, description: domain.description }))
  const { mode, draft, command } = row
  const save = row.submit(({ name, description }) =>
    doc.transact(() => {
      renameOwnedDomain(doc, domain.id, name)
      describeOwnedDomain(doc, domain.id, description)
    }),
  )

  return (
    <tr data-domain-id={domain.id} data-domain-name={domain.name} data-domain-owner={domain.owner}>
      <th scope="row">
        {mode === 'editing' ? (
          <form className="form domain-form" onSubmit={save} onKeyDown={row.onFormKeyDown} aria-label={`Edit the domain ${domain.name}`} noValidate>
            <div className="field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                value={draft.name}
                maxLength={OWNED_DOMAIN_NAME_MAX}
                autoComplete="off"
                autoFocus
                onChange={(event) => row.edit({ ...draft, name: event.currentTarget.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-description`}>What falls in it</label>
              <input
                id={`${id}-description`}
                value={draft.description}
                maxLength={OWNED_DOMAIN_DESCRIPTION_MAX}
                autoComplete="off"
                onChange={(event) => row.edit({ ...draft, description: event.currentTarget.value })}
              />
            </div>
            <div className="form__actions">
              <SaveOrCancel what={domain.name} onCancel={row.stop} />
            </div>
          </form>
        ) : (
          <>
            <strong>{domain.name}</strong>
            {domain.description && <span className="domain__description muted small">{domain.description}</span>}
          </>
        )}
      </th>
      <td>
        <label htmlFor={`${id}-owner`} className="visually-hidden">
          Owner of {domain.name}
        </label>
        <OwnerSelect id={`${id}-owner`} value={domain.owner} onChange={(owner) => command.run(() => setDomainOwner(doc, domain.id, owner))} />
      </td>
      <td>
        {mode === 'confirming' && (
          <ConfirmRemoval
            question={`Remove ${domain.name}? Questions already asked keep it.`}
            name={domain.name}
            onConfirm={() => row.finish(() => removeOwnedDomain(doc, domain.id))}
            onCancel={row.stop}
          />
        )}
        {mode === 'reading' && (
          <RowActions
            name={domain.name}
            className="domain-actions"
            onEdit={row.startEditing}
            move={{ isFirst, isLast, onMove: (direction) => command.run(() => moveOwnedDomain(doc, domain.id, direction)) }}
            onRemove={row.askToRemove}
          />
        )}
        <FormProblem id={`${id}-problem`} problem={command.problem} />
      </td>
    </tr>
  )
}
