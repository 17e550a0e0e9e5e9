import { useCallback, useSyncExternalStore } from 'react'
import type { SelectionStore } from './SelectionStore.js'

/** Whether this item is the selected one; re-renders only when that answer changes. */
export function useIsSelected(selection: SelectionStore, id: string): boolean {
  const subscribe = useCallback((onChange: () => void) => selection.subscribeId(id, onChange), [selection, id])
  const read = useCallback(() => selection.selectedId() === id, [selection, id])
  return useSyncExternalStore(subscribe, read)
}

/** The selected item's id, for whoever follows every change of selection (presence, the meeting). */
export function useSelectedItemId(selection: SelectionStore): string | null {
  return useSyncExternalStore(selection.subscribe, selection.selectedId)
}
