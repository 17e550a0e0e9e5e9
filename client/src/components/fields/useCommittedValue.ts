import { useEffect, useRef, useState, type KeyboardEvent } from 'react'

/** Long enough to finish a word, short enough that the others see the text as it is written. */
export const WRITE_DELAY_MS = 300

export interface CommittedValueOptions {
  /** The value in the document, as the field shows it. */
  value: string
  /** Writes the text to the document; returns the refusal's sentence, or null when it went through. */
  commit(text: string): string | null
  /** The shared model's check, run on every keystroke so its sentence shows while typing; null when fine. */
  validate?(text: string): string | null
  /**
   * Write while typing, this long after the last keystroke (WRITE_DELAY_MS for text). Without it the
   * field writes only on Enter and when you leave it: a half-typed "1" on the way to "12" never
   * reaches the others.
   */
  writeDelayMs?: number
  /** A textarea: Enter is a new line there, not "write it now". */
  multiline?: boolean
  /** Someone types: the board tells the others ("Ana is typing…"). */
  onTyping?(): void
  /** The typing is over: written (Enter, leaving the field) or dropped (Escape). */
  onDone?(): void
}

/** What a control needs to be a committed field; spread onto the input or textarea. */
export interface CommittedControl {
  value: string
  'aria-invalid': true | undefined
  onChange(event: { target: { value: string } }): void
  onBlur(): void
  onKeyDown(event: KeyboardEvent): void
}

export interface CommittedValue {
  /** What the field shows: your unsaved typing, or else the document's value. */
  draft: string
  /** The sentence of the check or of the last refused write, shown under the field. */
  error: string | null
  control: CommittedControl
}

/**
 * A field's text between the person typing and the shared document. It is written after a pause
 * (when writeDelayMs is given), on Enter (one-line fields) and when you leave the field, and again
 * if the field goes away with typing pending (collapsing a row, leaving the week). Someone else's
 * edit shows up unless you have unsaved typing of your own, which is never overwritten under your
 * fingers; Escape drops that typing and shows the document's value again.
 */
export function useCommittedValue({ value, commit, validate, writeDelayMs, multiline = false, onTyping, onDone }: CommittedValueOptions): CommittedValue {
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
    const problem = validate?.(text) ?? commit(text)
    setError(problem)
    if (!problem) unsaved.current = null
  }
  // The timer and the unmount write run after later renders: they call the latest save, with the
  // latest commit (the item, the row) rather than the one of the render that set them.
  const saveRef = useRef(save)
  saveRef.current = save

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

  const revert = (): void => {
    clearTimeout(timer.current)
    unsaved.current = null
    setDraft(value)
    setError(null)
  }

  const control: CommittedControl = {
    value: draft,
    'aria-invalid': error ? true : undefined,
    onChange: (event) => {
      const text = event.target.value
      setDraft(text)
      unsaved.current = text
      if (validate) setError(validate(text))
      // Written only on Enter or leaving: the refusal was about the text as it was, so typing clears
      // it until the next try. Written as you type: the next write is a pause away and says anew,
      // so the sentence stays rather than flickering with every keystroke.
      else if (writeDelayMs === undefined) setError(null)
      onTyping?.()
      if (writeDelayMs !== undefined) {
        clearTimeout(timer.current)
        timer.current = setTimeout(() => saveRef.current(), writeDelayMs)
      }
    },
    onBlur: () => {
      save()
      onDone?.()
    },
    onKeyDown: (event) => {
      if (event.key === 'Enter' && !multiline) {
        event.preventDefault()
        save()
        onDone?.()
      } else if (event.key === 'Escape' && unsaved.current !== null) {
        // Escape drops only what was not written yet; with nothing pending it goes on to close
        // whatever holds the field.
        event.stopPropagation()
        revert()
        onDone?.()
      }
    },
  }
  return { draft, error, control }
}
