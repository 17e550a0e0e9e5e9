import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useCommand, type Command } from '../../workspace/useCommand.js'

/** A row shows its content, its edit form in place of it, or the question before removing it. */
export type RowMode = 'reading' | 'editing' | 'confirming'

export interface EditableRow<Draft> {
  mode: RowMode
  /** What the edit form holds now. */
  draft: Draft
  /** What the row held when editing began, so saving can write only what this person changed. */
  started: Draft
  /** The row's last refused write, for its FormProblem and for marking the field it is about. */
  command: Command
  /** Opens the edit form on the row as it is now. */
  startEditing(): void
  /** A change typed in the form; the old refusal is about text that is gone. */
  edit(draft: Draft): void
  /** Asks "Remove …?" before removing. */
  askToRemove(): void
  /** Back to reading, dropping the form and any refusal (Cancel, Escape). */
  stop(): void
  /** Runs a write (save, remove); back to reading when it went through, else its sentence stays. */
  finish(write: () => void): boolean
  /** The edit form's submit: runs the write with the draft. */
  submit(write: (draft: Draft) => void): (event: FormEvent<HTMLFormElement>) => void
  /** The edit form's keys: Escape cancels the edit rather than anything around it. */
  onFormKeyDown(event: KeyboardEvent<HTMLFormElement>): void
}

/**
 * The in-place editing of one row of a list in the workspace document (a team, a domain, a
 * principle): the mode it is in, the draft of its edit form and the refusal of its last write.
 * `current` reads the row's editable fields from the document as they are now.
 */
export function useEditableRow<Draft>(current: () => Draft): EditableRow<Draft> {
  const command = useCommand()
  const [mode, setMode] = useState<RowMode>('reading')
  const [started, setStarted] = useState<Draft>(current)
  const [draft, setDraft] = useState<Draft>(started)

  const stop = (): void => {
    command.clear()
    setMode('reading')
  }
  const finish = (write: () => void): boolean => {
    const done = command.run(write)
    if (done) setMode('reading')
    return done
  }
  return {
    mode,
    draft,
    started,
    command,
    startEditing: () => {
      const now = current()
      setStarted(now)
      setDraft(now)
      command.clear()
      setMode('editing')
    },
    edit: (next) => {
      setDraft(next)
      command.clear()
    },
    askToRemove: () => {
      command.clear()
      setMode('confirming')
    },
    stop,
    finish,
    submit: (write) => (event) => {
      event.preventDefault()
      finish(() => write(draft))
    },
    onFormKeyDown: (event) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        stop()
      }
    },
  }
}
