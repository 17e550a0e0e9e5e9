/**
 * One load-generator client: a raw `ws` WebSocket speaking the y-websocket protocol (y-protocols
 * wire format, one message per frame), light enough that a thousand fit in one process beside a
 * measurable p99.
 *
 * The receive path is nearly free on purpose: an update frame is only recorded with its receive
 * time (decoding happens offline, once per distinct frame, in analyse.ts). If receivers decoded and
 * applied every update, a thousand of them would queue behind each other and the latency measured
 * would be the generator's, not the server's. Only the handshake is handled inline: the server's
 * SyncStep1 is answered with our SyncStep2, and its SyncStep2 marks the client synced.
 */
import * as decoding from 'lib0/decoding'
import * as random from 'lib0/random'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { awarenessFrame, MessageType, syncStep1Frame, syncStep2Frame, SyncType, updateFrame } from '../../support/rawclient.js'

export const EDITS_MAP = 'load-bench'

/** Milliseconds since the epoch with sub-millisecond precision; senders and receivers share it. */
export const preciseNow = (): number => performance.timeOrigin + performance.now()

/** y-protocols renews a live awareness state 15 s after its last update, checked every 3 s. */
const RENEW_AFTER_MS = 15_000
const RENEW_JITTER_MS = 3_000

/** The body of a sync message (after its type and subtype), decoded with lib0 like y-protocols. */
export function syncPayload(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

// A viewer's document is always empty: its handshake frames are the same bytes for everyone.
const EMPTY_DOC = new Y.Doc()
const EMPTY_STEP1 = syncStep1Frame(EMPTY_DOC)
const EMPTY_STEP2 = syncStep2Frame(Y.encodeStateAsUpdate(EMPTY_DOC))

/**
 * The update frames one client received, copied back to back into one growing buffer, with each
 * frame's end offset and receive time. Keeping ws's Buffer for every frame instead would keep one
 * object per frame alive (over a million in the burst), which the garbage collector then has to
 * walk while the generator is measuring; a copy of a few dozen bytes is cheaper.
 */
export class FrameLog {
  private bytes = Buffer.allocUnsafe(4096)
  private used = 0
  private readonly ends: number[] = []
  /** preciseNow() when each frame arrived. */
  readonly times: number[] = []

  push(data: Buffer, time: number): void {
    if (this.used + data.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.used + data.length))
      this.bytes.copy(grown, 0, 0, this.used)
      this.bytes = grown
    }
    data.copy(this.bytes, this.used)
    this.used += data.length
    this.ends.push(this.used)
    this.times.push(time)
  }

  get length(): number {
    return this.ends.length
  }

  /** The i-th frame's bytes (a view, valid until the next push). */
  frame(index: number): Buffer {
    return this.bytes.subarray(index === 0 ? 0 : this.ends[index - 1], this.ends[index])
  }
}

/** What all clients of one run share: cheap global marks the drain and settle waits poll. */
export class Hub {
  /** preciseNow() of the last update frame any client received. */
  lastUpdateAt = 0
  /** preciseNow() of the last frame of any kind any client received. */
  lastFrameAt = 0
  synced = 0
}

export interface ClientSpec {
  url: string
  /** Shown in the awareness state, as a real client's user name. */
  name: string
  /** Edit key prefix for editors (`${editorId}:${seq}`); null for a viewer, which never writes. */
  editorId: string | null
  /** Renew the awareness state every 15–18 s as y-protocols does (all-hands); else only the first send. */
  renewAwareness: boolean
}

export class LoadClient {
  readonly clientId: number
  /** Editors' own documents: they hold only this editor's edits (received frames are not applied). */
  readonly doc: Y.Doc | null
  readonly ws: WebSocket
  /** performance.now() at `new WebSocket`, and when the server's SyncStep2 arrived. */
  readonly connectStartedAt: number
  syncedAt = Number.NaN
  /** The server's SyncStep2 payload (the document as it was at join), for convergence. */
  step2: Uint8Array | null = null
  /** Every update frame received, whole, with its receive time (preciseNow). */
  readonly updates = new FrameLog()
  awarenessFrames = 0
  awarenessBytes = 0
  /** Frames that are neither sync nor awareness (or text frames): should stay 0. */
  otherFrames = 0
  /** Set when the socket closed (during the measurement: the server closed it). */
  closeCode: number | null = null
  closeReason = ''
  error: string | null = null
  /** Edits this editor made (its next sequence number). */
  sent = 0
  /** Edits the server has read (see ping): `sent` at the last ping its pong answered. */
  acknowledged = 0
  private readonly pingsAt: number[] = []
  private pongWaiters: Array<() => void> = []
  private awarenessClock = 0
  private renewTimer: NodeJS.Timeout | null = null

