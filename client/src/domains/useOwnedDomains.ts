import { listOwnedDomains, ownerDomainsMap, type OwnedDomain } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useLiveList } from '../hooks/useLiveList.js'

/** The workspace's domain map in its order, read again after every change; null while there is no document yet. */
export function useOwnedDomains(doc: Y.Doc | null): OwnedDomain[] | null {
  return useLiveList(doc, ownerDomainsMap, listOwnedDomains)
}
