import { useCallback, useEffect, useState } from 'react'
import { fetchIdentity, type Identity } from '../lib/identity.js'

export type IdentityState =
  | { status: 'loading' }
  | { status: 'ready'; identity: Identity }
  | { status: 'unauthorized' }
  | { status: 'unreachable'; message: string }

const RETRY_MS = 3000

/** Asks the server who the token belongs to, retrying by itself while the server is unreachable. */
export function useIdentity(token: string): { state: IdentityState; retry(): void } {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    const controller = new AbortController()
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    fetchIdentity(token, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return
        setState(result === 'unauthorized' ? { status: 'unauthorized' } : { status: 'ready', identity: result })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        const message = error instanceof TypeError ? 'The Fourwall server cannot be reached.' : String((error as Error).message)
        setState({ status: 'unreachable', message })
        retryTimer = setTimeout(retry, RETRY_MS)
      },
    )
    return () => {
      controller.abort()
      clearTimeout(retryTimer)
    }
  }, [token, attempt, retry])

  return { state, retry }
}
