import { addPrinciple } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { useAddForm } from '../workspace/useAddForm.js'
import { PrincipleFields, type PrincipleDraft } from './PrincipleFields.js'

const EMPTY: PrincipleDraft = { name: '', explanation: '' }

/** Adds a principle at the end of the list; everyone reading the page sees it at once. */
export function AddPrincipleForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const form = useAddForm(EMPTY, (draft) => addPrinciple(doc, draft))

  return (
    <form className="form principle-form" onSubmit={form.submit} noValidate aria-label="Add a principle" data-add-principle>
      <h2 className="form__title">Add a principle</h2>
      <PrincipleFields id={id} draft={form.draft} command={form.command} onChange={form.edit} />
      <div className="form__actions">
        <button type="submit" className="button">
          Add principle
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={form.command.problem} />
    </form>
  )
}
