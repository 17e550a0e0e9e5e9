import { useMemo } from 'react'
import type * as Y from 'yjs'
import { useTextareaBinding } from '../hooks/useTextareaBinding.js'

interface Props {
  doc: Y.Doc
  /** False for roles that may only watch; the server refuses their edits anyway. */
  editable: boolean
}

export function SharedNote({ doc, editable }: Props) {
  const text = useMemo(() => doc.getText('note'), [doc])
  const ref = useTextareaBinding(text)
  return (
    // Not a labelled region: "Shared note" is the textarea's name alone, so getByLabel finds one thing.
    <section className="panel note">
      <h2>Shared note</h2>
      <textarea
        ref={ref}
        className="note__text"
        aria-label="Shared note"
        aria-describedby="note-hint"
        readOnly={!editable}
        rows={6}
        spellCheck
      />
      <p id="note-hint" className="muted">
        {editable ? 'Everyone here sees what you type, as you type it.' : 'Your role can read this note but not change it.'}
      </p>
    </section>
  )
}
