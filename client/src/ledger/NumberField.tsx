import { useEffect, useRef, useState } from 'react'
import { errorIdOf, FieldShell } from './FieldShell.js'

interface Props {
  id: string
  label: string
  /** The value in the document. */
  value: number | null
  min: number
  max: number
  /** Whether an empty field means "none" (null); otherwise a number is required. */
  optional?: boolean
  /** Writes the value; returns the refusal's sentence, or null when it went through. */
  commit(value: number | null): string | null
  field: string
}

/**
 * A whole number of a shift (people, weeks), written when you press Enter or leave the field: a
 * half-typed "1" on the way to "12" never reaches the others. Someone else's change shows here
 * unless you have typed something of your own that is not written yet; Escape drops that.
 */
export function NumberField({ id, label, value, min, max, optional = false, commit, field }: Props) {
  const shown = value === null ? '' : String(value)
  const [draft, setDraft] = useState(shown)
  const [error, setError] = useState<string | null>(null)
  const unsaved = useRef<string | null>(null)

  useEffect(() => {
    if (unsaved.current === null) setDraft(shown)
  }, [shown])

  const save = (): void => {
    const text = unsaved.current
    if (text === null) return
    let problem: string | null
    if (text.trim() === '') problem = optional ? commit(null) : `${label} needs a number.`
    else problem = commit(Number(text))
    setError(problem)
    if (!problem) unsaved.current = null
  }
  const saveRef = useRef(save)
  saveRef.current = save
  // Leaving the week (or removing the section) while something is typed keeps it.
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

  return (
    <FieldShell id={id} label={label} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        data-field={field}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorIdOf(id, error)}
        onChange={(event) => {
          setDraft(event.target.value)
          unsaved.current = event.target.value
          setError(null)
        }}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            save()
          } else if (event.key === 'Escape' && unsaved.current !== null) {
            event.stopPropagation()
            unsaved.current = null
            setDraft(shown)
            setError(null)
          }
        }}
      />
    </FieldShell>
  )
}
