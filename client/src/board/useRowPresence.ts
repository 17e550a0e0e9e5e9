import { useCallback, useSyncExternalStore } from 'react'
import type { PresenceEntry } from '../hooks/usePresence.js'
import { NOBODY, type PresenceStore, type RowPresence } from './PresenceStore.js'

const noSubscription = (): (() => void) => () => {}
const nobody = (): RowPresence => NOBODY
const noPeople: PresenceEntry[] = []

/** Who else has this item open or is typing in it; re-renders only when that changes. */
export function useRowPresence(presence: PresenceStore | null, itemId: string): RowPresence {
  const subscribe = useCallback((onChange: () => void) => presence?.subscribeRow(itemId, onChange) ?? (() => {}), [presence, itemId])
  const read = useCallback(() => presence?.row(itemId) ?? NOBODY, [presence, itemId])
  return useSyncExternalStore(presence ? subscribe : noSubscription, presence ? read : nobody)
}

/** Everyone on the board, you first. */
export function usePeople(presence: PresenceStore | null): PresenceEntry[] {
  return useSyncExternalStore(presence?.subscribePeople ?? noSubscription, presence?.everyone ?? (() => noPeople))
}
