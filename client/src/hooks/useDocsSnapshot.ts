import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'

/**
 * A value derived from two documents (a week and the workspace), read again after every update of
 * either, local or remote. A new reading equal to the one shown (compared as JSON) is dropped, so
 * the updates it does not depend on, such as a status note being typed, re-render nothing.
 * `read` is called with the documents as they are now; a missing one is null until it loads.
 */
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
    update()
    first?.on('update', update)
    second?.on('update', update)
    return () => {
      first?.off('update', update)
      second?.off('update', update)
    }
  }, [first, second])
  return snapshot
}
