import { useEffect, useRef, useState } from 'react'
import { JargonHints } from './JargonHints.js'

/** Long enough to finish a word, short enough that the others see the text as it is written. */
const WRITE_DELAY_MS = 300

interface Props {
  id: string
  label: string
  /** The value in the document. */
  value: string
  multiline: boolean
  maxLength: number
  /** The shared model's check of the field; null when the text is fine. */
  validate(value: string): string | null
  /** Writes the text to the document; resolves to the refusal's sentence, or null. */
  write(value: string): string | null
  hint?: string
  /** Show plain-words hints for corporate jargon under the field. */
  jargon?: boolean
}

/**
 * One text field of a decision, written to the private document while you type (debounced) and at
 * once when you leave it. Someone else's edit shows up here unless you have unsaved typing of your
 * own, which is never overwritten under your fingers (as the board's LineField does for items).
 */
export function DecisionField({ id, label, value, multiline, maxLength, validate, write, hint, jargon = false }: Props) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const unsaved = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (unsaved.current === null) setDraft(value)
  }, [value])

  const save = (): void => {
    clearTimeout(timer.current)
    const text = unsaved.current
    if (text === null) return
    const problem = validate(text) ?? write(text)
    setError(problem)
    if (!problem) unsaved.current = null
  }
  const saveRef = useRef(save)
  saveRef.current = save
  // Closing the editor while a write is pending keeps what was typed.
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

  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const jargonId = `${id}-jargon`
  const describedBy = [hint ? hintId : null, error ? errorId : null, jargon ? jargonId : null].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value: draft,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => {
      const text = event.target.value
      setDraft(text)
      unsaved.current = text
      setError(validate(text))
      clearTimeout(timer.current)
      timer.current = setTimeout(() => saveRef.current(), WRITE_DELAY_MS)
    },
    onBlur: save,
  }

  return (
    <div className="field decision-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {hint && (
        <p id={hintId} className="field__hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      {jargon && <JargonHints id={jargonId} text={draft} />}
    </div>
  )
}
