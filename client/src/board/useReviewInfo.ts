import type { ReviewInfo } from '@fourwall/shared'
import { useCallback, useSyncExternalStore } from 'react'
import type { ItemStore } from './ItemStore.js'

const noSubscription = (): (() => void) => () => {}

/** The week's review facts, or null while the week has no review yet (or there is no store yet). */
export function useReviewInfo(store: ItemStore | null): ReviewInfo | null {
  const subscribe = useCallback((onChange: () => void) => store?.subscribeInfo(onChange) ?? (() => {}), [store])
  const read = useCallback(() => store?.reviewInfo() ?? null, [store])
  return useSyncExternalStore(store ? subscribe : noSubscription, read)
}
