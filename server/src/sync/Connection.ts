/**
 * One client's WebSocket on the sync endpoint. It counts what the client sends (closing a flood
 * with 4429), buffers it until its document has loaded, sends frames, and closes exactly once with
 * a logged reason.
 */
import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { CloseCode } from '@fourwall/shared'
import type { Identity } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Document } from './Document.js'
import { READ_ONLY_WRITE_RATE, TokenBucket, type Rate } from './RateLimiter.js'
import { wireFrame, type WireFrame } from './wireFrame.js'

/** A client this far behind on reading is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024
const MAX_HELD_BYTES = 8 * 1024 * 1024

export class Connection {
  /**
   * Stable random id of this one connection (the update log names it beside the person). Made at
   * first use: most connections (viewers) never write, and a fresh UUID is a tree of a dozen
   * string pieces until something flattens it, half a kilobyte per idle connection.
   */
  get id(): string {
    return (this._id ??= randomUUID())
  }
  private _id: string | undefined
  /** The session this connection was opened with (null for an API token): sign-out closes it. */
  sessionId: string | null = null
  /** Awareness client ids this connection speaks for. */
  readonly ownedClients = new Set<number>()
  lastSentAt = Date.now()
  /** Cleared at each ping, set again by the pong: a connection that stays false is dead. */
  alive = true
  document: Document | null = null
  private closed = false
  private inbox: Uint8Array[] = []
  private heldBytes = 0
  private readonly messages = new TokenBucket()
  /** Created at the first refused write (most connections never have one). */
  private refusedWrites: TokenBucket | null = null

  constructor(
    readonly ws: WebSocket,
    /** The upgraded socket under `ws`: frames built once for many connections are written to it directly (see wireFrame). */
    private readonly socket: Duplex,
    readonly identity: Identity,
    /** Viewers' connections receive everything and may change nothing. */
    private _readOnly: boolean,
    readonly docName: string,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  /** The person behind the connection (SessionHolder). */
  get personId(): string {
    return this.identity.id
  }

  /** SessionHolder: a signed-out session stops for good (4401); a changed role reconnects. */
  end(reason: 'ended' | 'changed'): void {
    if (reason === 'ended') this.close(CloseCode.unauthorized, 'signed out')
    else this.close(CloseCode.rejoin, 'your role changed; reconnecting')
  }

  /**
   * A read-only connection gets the initial sync and every live update, but none of its document
   * writes is applied, and its presence is relayed to editors only (see Document).
   */
  get readOnly(): boolean {
    return this._readOnly
  }

  /**
   * A week closed while people are connected turns their connections read-only. Takes effect from
   * the next message; presence already relayed stays until its next change or the 30 s awareness
   * timeout.
   */
  setReadOnly(readOnly: boolean): void {
    this._readOnly = readOnly
  }

  get isClosed(): boolean {
    return this.closed
  }

  /**
   * Counts one incoming frame, whatever it holds (also frames that are then dropped or held).
   * Returns false when the frame must be ignored: the connection is closed, or has sent more than
   * `rate` allows and is now closed with 4429.
   */
  admit(rate: Readonly<Rate>, now = performance.now()): boolean {
    if (this.closed) return false
    if (this.messages.take(rate, now)) return true
    this.close(CloseCode.tooManyMessages, 'too many messages')
    return false
  }

  /**
   * Counts a write refused because the connection is read-only. Returns false once it has sent more
   * than READ_ONLY_WRITE_RATE allows (the caller closes it with 4403).
   */
  refuseWrite(now = performance.now()): boolean {
    this.refusedWrites ??= new TokenBucket()
    return this.refusedWrites.take(READ_ONLY_WRITE_RATE, now)
  }

  /** Sends one message to this connection only. */
  send(message: Uint8Array): void {
    this.sendFrame(wireFrame(message))
  }

  /**
   * Sends frames built once for many connections (a relayed update, a presence batch), in one
   * socket write. `messages` is how many frames the buffer holds.
   */
  sendFrame(frame: WireFrame, now = Date.now(), messages = 1): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.socket.writableLength > MAX_BUFFERED_BYTES) {
      this.close(1013, 'client is not keeping up')
      return
    }
    this.socket.write(frame)
    this.lastSentAt = now
    this.metrics.socketWrites.inc()
    this.metrics.messagesSent.inc(messages)
    this.metrics.bytesSent.inc(frame.byteLength)
  }

  /**
   * Holds messages that arrive before the document is ready; returns false once attached. A client
   * that sends more than MAX_HELD_BYTES before its document loaded is closed.
   */
  hold(message: Uint8Array): boolean {
    if (this.document) return false
    this.heldBytes += message.byteLength
    if (this.heldBytes > MAX_HELD_BYTES) {
      this.close(CloseCode.tooManyMessages, 'too much sent before the document loaded')
      return true
    }
    this.inbox.push(message)
    return true
  }

  /** Attaches the loaded document and hands back what arrived meanwhile, in order. */
  attach(document: Document): Uint8Array[] {
    this.document = document
    const held = this.inbox
    this.inbox = []
    return held
  }

  /** The socket closed without us asking (the peer left, or ws refused a frame: 1009, 1007). */
  closedByPeer(code: number): void {
    if (this.closed) return
    this.closed = true
    this.metrics.connectionsClosed.inc(1, { code: String(code) })
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.metrics.connectionsClosed.inc(1, { code: String(code) })
    const level = code >= 4400 || code === 1009 ? 'warn' : 'debug'
    this.log[level]('closing sync connection', { doc: this.docName, user: this.identity.id, code, reason })
    // A close reason may hold at most 123 bytes.
    this.ws.close(code, Buffer.byteLength(reason) > 123 ? reason.slice(0, 40) : reason)
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2_000).unref()
  }
}
