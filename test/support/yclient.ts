/**
 * The stock y-websocket client in Node (with `ws` as the WebSocket polyfill), plus small waits.
 */
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

export interface YClient {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/**
 * Opens `docName` with an API token (sent as `?token=`) or signed in with a session cookie, the way
 * a browser brings it on the upgrade (see cookieWebSocket).
 */
export function connectClient(
  wsUrl: string,
  docName: string,
  credential: string | { cookie: string },
  user?: Record<string, unknown>,
): YClient {
  const byToken = typeof credential === 'string'
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: (byToken ? WebSocket : cookieWebSocket(credential.cookie)) as unknown as typeof globalThis.WebSocket,
    params: byToken ? { token: credential } : {},
    disableBc: true,
    maxBackoffTime: 200,
  })
  if (user) provider.awareness.setLocalStateField('user', user)
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * `ws` takes headers as options, so a small WebSocket subclass adds the Cookie header to every
 * (re)connection the provider opens.
 */
function cookieWebSocket(cookie: string): typeof WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } })
    }
  } as unknown as typeof WebSocket
}

export function waitForSync(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Polls until the check passes; fails with the last value seen. */
export async function waitFor<T>(read: () => T, accept: (value: T) => boolean, timeoutMs = 10_000, label = 'condition'): Promise<T> {
  const started = Date.now()
  let value = read()
  while (!accept(value)) {
    if (Date.now() - started > timeoutMs) throw new Error(`${label} not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
    value = read()
  }
  return value
}

export function waitForClose(provider: WebsocketProvider, timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no close')), timeoutMs)
    provider.on('connection-close', (event) => {
      if (!event) return
      clearTimeout(timer)
      resolve({ code: event.code, reason: event.reason })
    })
  })
}
