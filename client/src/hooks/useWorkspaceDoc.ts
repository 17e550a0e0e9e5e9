import { WORKSPACE_DOC } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { syncServerUrl } from './useProvider.js'

/**
 * The workspace document beside a week's board, once synced (null until then). Its own provider
 * rather than useProvider's, which would take over the page's debugging handle (window.__fourwall)
 * from the week's document.
 */
export function useWorkspaceDoc(): Y.Doc | null {
  const [synced, setSynced] = useState<Y.Doc | null>(null)
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(syncServerUrl(), WORKSPACE_DOC, doc, { disableBc: true })
    const onSync = (isSynced: boolean): void => {
      if (isSynced) setSynced(doc)
    }
    provider.on('sync', onSync)
    return () => {
      provider.off('sync', onSync)
      provider.destroy()
      doc.destroy()
      setSynced(null)
    }
  }, [])
  return synced
}

/** Re-reads `read(doc)` whenever anything in the document changes. */
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    if (!doc) {
      setValue(null)
      return
    }
    const update = (): void => setValue(read(doc))
    update()
    doc.on('update', update)
    return () => doc.off('update', update)
    // `read` is a module-level function at every call site; the document is what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])
  return value
}
