import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { errorIdOf, FieldShell } from './FieldShell.js'

/** Long enough to finish a word, short enough that the others see the text as it is written. */
export const WRITE_DELAY_MS = 300

interface Props {
  id: string
  label: string
  /** The text in the document. */
  value: string
  maxLength: number
  /** A rationale takes a few sentences; a skill or a source fits on one line. */
  multiline?: boolean
  placeholder?: string
  field: string
  /** Writes the text; returns the refusal's sentence, or null when it went through. */
  commit(text: string): string | null
}

/**
 * Text of a shift, written while you type (debounced) and at once when you leave the field (or press
 * Enter on a one-line field). Someone else's edit shows up unless you have unsaved typing of your
 * own, which is never overwritten under your fingers; Escape drops it.
 */
export function WrittenText({ id, label, value, maxLength, multiline = false, placeholder, field, commit }: Props) {
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const unsaved = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (unsaved.current !== null) return
    // One-line texts are stored trimmed: "Security " comes back as "Security", and the space just
    // typed before the next word must not vanish under the cursor.
    setDraft((current) => (current !== value && current.trim() === value ? current : value))
  }, [value])

  const save = (): void => {
    clearTimeout(timer.current)
    const text = unsaved.current
    if (text === null) return
    const problem = commit(text)
    setError(problem)
    if (!problem) unsaved.current = null
  }
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(
    () => () => {
      try {
        saveRef.current()
      } catch {
        // The document is gone already (the page is leaving).
      }
    },
    [],
  )

  const common = {
    id,
    value: draft,
    maxLength,
    placeholder,
    'data-field': field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errorIdOf(id, error),
    onChange: (event: { target: { value: string } }) => {
      setDraft(event.target.value)
      unsaved.current = event.target.value
      clearTimeout(timer.current)
      timer.current = setTimeout(() => saveRef.current(), WRITE_DELAY_MS)
    },
    onBlur: save,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !multiline) {
        event.preventDefault()
        save()
      } else if (event.key === 'Escape' && unsaved.current !== null) {
        event.stopPropagation()
        clearTimeout(timer.current)
        unsaved.current = null
        setDraft(value)
        setError(null)
      }
    },
  }
  return (
    <FieldShell id={id} label={label} error={error} className={multiline ? 'shift-field--wide' : undefined}>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" autoComplete="off" {...common} />}
    </FieldShell>
  )
}
