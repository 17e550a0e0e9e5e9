import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { ItemStore } from './ItemStore.js'

/** One ItemStore per document for as long as the board shows it; null until there is a document. */
export function useItemStore(doc: Y.Doc | null): ItemStore | null {
  const [store, setStore] = useState<ItemStore | null>(null)
  useEffect(() => {
    if (!doc) {
      setStore(null)
      return
    }
    const next = new ItemStore(doc)
    setStore(next)
    return () => next.destroy()
  }, [doc])
  return store
}
