/**
 * The selected item, shared with whatever renders inside the board: the meeting bar's keyboard
 * shortcuts move it (`useBoardSelection().select(id)`) along `useAgendaOrder()`. Unlike
 * BoardContext it exists before the document has loaded, so the meeting bar can always read it.
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import type { ItemStore } from './ItemStore.js'
import { SelectionStore } from './SelectionStore.js'

export const SelectionContext = createContext<SelectionStore>(new SelectionStore())

/** The item store behind the board, or null while the week's document is not there yet. */
export const ItemStoreContext = createContext<ItemStore | null>(null)

export function useBoardSelection(): SelectionStore {
  return useContext(SelectionContext)
}

const noIds: readonly string[] = []
const noSubscription = (): (() => void) => () => {}

/**
 * Every item id in the order the board shows them (to discuss, needs a status, green): the order
 * "next item" and "previous item" follow. The same array while the order stays the same.
 */
export function useAgendaOrder(): readonly string[] {
  const store = useContext(ItemStoreContext)
  const subscribe = useCallback((onChange: () => void) => store?.subscribeAgenda(onChange) ?? (() => {}), [store])
  const agenda = useSyncExternalStore(store ? subscribe : noSubscription, () => store?.agendaSnapshot() ?? null)
  return agenda ? agendaOrderOf(agenda) : noIds
}

const orders = new WeakMap<object, readonly string[]>()

/** Cached per agenda snapshot, so the array keeps its identity while the snapshot does. */
function agendaOrderOf(agenda: ReturnType<ItemStore['agendaSnapshot']>): readonly string[] {
  let order = orders.get(agenda)
  if (!order) orders.set(agenda, (order = [...agenda.discuss, ...agenda.unset, ...agenda.green]))
  return order
}
