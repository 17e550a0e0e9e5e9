interface NumberRule {
  /** The field's label, for the sentence when a number is required. */
  label: string
  /** Whether an empty field means "none" (null); otherwise a number is required. */
  optional: boolean
}

/**
 * Turns a number field's text into the value it writes: empty is "none" where that is allowed,
 * otherwise a sentence asking for a number; anything else goes to the model's own check as typed.
 */
export function commitNumberText(text: string, commit: (value: number | null) => string | null, { label, optional }: NumberRule): string | null {
  if (text.trim() === '') return optional ? commit(null) : `${label} needs a number.`
  return commit(Number(text))
}

/** How a number in the document is shown in its field: none is an empty field. */
export function numberAsText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}
