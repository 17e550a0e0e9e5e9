import { useCallback, useEffect, useRef, useState } from 'react'
import { api, isAbort, problemSentence } from '../lib/api.js'

export interface PagedList<T> {
  entries: T[]
  /** True while the first page or an older one is on its way. */
  loading: boolean
  problem: string | null
  /** False once a page came back shorter than asked for: there is nothing older. */
  hasMore: boolean
  loadOlder(): void
  reload(): void
}

const PAGE = 100

/**
 * A newest-first list the server pages with `?limit=&before=<id>` (the audit log, document
 * updates). `query` holds any other parameters; changing it starts over from the newest entry.
 */
export function usePagedList<T extends { id: number }>(path: string, query: Record<string, string>): PagedList<T> {
  const [entries, setEntries] = useState<T[]>([])
  const [loading, setLoading] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const controllerRef = useRef<AbortController | null>(null)
  const queryKey = new URLSearchParams(query).toString()

  const load = useCallback(
    (before: number | null) => {
      controllerRef.current?.abort()
      const controller = new AbortController()
      controllerRef.current = controller
      const params = new URLSearchParams(queryKey)
      params.set('limit', String(PAGE))
      if (before !== null) params.set('before', String(before))
      setLoading(true)
      setProblem(null)
      api<{ entries?: unknown }>(`${path}?${params}`, { signal: controller.signal }).then(
        (body) => {
          if (controller.signal.aborted) return
          const page = Array.isArray(body?.entries) ? (body.entries as T[]) : []
          setEntries((prev) => (before === null ? page : [...prev, ...page]))
          setHasMore(page.length === PAGE)
          setLoading(false)
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return
          setProblem(problemSentence(error))
          setLoading(false)
        },
      )
    },
    [path, queryKey],
  )

  useEffect(() => {
    load(null)
    return () => controllerRef.current?.abort()
  }, [load])

  const oldest = entries.at(-1)?.id ?? null
  const loadOlder = useCallback(() => {
    if (oldest !== null) load(oldest)
  }, [load, oldest])
  const reload = useCallback(() => load(null), [load])

  return { entries, loading, problem, hasMore, loadOlder, reload }
}
