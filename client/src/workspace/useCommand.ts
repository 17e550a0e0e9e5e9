import { ValidationError } from '@fourwall/shared'
import { useCallback, useState } from 'react'

export interface Command {
  /** The sentence the last failed command threw, for FormProblem. */
  problem: string | null
  /** The input that sentence is about ("objective", "name"), so a form can mark that field. */
  field: string | null
  /** Whether the last refusal is about this input, so the form marks it (aria-invalid). */
  invalid(field: string): boolean
  clear(): void
  /**
   * Runs a document command (addTeam, updateOkr, …). Commands validate before they write and throw
   * a ValidationError with a sentence, so a failure leaves the document untouched and the sentence
   * is shown as it is. Returns true when it succeeded.
   */
  run(command: () => void): boolean
}

/** One form's or row's workspace edit. The edit is local and instant, so there is no busy state, only a problem. */
export function useCommand(): Command {
  const [failure, setFailure] = useState<{ problem: string; field: string | null } | null>(null)
  const clear = useCallback(() => setFailure(null), [])
  const run = useCallback((command: () => void): boolean => {
    try {
      command()
    } catch (error) {
      const field = error instanceof ValidationError ? error.field : null
      setFailure({ problem: error instanceof Error ? error.message : String(error), field })
      return false
    }
    setFailure(null)
    return true
  }, [])
  const problem = failure?.problem ?? null
  const field = failure?.field ?? null
  return { problem, field, invalid: (input) => problem !== null && field === input, clear, run }
}
