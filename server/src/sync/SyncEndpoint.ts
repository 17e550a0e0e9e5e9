/**
 * The `/yjs/<docName>` WebSocket endpoint: authenticates the upgrade, wires a Connection to its
 * Document once loaded, keeps idle connections alive and drops dead ones.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { CloseCode, documentAccess, parseDocName } from '@fourwall/shared'
import type { Authenticator } from '../auth/Authenticator.js'
import type { Principal } from '../auth/Principal.js'
import type { FourwallConfig } from '../config.js'
import type { Logger } from '../logger.js'
import type { WeekClosure } from '../weeks/WeekClosure.js'
import type { Metrics } from '../metrics.js'
import { Connection } from './Connection.js'
import type { Document } from './Document.js'
import type { DocumentRegistry } from './DocumentRegistry.js'
import { ProtocolError, receiveMessage } from './MessageReceiver.js'
import { DEFAULT_MESSAGE_RATE, type Rate } from './RateLimiter.js'
import { KEEPALIVE_MESSAGE } from './protocol.js'
import { wireFrame } from './wireFrame.js'

export const SYNC_PATH = '/yjs/'

/** Send a keepalive to a connection that has been sent nothing for this long (client watchdog: 30 s). */
const KEEPALIVE_AFTER_MS = 15_000
const HOUSEKEEPING_MS = 5_000
const PING_EVERY_MS = 30_000
const KEEPALIVE = wireFrame(KEEPALIVE_MESSAGE)

export interface SyncEndpointDeps {
  config: Pick<FourwallConfig, 'maxMessageBytes'>
  documents: DocumentRegistry
  authenticator: Authenticator
  closure: WeekClosure
  metrics: Metrics
  log: Logger
  /** Frames one connection may send (default DEFAULT_MESSAGE_RATE); more closes it with 4429. */
  messageRate?: Rate
}

export class SyncEndpoint {
  readonly connections = new Set<Connection>()
  /** Read at every frame, so a change applies to open connections too. */
  messageRate: Readonly<Rate>
  private readonly wss: WebSocketServer
  private readonly housekeeping: NodeJS.Timeout
  /** Documents whose remote updates this endpoint checks for a week closed by another process. */
  private readonly watched = new WeakSet<Document>()
  private lastPing = Date.now()
  /** The connection of each accepted socket, for listeners shared by every socket (see socketListeners). */
  private readonly connectionOf = new WeakMap<WebSocket, Connection>()
  /**
   * One set of socket listeners for all connections (`ws` calls them with the socket as `this`),
   * rather than four closures per connection: a room of a thousand viewers is mostly idle sockets,
   * so what each one holds is the server's memory.
   */
  private readonly socketListeners = SyncEndpoint.listenersFor(this)

