import type { ReactNode } from 'react'

interface Props {
  /** The control's id; the hint and the error take theirs from it. */
  id: string
  label: ReactNode
  /** The section's look for its fields ("item-field", "shift-field"), after the shared "field". */
  className?: string | undefined
  /** Shown beside the label, not in it, so the field's accessible name stays the label. */
  besideLabel?: ReactNode
  /** A line below the control saying what it wants. */
  hint?: ReactNode
  /** The sentence of the check or the last refused change, announced and shown below the control. */
  error?: string | null
  /** The control. */
  children: ReactNode
  /** Anything that follows the error, such as plain-words hints on what was typed. */
  after?: ReactNode
}

/** A field: its label above, the control, then its hint and its problem (if any) in words. */
export function FieldFrame({ id, label, className, besideLabel, hint, error, children, after }: Props) {
  const labelElement = <label htmlFor={id}>{label}</label>
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {besideLabel ? (
        <div className="field__head">
          {labelElement}
          {besideLabel}
        </div>
      ) : (
        labelElement
      )}
      {children}
      {hint && (
        <p id={hintIdOf(id)} className="field__hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorIdOf(id)} className="field__error" role="alert">
          {error}
        </p>
      )}
      {after}
    </div>
  )
}

export function hintIdOf(id: string): string {
  return `${id}-hint`
}

export function errorIdOf(id: string): string {
  return `${id}-error`
}

/**
 * The aria-describedby of a FieldFrame's control: its hint (when it has one), its error (while
 * shown), then any further ids; undefined when there is nothing to read out.
 */
export function describedByOf(id: string, { hint = false, error = null, more = [] }: { hint?: boolean; error?: string | null; more?: readonly (string | undefined)[] }): string | undefined {
  const ids = [hint ? hintIdOf(id) : undefined, error ? errorIdOf(id) : undefined, ...more].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}
