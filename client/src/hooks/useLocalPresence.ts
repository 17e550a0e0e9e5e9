import { colorFor } from '@fourwall/shared'
import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from '../lib/identity.js'

/**
 * Announces this tab in awareness. The server overwrites id, name and role with the session's
 * identity anyway; setting them here lets you see yourself before the first round trip.
 */
export function useLocalPresence(awareness: Awareness | null, identity: Identity): void {
  const { id, name, role } = identity
  useEffect(() => {
    if (!awareness) return
    const announce = (): void => awareness.setLocalStateField('user', { id, name, role, color: colorFor(id) })
    // Leave at once when the tab closes, instead of lingering in others' lists until awareness times out.
    const leave = (): void => awareness.setLocalState(null)
    const onPageShow = (event: PageTransitionEvent): void => {
      if (event.persisted) announce() // back from the back/forward cache
    }
    announce()
    window.addEventListener('pagehide', leave)
    window.addEventListener('pageshow', onPageShow)
    return () => {
      window.removeEventListener('pagehide', leave)
      window.removeEventListener('pageshow', onPageShow)
    }
  }, [awareness, id, name, role])
}
