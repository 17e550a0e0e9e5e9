import { useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError, isAbort, problemSentence, setCsrfToken, setSessionLostHandler, UNREACHABLE } from '../lib/api.js'
import { fetchMe, fetchNeedsSetup, type Identity, type SessionInfo } from '../lib/identity.js'

export type SessionState =
  | { status: 'loading' }
  /** The server cannot be asked; the hook retries by itself meanwhile. */
  | { status: 'unreachable'; message: string }
  /** No admin exists yet: the one-time setup link (or the CLI) comes first. */
  | { status: 'setup' }
  /** `notice` says why, when it was not the person's own choice (a revoked session, say). */
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; identity: Identity }

export interface Session {
  state: SessionState
  retry(): void
  /** A session started here: password sign-in or an invite redeemed. */
  started(info: SessionInfo): void
  /** Ends the session on the server. Throws ApiError when the server cannot be reached. */
  signOut(): Promise<void>
  /**
   * Asks the server again who we are, without a loading screen: after a role change, or when a
   * socket was closed as unauthorized. Signs out, with `notice`, if the session is gone.
   */
  recheck(notice?: string): void
}

const RETRY_MS = 3000
export const SESSION_ENDED = 'Your session has ended: it expired, was signed out elsewhere, or an admin revoked it. Sign in again.'

export function useSession(): Session {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    const controller = new AbortController()
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    // Both at once: the page is ready after one round trip.
    Promise.all([fetchNeedsSetup(controller.signal), fetchMe(controller.signal)]).then(
      ([needsSetup, me]) => {
        if (controller.signal.aborted) return
        setCsrfToken(me?.csrfToken ?? null)
        if (me) setState({ status: 'signed-in', identity: me.identity })
        else setState(needsSetup ? { status: 'setup' } : { status: 'signed-out', notice: null })
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return
        // Anything but a clear answer (a 5xx, a proxy's error page, an answer we cannot read) is retried.
        const message =
          error instanceof ApiError && error.unreachable ? UNREACHABLE : `The Fourwall server could not say who you are: ${problemSentence(error)}`
        setState({ status: 'unreachable', message })
        retryTimer = setTimeout(retry, RETRY_MS)
      },
    )
    return () => {
      controller.abort()
      clearTimeout(retryTimer)
    }
  }, [attempt, retry])

  const started = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken)
    setState({ status: 'signed-in', identity: info.identity })
  }, [])

  const signOut = useCallback(async () => {
    try {
      await api('/api/session', { method: 'DELETE', reportSessionLoss: false })
    } catch (error) {
      // A 401 means the session was already gone: signed out either way.
      if (!(error instanceof ApiError) || error.status !== 401) throw error
    }
    setCsrfToken(null)
    setState({ status: 'signed-out', notice: null })
  }, [])

  // Only the newest recheck may set state: an older, slower answer must not undo a newer one.
  const recheckSeq = useRef(0)
  const recheck = useCallback((notice: string = SESSION_ENDED) => {
    const seq = ++recheckSeq.current
    fetchMe().then(
      (me) => {
        if (seq !== recheckSeq.current) return
        setCsrfToken(me?.csrfToken ?? null)
        setState((prev) => {
          if (me) return { status: 'signed-in', identity: me.identity }
          return prev.status === 'signed-in' ? { status: 'signed-out', notice } : prev
        })
      },
      () => {
        // Unreachable for a moment: keep what is shown; the sync connection says it is offline.
      },
    )
  }, [])

  // Any signed-in call that answers 401 means the session ended under us.
  useEffect(() => {
    setSessionLostHandler(() => recheck())
    return () => setSessionLostHandler(null)
  }, [recheck])

  return { state, retry, started, signOut, recheck }
}
