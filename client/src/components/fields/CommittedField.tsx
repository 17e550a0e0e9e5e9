import type { InputHTMLAttributes, ReactNode } from 'react'
import { describedByOf, FieldFrame } from './FieldFrame.js'
import { useCommittedValue, type CommittedValueOptions } from './useCommittedValue.js'

interface Props extends CommittedValueOptions {
  id: string
  label: ReactNode
  /** The section's look ("item-field", "decision-field", "shift-field"), after the shared "field". */
  className?: string | undefined
  besideLabel?: ReactNode
  hint?: string | undefined
  /** Rendered below the error from what is typed so far (the decision's jargon hints). */
  after?(draft: string): ReactNode
  /** More ids the control is described by, such as those hints'. */
  describedBy?: string | undefined
  /** The data-field the tests and the presence code find the control by. */
  field?: string | undefined
  maxLength?: number | undefined
  placeholder?: string | undefined
  /** A textarea of this many rows; only with multiline. */
  rows?: number | undefined
  /** What makes a one-line input a number field (type, inputMode, min, max, step) or keeps autofill off. */
  input?: Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'min' | 'max' | 'step' | 'autoComplete'>
}

/**
 * A labelled text, number or multi-line field whose value is written to the shared document by
 * useCommittedValue, with its hint and its problem in words below it. The board's item fields,
 * the decisions' texts and the ledger's fields are all this, each with its own look.
 */
export function CommittedField({ id, label, className, besideLabel, hint, after, describedBy, field, maxLength, placeholder, rows, input, ...options }: Props) {
  const { draft, error, control } = useCommittedValue(options)
  const shared = {
    id,
    maxLength,
    placeholder,
    'data-field': field,
    'aria-describedby': describedByOf(id, { hint: Boolean(hint), error, more: [describedBy] }),
    ...control,
  }
  return (
    <FieldFrame id={id} label={label} className={className} besideLabel={besideLabel} hint={hint} error={error} after={after?.(draft)}>
      {options.multiline ? <textarea rows={rows} {...shared} /> : <input type="text" {...input} {...shared} />}
    </FieldFrame>
  )
}
