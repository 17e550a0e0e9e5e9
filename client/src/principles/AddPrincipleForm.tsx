import { addPrinciple } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { useCommand } from '../workspace/useCommand.js'
import { PrincipleFields, type PrincipleDraft } from './PrincipleFields.js'

const EMPTY: PrincipleDraft = { name: '', explanation: '' }

/** Adds a principle at the end of the list; everyone reading the page sees it at once. */
export function AddPrincipleForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const [draft, setDraft] = useState<PrincipleDraft>(EMPTY)
  const command = useCommand()

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (command.run(() => addPrinciple(doc, draft))) setDraft(EMPTY)
  }

  return (
    <form className="form principle-form" onSubmit={submit} noValidate aria-label="Add a principle" data-add-principle>
      <h2 className="form__title">Add a principle</h2>
      <PrincipleFields id={id} draft={draft} command={command} onChange={setDraft} />
      <div className="form__actions">
        <button type="submit" className="button">
          Add principle
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </form>
  )
}
