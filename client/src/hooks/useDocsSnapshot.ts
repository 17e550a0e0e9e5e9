import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'

/**
 * A value derived from two documents (a week and the workspace), read again after updates of
 * either, local or remote. A new reading equal to the one shown (compared as JSON) is dropped, so
 * the updates it does not depend on, such as a status note being typed, re-render nothing. The
 * readings walk whole maps (every OKR, every shift), so a burst of updates (someone typing) is
 * read once when it settles, not once per keystroke.
 * `read` is called with the documents as they are now; a missing one is null until it loads.
 */
/** Short enough to feel immediate; long enough to fold a typist's updates into one reading. */
const COALESCE_MS = 50

export function useDocsSnapshot<T>(first: Y.Doc | null, second: Y.Doc | null, read: () => T): T {
  const [snapshot, setSnapshot] = useState<T>(read)
  // The latest read, for the listeners set up once per pair of documents.
  const readRef = useRef(read)
  readRef.current = read
  useEffect(() => {
    let shown = ''
    const update = (): void => {
      const next = readRef.current()
      const key = JSON.stringify(next)
      if (key === shown) return
      shown = key
      setSnapshot(next)
    }
    let pending: ReturnType<typeof setTimeout> | null = null
    const schedule = (): void => {
      pending ??= setTimeout(() => {
        pending = null
        update()
      }, COALESCE_MS)
    }
    update()
    first?.on('update', schedule)
    second?.on('update', schedule)
    return () => {
      if (pending) clearTimeout(pending)
      first?.off('update', schedule)
      second?.off('update', schedule)
    }
  }, [first, second])
  return snapshot
}
