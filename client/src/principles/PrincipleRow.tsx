import { editPrinciple, movePrinciple, removePrinciple, type Principle, type PrinciplePatch } from '@fourwall/shared'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { useCommand } from '../workspace/useCommand.js'
import { PrincipleFields, type PrincipleDraft } from './PrincipleFields.js'

interface Props {
  doc: Y.Doc
  principle: Principle
  /** Its place in the list, from 1. */
  number: number
  /** The roles with `principle.edit` get the controls; everyone else reads. */
  editable: boolean
  isFirst: boolean
  isLast: boolean
}

type Mode = 'reading' | 'editing' | 'confirming'

/**
 * One principle: its number, name and explanation. Editors change it in place, move it up or down
 * and remove it after a confirm step. Saving writes only the fields this person changed, so a
 * colleague who edits the other field at the same moment keeps their change.
 */
export function PrincipleRow({ doc, principle, number, editable, isFirst, isLast }: Props) {
  const id = useId()
  const [mode, setMode] = useState<Mode>('reading')
  const [started, setStarted] = useState<PrincipleDraft>({ name: principle.name, explanation: principle.explanation })
  const [draft, setDraft] = useState<PrincipleDraft>(started)
  const command = useCommand()
  const { name } = principle

  const startEditing = (): void => {
    const current = { name: principle.name, explanation: principle.explanation }
    setStarted(current)
    setDraft(current)
    command.clear()
    setMode('editing')
  }
  const stop = (): void => {
    command.clear()
    setMode('reading')
  }
  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const patch: PrinciplePatch = {}
    if (draft.name !== started.name) patch.name = draft.name
    if (draft.explanation !== started.explanation) patch.explanation = draft.explanation
    if (command.run(() => editPrinciple(doc, principle.id, patch))) setMode('reading')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape') {
      // Inside a form, Escape cancels the edit rather than anything around it.
      event.preventDefault()
      event.stopPropagation()
      stop()
    }
  }

  return (
    <li className="principle" data-principle-id={principle.id} data-principle-name={name}>
      {mode === 'editing' ? (
        <form className="form principle-form" onSubmit={save} onKeyDown={onKeyDown} aria-label={`Edit the principle ${name}`} noValidate>
          <PrincipleFields id={id} draft={draft} command={command} onChange={setDraft} autoFocus />
          <div className="form__actions">
            <button type="submit" className="button button--small">
              Save<span className="visually-hidden"> {name}</span>
            </button>
            <button type="button" className="button button--small button--quiet" onClick={stop}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 className="principle__name">
            <span className="principle__number">{number}.</span> {name}
          </h3>
          <p className="principle__explanation">{principle.explanation}</p>
        </>
      )}
      {editable && mode === 'reading' && (
        <span className="row-actions">
          <button type="button" className="button button--small button--quiet" onClick={startEditing}>
            Edit<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" disabled={isFirst} onClick={() => command.run(() => movePrinciple(doc, principle.id, -1))}>
            Move up<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" disabled={isLast} onClick={() => command.run(() => movePrinciple(doc, principle.id, 1))}>
            Move down<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button--small button--quiet button--danger-quiet" onClick={() => setMode('confirming')}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </span>
      )}
      {mode === 'confirming' && (
        <span className="row-actions">
          <span>Remove the principle {name}? Decisions that cite it keep their words.</span>
          <button
            type="button"
            className="button button--small button--danger"
            autoFocus
            onClick={() => {
              if (command.run(() => removePrinciple(doc, principle.id))) setMode('reading')
            }}
          >
            Yes, remove<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" onClick={stop}>
            Cancel
          </button>
        </span>
      )}
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </li>
  )
}
