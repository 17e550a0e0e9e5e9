import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

declare global {
  interface Window {
    /** For debugging in the console only; tests read the page through its labels instead. */
    __fourwall?: { doc: Y.Doc; provider: WebsocketProvider }
  }
}

/** The sync endpoint on the server that served this page. */
export function syncServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${window.location.host}/yjs`
}

/**
 * One Yjs document synced with the server for as long as the component using it is mounted. The
 * URL carries no credentials: the browser sends the session cookie with the websocket upgrade.
 */
export function useProvider(docName: string): WebsocketProvider | null {
  const [provider, setProvider] = useState<WebsocketProvider | null>(null)
  useEffect(() => {
    const doc = new Y.Doc()
    const next = new WebsocketProvider(syncServerUrl(), docName, doc, {
      // The server is the only authority (it checks each connection's role); tabs syncing with
      // each other directly would let one tab show edits the server refused.
      disableBc: true,
    })
    setProvider(next)
    window.__fourwall = { doc, provider: next }
    return () => {
      if (window.__fourwall?.provider === next) delete window.__fourwall
      next.destroy()
      doc.destroy()
      setProvider(null)
    }
  }, [docName])
  return provider
}