  constructor(
    readonly spec: ClientSpec,
    private readonly hub: Hub,
  ) {
    this.doc = spec.editorId === null ? null : new Y.Doc()
    // As in y-protocols, the awareness client id is the document's clientID (random for viewers).
    this.clientId = this.doc?.clientID ?? random.uint32()
    // The doc 'update' event fires synchronously after each edit: sent at once, one frame each.
    this.doc?.on('update', (update: Uint8Array) => this.send(updateFrame(update)))
    this.connectStartedAt = performance.now()
    this.ws = new WebSocket(spec.url, { perMessageDeflate: false })
    this.ws.on('open', this.onOpen)
    this.ws.on('message', this.onMessage)
    this.ws.on('pong', () => {
      this.acknowledged = this.pingsAt.shift() ?? this.acknowledged
      for (const resolve of this.pongWaiters.splice(0)) resolve()
    })
    this.ws.on('error', (error: Error) => {
      this.error = error.message
    })
    this.ws.on('close', (code: number, reason: Buffer) => {
      this.closeCode = code
      this.closeReason = reason.toString()
      this.stopRenewing()
      for (const resolve of this.pongWaiters.splice(0)) resolve()
    })
  }

  get isSynced(): boolean {
    return this.step2 !== null
  }

  /** One edit: a new key holding its send time, taken right before the change is made. */
  edit(): void {
    const key = `${this.spec.editorId}:${this.sent++}`
    this.doc!.getMap<number>(EDITS_MAP).set(key, preciseNow())
  }

  /** For a report when something went wrong: socket state and what arrived. */
  describe(): string {
    const states = ['connecting', 'open', 'closing', 'closed']
    const close = this.closeCode === null ? '' : `, closed ${this.closeCode} ${this.closeReason}`
    return `${this.spec.name}: ${states[this.ws.readyState]}${close}${this.error ? `, error ${this.error}` : ''}, ${this.isSynced ? 'synced' : 'not synced'}, ${this.updates.length} update and ${this.awarenessFrames} awareness frames received`
  }

  /** Bytes written but not yet handed to the kernel: the burst editors' back-pressure signal. */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount
  }

  /**
   * A WebSocket ping after the edits sent so far. Both servers' `ws` answers a ping as it parses
   * it, in order with the data frames before it, and both handle each data frame synchronously as
   * it is parsed: the pong means the server has read and applied every edit sent before the ping.
   */
  ping(): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    this.pingsAt.push(this.sent)
    this.ws.ping()
  }

  /** Resolves at the next pong (or at once if no ping is waiting for one, or the socket closed). */
  nextPong(): Promise<void> {
    if (this.pingsAt.length === 0 || this.closeCode !== null) return Promise.resolve()
    return new Promise((resolve) => this.pongWaiters.push(resolve))
  }

  /** Edits sent that the server has not yet read, as far as the last pong tells. */
  get unacknowledged(): number {
    return this.sent - this.acknowledged
  }

  close(): void {
    this.stopRenewing()
    // No closing handshake: the server is stopped right after, and a thousand handshakes would
    // only add time.
    this.ws.terminate()
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message)
  }

  private readonly onOpen = (): void => {
    // As the y-websocket provider does on open: our SyncStep1, then our awareness state (its
    // Awareness starts with a local state, so every client, viewer or editor, has one).
    this.send(this.doc ? syncStep1Frame(this.doc) : EMPTY_STEP1)
    this.sendAwareness()
  }

  private sendAwareness(): void {
    this.send(awarenessFrame([{ clientId: this.clientId, clock: ++this.awarenessClock, state: { user: { name: this.spec.name } } }]))
    if (this.spec.renewAwareness) {
      this.renewTimer = setTimeout(() => this.sendAwareness(), RENEW_AFTER_MS + Math.random() * RENEW_JITTER_MS)
    }
  }

  /** Stops renewing the awareness state (the measurement is over; the drain should not wait on it). */
  stopRenewing(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer)
    this.renewTimer = null
  }

  /**
   * The hot path. Types and subtypes below 128 are one varuint byte each, so two byte reads
   * classify a frame without a decoder.
   */
  private readonly onMessage = (data: Buffer, isBinary: boolean): void => {
    const now = preciseNow()
    this.hub.lastFrameAt = now
    if (!isBinary || data.length < 2) {
      this.otherFrames++
      return
    }
    const type = data[0]
    const subtype = data[1]
    if (type === MessageType.sync && subtype === SyncType.update) {
      this.updates.push(data, now)
      this.hub.lastUpdateAt = now
    } else if (type === MessageType.awareness) {
      this.awarenessFrames++
      this.awarenessBytes += data.length
    } else if (type === MessageType.sync && subtype === SyncType.step1) {
      // The server asks for what we have that it lacks: a viewer has nothing, an editor its edits.
      this.send(this.doc ? syncStep2Frame(Y.encodeStateAsUpdate(this.doc, syncPayload(data))) : EMPTY_STEP2)
    } else if (type === MessageType.sync && subtype === SyncType.step2) {
      // A second step 2 (none is asked for) would only be a later state; the first one counts.
      if (this.step2 === null) {
        this.syncedAt = performance.now()
        this.step2 = syncPayload(data)
        this.hub.synced++
      }
    } else {
      this.otherFrames++
    }
  }
}
