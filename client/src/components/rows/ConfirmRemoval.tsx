import type { ReactNode } from 'react'

interface Props {
  /** The question in words: what goes, and what stays ("Questions already asked keep it."). */
  question: ReactNode
  /** What is removed, said after "Yes, remove" for screen readers. */
  name: string
  onConfirm(): void
  onCancel(): void
  /** The group's accessible name, where the question alone would not say which row it is. */
  label?: string
  /** The refusal, if removing failed. */
  children?: ReactNode
}

/**
 * The confirm step before removing a row: a slip of the mouse would take the row with it. The
 * focus goes to "Yes, remove" so the keyboard confirms at once, or Tab reaches Cancel.
 */
export function ConfirmRemoval({ question, name, onConfirm, onCancel, label, children }: Props) {
  return (
    <span className="row-actions" role={label ? 'group' : undefined} aria-label={label}>
      <span>{question}</span>
      <button type="button" className="button button--small button--danger" autoFocus onClick={onConfirm}>
        Yes, remove<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onCancel}>
        Cancel
      </button>
      {children}
    </span>
  )
}
