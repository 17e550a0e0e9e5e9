import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** True once the document has loaded from the server; stays true through later reconnects. */
export function useHasSynced(provider: WebsocketProvider | null): boolean {
  const [synced, setSynced] = useState(false)
  useEffect(() => {
    setSynced(provider?.synced ?? false)
    if (!provider) return
    const onSync = (state: boolean): void => {
      if (state) setSynced(true)
    }
    provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [provider])
  return synced
}
