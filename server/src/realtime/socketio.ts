/**
 * socket.io on the same HTTP server, for what is not a document edit (meeting control, questions,
 * notifications; those arrive with the later issues). It authenticates with `auth.token` and is set
 * up never to touch the Yjs endpoint's upgrades. Pages on origins that ALLOWED_ORIGINS does not
 * allow are refused at the handshake, over polling and over websocket alike (see http/origin.ts).
 */
import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import type { Identity, TokenSigner } from '../auth/tokens.js'
import { originForLog, type HasHeaders } from '../http/origin.js'
import type { Logger } from '../logger.js'

export interface SocketData {
  identity: Identity
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: { tokens: TokenSigner; log: Logger; maxMessageBytes: number; originAllowed: (request: HasHeaders) => boolean },
): Server {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    path: '/socket.io/',
    serveClient: false,
    // Leave upgrades for other paths (the Yjs endpoint) alone instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: deps.maxMessageBytes,
    // Runs on every new session's handshake, whichever the transport: a foreign Origin gets 403 on
    // polling and a refused upgrade on websocket, before any session exists. Later requests of a
    // session carry its id, which only a page that completed an allowed handshake knows.
    allowRequest: (request, callback) => {
      if (deps.originAllowed(request)) {
        callback(null, true)
        return
      }
      deps.log.warn('socket.io connection refused: origin not allowed', { origin: originForLog(request) })
      callback('origin not allowed', false)
    },
    // CORS headers only for allowed origins, so a page elsewhere cannot read polling responses.
    // (Same-origin pages need none; a request without Origin is not a browser's cross-site one.)
    cors: (request, callback) => {
      callback(null, { origin: request.headers.origin !== undefined && deps.originAllowed(request), credentials: false })
    },
  })

  io.use((socket, next) => {
    const identity = deps.tokens.verify((socket.handshake.auth as { token?: unknown } | undefined)?.token)
    if (!identity) {
      next(Object.assign(new Error('unauthorized'), { data: { code: 4401, reason: 'invalid or missing token' } }))
      return
    }
    socket.data.identity = identity
    next()
  })

  io.on('connection', (socket) => {
    const identity = socket.data.identity
    void socket.join(`user:${identity.id}`)
    // Lets a client (and the tests) confirm who the server thinks it is.
    socket.on('whoami' as never, (ack: unknown) => {
      if (typeof ack === 'function') (ack as (value: Identity) => void)(identity)
    })
  })

  deps.log.debug('socket.io ready', { path: '/socket.io/' })
  return io as unknown as Server
}
