import { CommittedField } from '../components/fields/CommittedField.js'
import { WRITE_DELAY_MS } from '../components/fields/useCommittedValue.js'

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

/** Text of a shift, written while you type and at once when you leave the field (see useCommittedValue). */
export function WrittenText({ id, label, value, maxLength, multiline = false, placeholder, field, commit }: Props) {
  return (
    <CommittedField
      id={id}
      label={label}
      className={multiline ? 'shift-field shift-field--wide' : 'shift-field'}
      field={field}
      value={value}
      multiline={multiline}
      rows={2}
      maxLength={maxLength}
      placeholder={placeholder}
      input={{ autoComplete: 'off' }}
      commit={commit}
      writeDelayMs={WRITE_DELAY_MS}
    />
  )
}
