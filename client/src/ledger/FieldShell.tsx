import type { ReactNode } from 'react'

interface Props {
  id: string
  label: string
  /** The sentence of the last refused change, shown under the control. */
  error: string | null
  children: ReactNode
  className?: string
}

/** A ledger field: its label above, the control, and the problem (if any) in words below. */
export function FieldShell({ id, label, error, children, className }: Props) {
  return (
    <div className={`field shift-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

/** The aria-describedby of a control whose FieldShell shows a problem. */
export function errorIdOf(id: string, error: string | null): string | undefined {
  return error ? `${id}-error` : undefined
}
