import { useCallback, useRef, useState } from 'react'
import { problemSentence } from '../lib/api.js'

export interface Request {
  /** True while the request runs: its button shows a spinner and cannot be pressed again. */
  busy: boolean
  /** What went wrong, in the server's own words (or the form's own check), for FormProblem. */
  problem: string | null
  /** Shows a problem found before sending anything: a form's own check of its fields. */
  fail(problem: string): void
  /** Forgets the problem, once the person starts fixing it. */
  clear(): void
  /**
   * Runs `task` unless a request is already running, showing what it throws as the problem.
   * Resolves true when it succeeded.
   */
  run(task: () => Promise<void>): Promise<boolean>
}

interface Options {
  /**
   * The form stays for another go (an invite form, a dialog), so busy ends after a success too.
   * Otherwise it stays on: whatever succeeded moves on (a row disappears, a screen changes), and
   * the button must not be pressed twice meanwhile.
   */
  repeatable?: boolean
}

/** One button's or form's request to the server: busy while it runs, then the problem if it failed. */
export function useRequest({ repeatable = false }: Options = {}): Request {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // The state above is one render late; this stops a double click from sending twice.
  const running = useRef(false)

  const run = useCallback(
    async (task: () => Promise<void>): Promise<boolean> => {
      if (running.current) return false
      running.current = true
      setBusy(true)
      setProblem(null)
      try {
        await task()
      } catch (error) {
        // A failure frees the button for another try.
        running.current = false
        setProblem(problemSentence(error))
        setBusy(false)
        return false
      }
      if (repeatable) {
        running.current = false
        setBusy(false)
      }
      return true
    },
    [repeatable],
  )

  const fail = useCallback((next: string) => setProblem(next), [])
  const clear = useCallback(() => setProblem(null), [])
  return { busy, problem, fail, clear, run }
}
