import { CloseCode } from '@fourwall/shared'
import { useEffect } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/**
 * The sync socket is where the server first tells this tab that its session changed: 4401 when it
 * ended (signed out elsewhere, revoked by an admin) and 4500 when the person's role or name changed
 * (the provider reconnects by itself). Either way, ask `/api/me` again so the page follows.
 */
export function useSessionSignals(provider: WebsocketProvider | null, recheck: () => void): void {
  useEffect(() => {
    if (!provider) return
    const onClose = (event: CloseEvent | null): void => {
      if (event?.code === CloseCode.unauthorized || event?.code === CloseCode.rejoin) recheck()
    }
    provider.on('connection-close', onClose)
    return () => provider.off('connection-close', onClose)
  }, [provider, recheck])
}
