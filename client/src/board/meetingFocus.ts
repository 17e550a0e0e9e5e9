/**
 * The seam between the live meeting (socket.io, client/src/meeting) and the board's rows
 * (client/src/board): a row asks "am I the item being discussed?" without re-rendering when
 * another row gains or loses the focus. The meeting store implements FocusSource; the board
 * provides it through FocusContext.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'

export interface FocusSource {
  /** Calls `onChange` whenever the focused item changes; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void
  /** The item everyone is discussing now, or null. */
  focusedItemId(): string | null
}

const noFocus: FocusSource = { subscribe: () => () => {}, focusedItemId: () => null }

export const FocusContext = createContext<FocusSource>(noFocus)

/** Whether this item is the one being discussed; re-renders only when that answer changes. */
export function useIsFocused(itemId: string): boolean {
  const source = useContext(FocusContext)
  const read = useCallback(() => source.focusedItemId() === itemId, [source, itemId])
  return useSyncExternalStore(source.subscribe, read)
}

/** The focused item's id (for the agenda header and keyboard navigation). */
export function useFocusedItemId(): string | null {
  const source = useContext(FocusContext)
  return useSyncExternalStore(source.subscribe, source.focusedItemId)
}
