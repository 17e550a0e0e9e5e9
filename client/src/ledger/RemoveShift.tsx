import { useState } from 'react'
import { ConfirmRemoval } from '../components/rows/ConfirmRemoval.js'

interface Props {
  /** The row in words, for the screen reader's name of each button. */
  what: string
  /** Removes the row; returns the refusal's sentence, or null. */
  remove(): string | null
}

/** Remove, after a confirm step: a row removed by a slip would take its rationale with it. */
export function RemoveShift({ what, remove }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  if (!confirming) {
    return (
      <button type="button" className="button button--small button--quiet button--danger-quiet" onClick={() => setConfirming(true)}>
        Remove<span className="visually-hidden"> the shift {what}</span>
      </button>
    )
  }
  return (
    <ConfirmRemoval
      question="Remove this shift?"
      name={`the shift ${what}`}
      label="Confirm removing the shift"
      onConfirm={() => setProblem(remove())}
      onCancel={() => {
        setConfirming(false)
        setProblem(null)
      }}
    >
      {problem && (
        <span className="field__error" role="alert">
          {problem}
        </span>
      )}
    </ConfirmRemoval>
  )
}
