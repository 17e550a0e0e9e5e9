import type { InputHTMLAttributes, ReactNode } from 'react'

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string
  label: string
  /** A line below the field saying what it wants; read out with it. */
  hint?: ReactNode
  /** What is wrong with this field, shown right below it; marks the field invalid. */
  error?: string | null | undefined
  /** Marks the field invalid when the problem is said elsewhere (a form's FormProblem, say). */
  invalid?: boolean
  /** More ids to read out with the field, such as that FormProblem's. */
  describedBy?: string | undefined
}

/** A labelled text input with its hint and its error below it, each tied to it for screen readers. */
export function TextField({ id, label, hint, error, invalid = false, describedBy, ...input }: Props) {
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [hint ? hintId : null, error ? errorId : null, describedBy].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error || invalid ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint && (
        <p id={hintId} className="field__hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  )
}