  constructor(private readonly deps: SyncEndpointDeps) {
    this.messageRate = deps.messageRate ?? DEFAULT_MESSAGE_RATE
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.config.maxMessageBytes,
      perMessageDeflate: false,
      clientTracking: false,
    })
    this.housekeeping = setInterval(() => this.keepAlive(), HOUSEKEEPING_MS)
    this.housekeeping.unref()
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let docName: string
    try {
      docName = decodeURIComponent(url.pathname.slice(SYNC_PATH.length))
    } catch {
      docName = ''
    }
    // Scripts pass an API token in the query; browsers bring their session cookie with the upgrade.
    const token = url.searchParams.get('token') ?? undefined
    // Until the upgrade completes nothing else listens: a reset socket must not crash the process.
    const ignoreErrors = () => {}
    socket.on('error', ignoreErrors)
    this.deps.authenticator.authenticate({ token, cookieHeader: request.headers.cookie }).then(
      (principal) => {
        socket.off('error', ignoreErrors)
        if (socket.destroyed) return
        this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, socket, docName, principal))
      },
      (error: unknown) => {
        this.deps.log.error('sync connection refused: authentication failed', { doc: docName, error })
        socket.destroy()
      },
    )
  }

  /** Closes every connection with 1001 (server going away). */
  closeAll(): void {
    clearInterval(this.housekeeping)
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'server shutting down')
  }

  private accept(ws: WebSocket, socket: Duplex, docName: string, principal: Principal | null): void {
    // Attached first: an oversized frame or a socket error must never reach the process.
    ws.on('error', this.socketListeners.error)
    if (!principal) {
      this.deps.log.warn('sync connection refused: not signed in (no valid session or token)', { doc: docName })
      refuse(ws, CloseCode.unauthorized, 'sign in first')
      return
    }
    const { identity } = principal
    const kind = parseDocName(docName)
    if (!kind) {
      refuse(ws, CloseCode.notFound, 'no such document')
      return
    }
    const access = documentAccess(identity.role, kind)
    if (access === 'none') {
      this.deps.log.warn('sync connection refused: role may not open this document', { doc: docName, user: identity.id, role: identity.role })
      refuse(ws, CloseCode.forbidden, 'you may not open this document')
      return
    }
    const log = this.deps.log
    const connection = new Connection(ws, socket, identity, access === 'read', docName, this.deps.metrics, log)
    connection.sessionId = principal.sessionId
    this.connections.add(connection)

    this.connectionOf.set(ws, connection)
    ws.on('message', this.socketListeners.message)
    ws.on('pong', this.socketListeners.pong)
    ws.on('close', this.socketListeners.close)

    this.deps.documents.get(docName).then(
      (document) => {
        if (connection.isClosed || ws.readyState !== ws.OPEN) return
        this.deps.documents.cancelUnload(document)
        this.watchClosure(document)
        if (this.deps.closure.closedMark(docName, document.ydoc)) connection.setReadOnly(true)
        const held = connection.attach(document)
        document.addConnection(connection)
        for (const message of held) if (!this.receive(connection, message)) return
      },
      (error: unknown) => {
        log.error('document failed to load', { doc: docName, error })
        connection.close(CloseCode.storageUnavailable, 'document failed to load')
      },
    )
  }

  /**
   * A week closed on another process reaches this one as a remote update carrying the signed close
   * marker: from then on this process's connections to it are read-only too, as the closing
   * process made its own.
   */
  private watchClosure(document: Document): void {
    if (this.watched.has(document)) return
    this.watched.add(document)
    document.remoteUpdateListeners.add(() => {
      if (!this.deps.closure.closedMark(document.name, document.ydoc)) return
      for (const connection of document.connections) connection.setReadOnly(true)
    })
  }

  private static listenersFor(endpoint: SyncEndpoint) {
    const connectionOf = (ws: WebSocket) => endpoint.connectionOf.get(ws)
    return {
      message(this: WebSocket, data: RawData, isBinary: boolean): void {
        const connection = connectionOf(this)
        if (connection) endpoint.onMessage(connection, data, isBinary)
      },
      pong(this: WebSocket): void {
        const connection = connectionOf(this)
        if (connection) connection.alive = true
      },
      close(this: WebSocket, code: number): void {
        const connection = connectionOf(this)
        if (connection) endpoint.onSocketClose(connection, code)
      },
      error(this: WebSocket, error: Error): void {
        endpoint.deps.log.warn('sync socket error', { doc: connectionOf(this)?.docName, error })
      },
    }
  }

  /** The socket closed (after our close, the peer's, or an error). */
  private onSocketClose(connection: Connection, code: number): void {
    connection.closedByPeer(code)
    if (code === CloseCode.messageTooBig) {
      this.deps.log.warn('sync connection closed: message over the size limit', { doc: connection.docName, user: connection.identity.id })
    }
    this.connections.delete(connection)
    const document = connection.document
    if (document) {
      document.removeConnection(connection)
      if (document.connections.size === 0) this.deps.documents.scheduleUnload(document)
    }
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    connection.alive = true
    if (!connection.admit(this.messageRate)) return
    if (!isBinary || !(data instanceof Buffer)) {
      connection.close(CloseCode.badMessage, 'expected one binary y-websocket message per frame')
      return
    }
    this.deps.metrics.bytesReceived.inc(data.byteLength)
    if (!connection.hold(data)) this.receive(connection, data)
  }

  /** Returns false when the message closed the connection. */
  private receive(connection: Connection, message: Uint8Array): boolean {
    if (connection.isClosed) return false
    try {
      receiveMessage(connection, connection.document!, message)
      return true
    } catch (error) {
      const code = error instanceof ProtocolError ? error.code : CloseCode.badMessage
      connection.close(code, (error as Error).message.slice(0, 120))
      return false
    }
  }

  private keepAlive(): void {
    const now = Date.now()
    const ping = now - this.lastPing >= PING_EVERY_MS
    if (ping) this.lastPing = now
    for (const connection of this.connections) {
      if (ping) {
        if (!connection.alive) {
          connection.ws.terminate()
          continue
        }
        connection.alive = false
        connection.ws.ping()
      }
      if (now - connection.lastSentAt >= KEEPALIVE_AFTER_MS) connection.sendFrame(KEEPALIVE, now)
    }
  }
}

/** Closes a socket that never became a Connection, cutting it off if the peer ignores the close. */
function refuse(ws: WebSocket, code: number, reason: string): void {
  ws.close(code, reason)
  setTimeout(() => ws.terminate(), 2_000).unref()
}
