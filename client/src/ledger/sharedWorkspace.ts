import { WORKSPACE_DOC } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { syncServerUrl } from '../hooks/useProvider.js'

/**
 * One workspace document for every part of the ledger on the page (the ledger section and the
 * outcome picker's "Record it in the ledger"), opened while any of them is mounted. Each would
 * otherwise open its own websocket to the same document.
 */
interface Shared {
  doc: Y.Doc
  provider: WebsocketProvider
  synced: boolean
  users: number
  listeners: Set<() => void>
}

let shared: Shared | null = null

function acquire(): Shared {
  if (!shared) {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), WORKSPACE_DOC, doc, { disableBc: true })
    const entry: Shared = { doc, provider, synced: false, users: 0, listeners: new Set() }
    provider.on('sync', (isSynced: boolean) => {
      if (!isSynced || entry.synced) return
      entry.synced = true
      for (const listener of [...entry.listeners]) listener()
    })
    shared = entry
  }
  shared.users++
  return shared
}

function release(entry: Shared): void {
  entry.users--
  if (entry.users > 0) return
  entry.provider.destroy()
  entry.doc.destroy()
  if (shared === entry) shared = null
}

/** The workspace document once it has synced with the server; null until then. */
export function useLedgerWorkspace(): Y.Doc | null {
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  useEffect(() => {
    const entry = acquire()
    const onSynced = (): void => setDoc(entry.doc)
    if (entry.synced) onSynced()
    else entry.listeners.add(onSynced)
    return () => {
      entry.listeners.delete(onSynced)
      setDoc(null)
      release(entry)
    }
  }, [])
  return doc
}
