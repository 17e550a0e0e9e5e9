import { useCallback, useEffect, useState } from 'react'
import { api, isAbort, problemSentence } from '../lib/api.js'

export type ApiData<T> =
  | { status: 'loading' }
  | { status: 'failed'; problem: string }
  | { status: 'ready'; data: T }

/**
 * Loads `path` once and again on `reload()`. A reload keeps what is shown until the new answer
 * arrives, so a table does not blink empty after every change. `read` must be stable (made once,
 * at module level, e.g. with listOf), or every render would load again.
 */
export function useApiData<T>(path: string, read: (body: unknown) => T): { state: ApiData<T>; reload(): void } {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    const controller = new AbortController()
    api<unknown>(path, { signal: controller.signal }).then(
      (body) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data: read(body) })
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState({ status: 'failed', problem: problemSentence(error) })
      },
    )
    return () => controller.abort()
  }, [path, read, attempt])

  return { state, reload }
}

/** The array under `key` in a list answer (`{ people: [...] }`), or a clear error when it is missing. */
export function listOf<T>(key: string): (body: unknown) => T[] {
  return (body) => {
    const list = (body as Record<string, unknown> | null)?.[key]
    if (!Array.isArray(list)) throw new Error(`The server's answer has no "${key}" list.`)
    return list as T[]
  }
}
