import { editPrinciple, movePrinciple, removePrinciple, type Principle, type PrinciplePatch } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { ConfirmRemoval } from '../components/rows/ConfirmRemoval.js'
import { RowActions } from '../components/rows/RowActions.js'
import { SaveOrCancel } from '../components/rows/SaveOrCancel.js'
import { useEditableRow } from '../components/rows/useEditableRow.js'
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

/**
 * One principle: its number, name and explanation. Editors change it in place, move it up or down
 * and remove it after a confirm step. Saving writes only the fields this person changed, so a
 * colleague who edits the other field at the same moment keeps their change.
 */
export function PrincipleRow({ doc, principle, number, editable, isFirst, isLast }: Props) {
  const id = useId()
  const row = useEditableRow<PrincipleDraft>(() => ({ name: principle.name, explanation: principle.explanation }))
  const { mode, started, command } = row
  const { name } = principle
  const save = row.submit((draft) => {
    const patch: PrinciplePatch = {}
    if (draft.name !== started.name) patch.name = draft.name
    if (draft.explanation !== started.explanation) patch.explanation = draft.explanation
    editPrinciple(doc, principle.id, patch)
  })

  return (
    <li className="principle" data-principle-id={principle.id} data-principle-name={name}>
      {mode === 'editing' ? (
        <form className="form principle-form" onSubmit={save} onKeyDown={row.onFormKeyDown} aria-label={`Edit the principle ${name}`} noValidate>
          <PrincipleFields id={id} draft={row.draft} command={command} onChange={row.edit} autoFocus />
          <div className="form__actions">
            <SaveOrCancel what={name} onCancel={row.stop} />
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
        <RowActions
          name={name}
          onEdit={row.startEditing}
          move={{ isFirst, isLast, onMove: (direction) => command.run(() => movePrinciple(doc, principle.id, direction)) }}
          onRemove={row.askToRemove}
        />
      )}
      {mode === 'confirming' && (
        <ConfirmRemoval
          question={`Remove the principle ${name}? Decisions that cite it keep their words.`}
          name={name}
          onConfirm={() => row.finish(() => removePrinciple(doc, principle.id))}
          onCancel={row.stop}
        />
      )}
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </li>
  )
}
