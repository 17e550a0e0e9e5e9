import { updateItem, type TypingField } from '@fourwall/shared'
import { useEffect, useRef, useState } from 'react'
import { useBoard } from './BoardContext.js'
import { TypingNote } from './TypingNote.js'
import { tryCommand } from './writeItem.js'

/** Long enough to finish a word, short enough that the others see the note as it is written. */
export const WRITE_DELAY_MS = 300

interface Props {
  itemId: string
  field: TypingField
  label: string
  /** The value in the document. */
  value: string
  maxLength: number
  /** The shared model's check of the field (noteError, ownerError, askError). */
  validate(value: unknown): string | null
  placeholder?: string
}

/**
 * A one-line text field of an item, written to the document while you type (debounced) and at once
 * on Enter or when you leave it. Someone else's edit shows up here unless you have unsaved typing of
 * your own, which is never overwritten under your fingers.
 */
export function LineField({ itemId, field, label, value, maxLength, validate, placeholder }: Props) {
  const { store, typing } = useBoard()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const unsaved = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inputId = `${field}-${itemId}`
  const errorId = `${inputId}-error`

  useEffect(() => {
    if (unsaved.current === null) setDraft(value)
  }, [value])

  const save = (): void => {
    clearTimeout(timer.current)
    const text = unsaved.current
    if (text === null) return
    const problem = validate(text) ?? tryCommand(() => updateItem(store.doc, itemId, { [field]: text }))
    setError(problem)
    if (!problem) unsaved.current = null
  }
  const saveRef = useRef(save)
  saveRef.current = save

  // Collapsing the row (or leaving the week) while a write is pending keeps what was typed.
  useEffect(
    () => () => {
      try {
        saveRef.current()
      } catch {
        // The document is already gone (the page is leaving): nothing left to write to.
      }
    },
    [],
  )

  return (
    <div className="field item-field">
      <div className="item-field__head">
        <label htmlFor={inputId}>{label}</label>
        {/* Beside the label, not in it: the field's name stays "Status note" while someone types. */}
        <TypingNote itemId={itemId} field={field} />
      </div>
      <input
        id={inputId}
        type="text"
        value={draft}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-field={field}
        onChange={(event) => {
          const text = event.target.value
          setDraft(text)
          unsaved.current = text
          setError(validate(text))
          typing.typing(itemId, field)
          clearTimeout(timer.current)
          timer.current = setTimeout(() => saveRef.current(), WRITE_DELAY_MS)
        }}
        onBlur={() => {
          save()
          typing.stopped(itemId, field)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            save()
            typing.stopped(itemId, field)
          } else if (event.key === 'Escape' && unsaved.current !== null) {
            // Escape drops what was not saved yet and shows the document's value again.
            event.stopPropagation()
            clearTimeout(timer.current)
            unsaved.current = null
            setDraft(value)
            setError(null)
            typing.stopped(itemId, field)
          }
        }}
      />
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
