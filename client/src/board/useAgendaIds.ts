import { useCallback, useSyncExternalStore } from 'react'
import type { AgendaSnapshot, ItemStore } from './ItemStore.js'

/** The agenda's id lists and progress; the same object (no re-render) while neither changed. */
export function useAgendaIds(store: ItemStore): AgendaSnapshot {
  const subscribe = useCallback((onChange: () => void) => store.subscribeAgenda(onChange), [store])
  const read = useCallback(() => store.agendaSnapshot(), [store])
  return useSyncExternalStore(subscribe, read)
}
