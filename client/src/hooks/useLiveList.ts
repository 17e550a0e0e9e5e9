import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * A list kept in one shared map of a document (the decisions, the domains, the principles), read
 * again in full after every change inside it, local or remote: a handful of entries, so re-reading
 * them all is cheaper than tracking which one changed. Null while there is no document yet.
 * `container` and `list` are module functions of the shared model, the same on every render.
 */
export function useLiveList<T>(doc: Y.Doc, container: (doc: Y.Doc) => Y.Map<unknown>, list: (doc: Y.Doc) => T[]): T[]
export function useLiveList<T>(doc: Y.Doc | null, container: (doc: Y.Doc) => Y.Map<unknown>, list: (doc: Y.Doc) => T[]): T[] | null
export function useLiveList<T>(doc: Y.Doc | null, container: (doc: Y.Doc) => Y.Map<unknown>, list: (doc: Y.Doc) => T[]): T[] | null {
  const [entries, setEntries] = useState<T[] | null>(() => (doc ? list(doc) : null))
  useEffect(() => {
    if (!doc) {
      setEntries(null)
      return
    }
    const observed = container(doc)
    const update = (): void => setEntries(list(doc))
    update()
    observed.observeDeep(update)
    return () => observed.unobserveDeep(update)
  }, [doc, container, list])
  return entries
}
