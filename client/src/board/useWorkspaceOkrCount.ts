import { listOkrs, okrsMap, WORKSPACE_DOC } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { syncServerUrl } from '../hooks/useProvider.js'

/**
 * How many OKRs the workspace has (null until it has loaded), for the empty week: creating a review
 * from an empty workspace gives an empty board, so the page points to the workspace instead.
 * Its own provider rather than useProvider's, which would take over the page's debugging handle
 * (window.__fourwall) from the week's document.
 */
export function useWorkspaceOkrCount(): number | null {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), WORKSPACE_DOC, doc, { disableBc: true })
    const okrs = okrsMap(doc)
    const read = (): void => {
      if (provider.synced) setCount(listOkrs(doc).length)
    }
    provider.on('sync', read)
    okrs.observeDeep(read)
    return () => {
      okrs.unobserveDeep(read)
      provider.destroy()
      doc.destroy()
    }
  }, [])
  return count
}
