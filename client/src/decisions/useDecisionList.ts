import { decisionsMap, listDecisions, type Decision } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useLiveList } from '../hooks/useLiveList.js'

/** The decisions of a week's document, newest first, read again whenever any of them changes. */
export function useDecisionList(doc: Y.Doc | null): Decision[] | null {
  return useLiveList(doc, decisionsMap, listDecisions)
}
