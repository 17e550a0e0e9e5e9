import { listPrinciples, principlesMap, type Principle } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useLiveList } from '../hooks/useLiveList.js'

/** The product principles in their order, read again after every change, local or remote. */
export function usePrinciples(doc: Y.Doc): Principle[] {
  return useLiveList(doc, principlesMap, listPrinciples)
}
