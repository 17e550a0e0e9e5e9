import { listPrinciples, principlesMap, type Principle } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** The product principles in their order, read again after every change, local or remote. */
export function usePrinciples(doc: Y.Doc): Principle[] {
  const [principles, setPrinciples] = useState<Principle[]>(() => listPrinciples(doc))
  useEffect(() => {
    const map = principlesMap(doc)
    const update = (): void => setPrinciples(listPrinciples(doc))
    update()
    map.observeDeep(update)
    return () => map.unobserveDeep(update)
  }, [doc])
  return principles
}
