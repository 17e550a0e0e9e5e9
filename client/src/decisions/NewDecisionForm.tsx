import { createDecision, decisionTitleError, DECISION_TITLE_MAX } from '@fourwall/shared'
import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { TextField } from '../components/TextField.js'
import type { Identity } from '../lib/identity.js'
import { tryCommand } from '../board/writeItem.js'

interface Props {
  doc: Y.Doc
  identity: Identity
  /** Called with the new draft's id, so it opens for writing at once. */
  onCreated(id: string): void
}

/** Starts a draft from its title; the rest is written in the draft itself. */
export function NewDecisionForm({ doc, identity, onCreated }: Props) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const made: { id?: string } = {}
    const problem = decisionTitleError(title) ?? tryCommand(() => (made.id = createDecision(doc, { title: title.trim() }, { by: { id: identity.id, name: identity.name } }).id))
    setError(problem)
    if (problem || made.id === undefined) return
    setTitle('')
    onCreated(made.id)
  }
  return (
    <form className="form form--inline new-decision" onSubmit={submit} aria-label="Draft a new decision">
      <TextField
        id="new-decision-title"
        label="New decision"
        placeholder="In one line: what is being decided"
        value={title}
        maxLength={DECISION_TITLE_MAX}
        error={error}
        onChange={(event) => {
          setTitle(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="button">
        Draft decision
      </button>
    </form>
  )
}
