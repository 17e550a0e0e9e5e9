import { listOwnedDomains, ownerDomainsMap, type OwnedDomain } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/**
 * The workspace's domain map in its order, read again after every change, local or remote (a
 * handful of entries: re-reading them all is cheaper than tracking which one changed). Null while
 * there is no document yet.
 */
export function useOwnedDomains(doc: Y.Doc | null): OwnedDomain[] | null {
  const [domains, setDomains] = useState<OwnedDomain[] | null>(() => (doc ? listOwnedDomains(doc) : null))
  useEffect(() => {
    if (!doc) {
      setDomains(null)
      return
    }
    const map = ownerDomainsMap(doc)
    const update = (): void => setDomains(listOwnedDomains(doc))
    update()
    map.observeDeep(update)
    return () => map.unobserveDeep(update)
  }, [doc])
  return domains
}
