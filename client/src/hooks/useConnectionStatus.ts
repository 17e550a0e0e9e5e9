import { CloseCode } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'live' }
  /** Lost or never made; the provider keeps retrying by itself. */
  | { status: 'offline' }
  /** The server answers but cannot reach its storage (CloseCode.storageUnavailable); retrying. */
  | { status: 'degraded' }
  /** The server closed it for good (a 4400-4499 code): the provider stopped retrying. */
  | { status: 'closed'; code: number; reason: string }

export function useConnectionStatus(provider: WebsocketProvider | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>({ status: 'connecting' })

  useEffect(() => {
    if (!provider) return
    // y-websocket only says 'disconnected' after a connection that had opened; a failed attempt
    // shows up as 'connection-close' alone, so failures are counted here.
    let failedSinceLive = false
    let closedBy: { code: number; reason: string } | null = null
    let storageDown = false

    const update = (): void => {
      // A deliberate provider.connect() after a close resumes retrying.
      if (closedBy && provider.shouldConnect) {
        closedBy = null
        failedSinceLive = false
      }
      const next: ConnectionState = closedBy
        ? { status: 'closed', ...closedBy }
        : provider.wsconnected && provider.synced
          ? { status: 'live' }
          : storageDown
            ? { status: 'degraded' }
            : { status: failedSinceLive ? 'offline' : 'connecting' }
      setState((prev) => (sameState(prev, next) ? prev : next))
    }
    const onSync = (synced: boolean): void => {
      if (synced) {
        failedSinceLive = false
        storageDown = false
      }
      update()
    }
    const onConnectionClose = (event: CloseEvent | null): void => {
      failedSinceLive = true
      // Until a sync succeeds, "the server cannot save" is the news, whatever the next attempt says.
      if (event?.code === CloseCode.storageUnavailable) storageDown = true
      update()
    }
    const onClosed = (event: { code: number; reason: string }): void => {
      closedBy = { code: event.code, reason: event.reason }
      update()
    }

    provider.on('status', update)
    provider.on('sync', onSync)
    provider.on('connection-close', onConnectionClose)
    provider.on('closed', onClosed)
    update()
    return () => {
      provider.off('status', update)
      provider.off('sync', onSync)
      provider.off('connection-close', onConnectionClose)
      provider.off('closed', onClosed)
    }
  }, [provider])

  return state
}

function sameState(a: ConnectionState, b: ConnectionState): boolean {
  if (a.status !== b.status) return false
  return a.status !== 'closed' || (b.status === 'closed' && a.code === b.code && a.reason === b.reason)
}
