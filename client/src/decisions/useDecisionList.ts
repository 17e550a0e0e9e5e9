import { decisionsMap, listDecisions, type Decision } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * The decisions of a week's document, newest first, read again whenever any of them changes (a
 * week holds a handful, so re-reading them all is cheaper than tracking each).
 */
export function useDecisionList(doc: Y.Doc | null): Decision[] | null {
  const [decisions, setDecisions] = useState<Decision[] | null>(null)
  useEffect(() => {
    if (!doc) {
      setDecisions(null)
      return
    }
    const map = decisionsMap(doc)
    const read = (): void => setDecisions(listDecisions(doc))
    read()
    map.observeDeep(read)
    return () => map.unobserveDeep(read)
  }, [doc])
  return decisions
}
