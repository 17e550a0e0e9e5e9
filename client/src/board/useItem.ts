import type { ReviewItem } from '@fourwall/shared'
import { useCallback, useSyncExternalStore } from 'react'
import type { ItemStore } from './ItemStore.js'

/** One item, re-rendering only when a transaction touched that item. */
export function useItem(store: ItemStore, id: string): ReviewItem | undefined {
  const subscribe = useCallback((onChange: () => void) => store.subscribeItem(id, onChange), [store, id])
  const read = useCallback(() => store.item(id), [store, id])
  return useSyncExternalStore(subscribe, read)
}
