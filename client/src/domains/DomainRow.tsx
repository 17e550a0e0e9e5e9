import {
  describeOwnedDomain,
  LEAD_ROLES,
  moveOwnedDomain,
  OWNED_DOMAIN_DESCRIPTION_MAX,
  OWNED_DOMAIN_NAME_MAX,
  removeOwnedDomain,
  renameOwnedDomain,
  ROLE_LABELS,
  setDomainOwner,
  type LeadRole,
  type OwnedDomain,
} from '@fourwall/shared'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { useCommand } from '../workspace/useCommand.js'

interface Props {
  doc: Y.Doc
  domain: OwnedDomain
  isFirst: boolean
  isLast: boolean
}

type Mode = 'reading' | 'editing' | 'confirming'

/**
 * One domain for those who may edit the map: its owner is a picker that takes effect at once (the
 * next question goes to the new owner), the name and description are edited in place, and the
 * domain moves up or down or is removed after a confirm step.
 */
export function DomainRow({ doc, domain, isFirst, isLast }: Props) {
  const id = useId()
  const [mode, setMode] = useState<Mode>('reading')
  const [name, setName] = useState(domain.name)
  const [description, setDescription] = useState(domain.description)
  const command = useCommand()

  const startEditing = (): void => {
    setName(domain.name)
    setDescription(domain.description)
    command.clear()
    setMode('editing')
  }
  const stop = (): void => {
    command.clear()
    setMode('reading')
  }
  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const saved = command.run(() =>
      doc.transact(() => {
        renameOwnedDomain(doc, domain.id, name)
        describeOwnedDomain(doc, domain.id, description)
      }),
    )
    if (saved) setMode('reading')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      stop()
    }
  }

  return (
    <tr data-domain-id={domain.id} data-domain-name={domain.name} data-domain-owner={domain.owner}>
      <th scope="row">
        {mode === 'editing' ? (
          <form className="form domain-form" onSubmit={save} onKeyDown={onKeyDown} aria-label={`Edit the domain ${domain.name}`} noValidate>
            <div className="field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                value={name}
                maxLength={OWNED_DOMAIN_NAME_MAX}
                autoComplete="off"
                autoFocus
                onChange={(event) => {
                  setName(event.currentTarget.value)
                  command.clear()
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-description`}>What falls in it</label>
              <input
                id={`${id}-description`}
                value={description}
                maxLength={OWNED_DOMAIN_DESCRIPTION_MAX}
                autoComplete="off"
                onChange={(event) => {
                  setDescription(event.currentTarget.value)
                  command.clear()
                }}
              />
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--small">
                Save<span className="visually-hidden"> {domain.name}</span>
              </button>
              <button type="button" className="button button--small button--quiet" onClick={stop}>
                Cancel
              </button>
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
        <select
          id={`${id}-owner`}
          value={domain.owner}
          onChange={(event) => command.run(() => setDomainOwner(doc, domain.id, event.currentTarget.value as LeadRole))}
        >
          {LEAD_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {mode === 'confirming' ? (
          <span className="row-actions">
            <span>Remove {domain.name}? Questions already asked keep it.</span>
            <button
              type="button"
              className="button button--small button--danger"
              autoFocus
              onClick={() => {
                if (command.run(() => removeOwnedDomain(doc, domain.id))) setMode('reading')
              }}
            >
              Yes, remove<span className="visually-hidden"> {domain.name}</span>
            </button>
            <button type="button" className="button button--small button--quiet" onClick={stop}>
              Cancel
            </button>
          </span>
        ) : (
          mode === 'reading' && (
            <span className="row-actions domain-actions">
              <button type="button" className="button button--small button--quiet" onClick={startEditing}>
                Edit<span className="visually-hidden"> {domain.name}</span>
              </button>
              <button type="button" className="button button--small button--quiet" disabled={isFirst} onClick={() => command.run(() => moveOwnedDomain(doc, domain.id, -1))}>
                Move up<span className="visually-hidden"> {domain.name}</span>
              </button>
              <button type="button" className="button button--small button--quiet" disabled={isLast} onClick={() => command.run(() => moveOwnedDomain(doc, domain.id, 1))}>
                Move down<span className="visually-hidden"> {domain.name}</span>
              </button>
              <button type="button" className="button button--small button--quiet button--danger-quiet" onClick={() => setMode('confirming')}>
                Remove<span className="visually-hidden"> {domain.name}</span>
              </button>
            </span>
          )
        )}
        <FormProblem id={`${id}-problem`} problem={command.problem} />
      </td>
    </tr>
  )
}
