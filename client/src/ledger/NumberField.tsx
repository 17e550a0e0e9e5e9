import { CommittedField } from '../components/fields/CommittedField.js'
import { commitNumberText, numberAsText } from '../components/fields/numberText.js'

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
 * A whole number of a shift (people, weeks), written when you press Enter or leave the field, never
 * while typing: a half-typed "1" on the way to "12" never reaches the others (see useCommittedValue).
 */
export function NumberField({ id, label, value, min, max, optional = false, commit, field }: Props) {
  return (
    <CommittedField
      id={id}
      label={label}
      className="shift-field"
      field={field}
      value={numberAsText(value)}
      input={{ type: 'number', inputMode: 'numeric', min, max, step: 1 }}
      commit={(text) => commitNumberText(text, commit, { label, optional })}
    />
  )
}
