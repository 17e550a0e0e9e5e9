import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { PresenceStore } from './PresenceStore.js'

/** One PresenceStore per awareness instance; null until the document's provider exists. */
export function usePresenceStore(awareness: Awareness | null, selfId: string): PresenceStore | null {
  const [store, setStore] = useState<PresenceStore | null>(null)
  useEffect(() => {
    if (!awareness) {
      setStore(null)
      return
    }
    const next = new PresenceStore(awareness, selfId)
    setStore(next)
    return () => next.destroy()
  }, [awareness, selfId])
  return store
}
