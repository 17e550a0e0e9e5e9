import { CommittedField } from '../components/fields/CommittedField.js'
import { WRITE_DELAY_MS } from '../components/fields/useCommittedValue.js'
import { JargonHints } from './JargonHints.js'

interface Props {
  id: string
  label: string
  /** The value in the document. */
  value: string
  multiline: boolean
  maxLength: number
  /** The shared model's check of the field; null when the text is fine. */
  validate(value: string): string | null
  /** Writes the text to the document; returns the refusal's sentence, or null. */
  write(value: string): string | null
  hint?: string
  /** Show plain-words hints for corporate jargon under the field. */
  jargon?: boolean
}

/**
 * One text field of a decision, written to the private document while you type and at once when
 * you leave it (see useCommittedValue), with plain-words hints for the jargon in what is typed.
 */
export function DecisionField({ id, label, value, multiline, maxLength, validate, write, hint, jargon = false }: Props) {
  const jargonId = `${id}-jargon`
  return (
    <CommittedField
      id={id}
      label={label}
      className="decision-field"
      hint={hint}
      describedBy={jargon ? jargonId : undefined}
      after={jargon ? (draft) => <JargonHints id={jargonId} text={draft} /> : undefined}
      value={value}
      multiline={multiline}
      rows={3}
      maxLength={maxLength}
      validate={validate}
      commit={write}
      writeDelayMs={WRITE_DELAY_MS}
    />
  )
}
