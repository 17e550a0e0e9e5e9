import { privateDocName, type WeekId } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { syncServerUrl } from '../hooks/useProvider.js'

export type PrivateDocState =
  | { status: 'loading' }
  | { status: 'ready'; doc: Y.Doc }
  /** The server closed the connection for good (a 44xx code): say why instead of spinning. */
  | { status: 'refused'; reason: string }

/**
 * The week's leadership-private document (drafts live there), for the leads and their chiefs of
 * staff only: nobody else may open it, so nobody else calls this. Its own provider, like the
 * workspace beside the board (useWorkspaceDoc), so the page's week document keeps its handle.
 */
export function usePrivateWeekDoc(weekId: WeekId): PrivateDocState {
  const [state, setState] = useState<PrivateDocState>({ status: 'loading' })
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), privateDocName(weekId), doc, { disableBc: true })
    const onSync = (synced: boolean): void => {
      if (synced) setState({ status: 'ready', doc })
    }
    const onClosed = (event: { code: number; reason: string }): void => {
      setState({ status: 'refused', reason: event.reason || `closed with code ${event.code}` })
    }
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
    return () => {
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      provider.destroy()
      doc.destroy()
      setState({ status: 'loading' })
    }
  }, [weekId])
  return state
}
