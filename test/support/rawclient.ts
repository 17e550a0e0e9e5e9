/**
 * A minimal y-websocket protocol client on `ws`, for tests that need control over single frames:
 * it records what the server sends, sends hand-built (or hand-broken) frames, and can keep a Y.Doc
 * in sync the way a real client does. Kept light (no timers, no per-client intervals, optional
 * payload recording) so thousands fit in one test process.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SyncType = { step1: 0, step2: 1, update: 2 } as const

/** Type of a frame that could not be decoded (or a text frame). */
export const UNDECODABLE = -1

export interface ReceivedFrame {
  /** Message type, or UNDECODABLE. */
  type: number
  /** For sync frames: step1 / step2 / update. */
  syncType?: number
  /** For sync and awareness frames: the body (state vector, update or awareness update). */
  payload?: Uint8Array
  bytes: number
  binary: boolean
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The parsed JSON state; null for a removal. */
  state: unknown
}

export interface CloseInfo {
  code: number
  reason: string
}

// ---------------------------------------------------------------------------------------------
// Encoding and decoding (y-protocols wire format, built with lib0 like y-protocols does)

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1 carrying a Y.Doc's state vector (or an already encoded state vector). */
export function syncStep1Frame(docOrStateVector: Y.Doc | Uint8Array = new Uint8Array([0])): Uint8Array {
  const sv = docOrStateVector instanceof Y.Doc ? Y.encodeStateVector(docOrStateVector) : docOrStateVector
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.step1)
    encoding.writeVarUint8Array(e, sv)
  })
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.step2)
    encoding.writeVarUint8Array(e, update)
  })
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MessageType.sync)
    encoding.writeVarUint(e, SyncType.update)
    encoding.writeVarUint8Array(e, update)
  })
}

/** Awareness update body: varuint count, then clientID, clock, JSON string per entry. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, entries.length)
    for (const entry of entries) {
      encoding.writeVarUint(e, entry.clientId)
      encoding.writeVarUint(e, entry.clock)
      encoding.writeVarString(e, JSON.stringify(entry.state))
    }
  })
}

export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    entries.push({ clientId, clock, state })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness entries')
  return entries
}

export function awarenessFrame(entriesOrUpdate: readonly AwarenessEntry[] | Uint8Array): Uint8Array {
  const update = entriesOrUpdate instanceof Uint8Array ? entriesOrUpdate : encodeAwarenessUpdate(entriesOrUpdate)
  return build((e) => {
    encoding.writeVarUint(e, MessageType.awareness)
    encoding.writeVarUint8Array(e, update)
  })
}

export function queryAwarenessFrame(): Uint8Array {
  return Uint8Array.of(MessageType.queryAwareness)
}

export function decodeFrame(data: Uint8Array, binary = true): ReceivedFrame {
  const frame: ReceivedFrame = { type: UNDECODABLE, bytes: data.byteLength, binary }
  if (!binary) return frame
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === MessageType.sync) {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      return { ...frame, type, syncType, payload }
    }
    if (type === MessageType.awareness) return { ...frame, type, payload: decoding.readVarUint8Array(decoder) }
    return { ...frame, type }
  } catch {
    return frame
  }
}

// ---------------------------------------------------------------------------------------------
// The client

export interface RawClientOptions {
  /**
   * 'frames' (default) keeps every received frame with its payload in `frames`; 'counts' only
   * counts them by kind (for thousands of clients in one process).
   */
  record?: 'frames' | 'counts'
  /** Called once the socket is open, before `connect` resolves (e.g. to send the first frames). */
  onOpen?: (client: RawClient) => void
}

export interface FrameCounts {
  step1: number
  step2: number
  update: number
  awareness: number
  other: number
}

export class RawClient {
  readonly frames: ReceivedFrame[] = []
  readonly counts: FrameCounts = { step1: 0, step2: 0, update: 0, awareness: 0, other: 0 }
  closeInfo: CloseInfo | null = null
  /** The last socket error, if any (the socket is closed after one). */
  error: Error | null = null
  /** Set by syncedDoc(). */
  doc: Y.Doc | null = null
  /** True once the server's sync step 2 (the answer to our step 1) arrived. */
  synced = false
  private waiters: Array<() => void> | null = null
  private readonly record: boolean

  private constructor(
    readonly ws: WebSocket,
    options: RawClientOptions,
  ) {
    this.record = (options.record ?? 'frames') === 'frames'
  }

  /**
   * Opens `${wsUrl}/${docName}` with an API token (`?token=`) or a session (its Cookie header);
   * resolves once open, rejects if the handshake fails.
   */
  static connect(wsUrl: string, docName: string, credential: string | { cookie: string }, options: RawClientOptions = {}): Promise<RawClient> {
    const query = typeof credential === 'string' ? `?token=${encodeURIComponent(credential)}` : ''
    const headers = typeof credential === 'string' ? {} : { cookie: credential.cookie }
    const ws = new WebSocket(`${wsUrl}/${encodeURIComponent(docName)}${query}`, { perMessageDeflate: false, headers })
    const client = new RawClient(ws, options)
    ws.on('message', (data: Buffer, isBinary: boolean) => client.onFrame(data, isBinary))
    ws.on('close', (code: number, reason: Buffer) => {
      client.closeInfo = { code, reason: reason.toString() }
      client.notify()
    })
    return new Promise((resolve, reject) => {
      ws.once('open', () => {
        options.onOpen?.(client)
        resolve(client)
      })
      ws.on('error', (error) => {
        client.error = error
        reject(error) // no-op once open
      })
    })
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Sends raw bytes as one binary frame, or a string as one text frame. Ignored once closed. */
  send(data: Uint8Array | string, options: { binary?: boolean; fin?: boolean } = {}): void {
    if (this.ws.readyState !== WebSocket.OPEN) return
    this.ws.send(data, { binary: options.binary ?? typeof data !== 'string', fin: options.fin ?? true })
  }

  sendSyncStep1(docOrStateVector?: Y.Doc | Uint8Array): void {
    this.send(syncStep1Frame(docOrStateVector))
  }

  sendSyncStep2(update: Uint8Array): void {
    this.send(syncStep2Frame(update))
  }

  sendUpdate(update: Uint8Array): void {
    this.send(updateFrame(update))
  }

  sendAwareness(entries: readonly AwarenessEntry[] | Uint8Array): void {
    this.send(awarenessFrame(entries))
  }

  sendQueryAwareness(): void {
    this.send(queryAwarenessFrame())
  }

  /**
   * A Y.Doc kept in sync like a real client: sends step 1, answers the server's step 1, applies
   * step 2 and updates, and sends local changes as updates.
   */
  syncedDoc(): Y.Doc {
    if (this.doc) return this.doc
    const doc = new Y.Doc()
    this.doc = doc
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update)
    })
    this.sendSyncStep1(doc)
    return doc
  }

  /** Awareness frames received so far (requires record: 'frames'). */
  awarenessFrames(): ReceivedFrame[] {
    return this.frames.filter((frame) => frame.type === MessageType.awareness)
  }

  /** Every awareness entry received so far, in order. */
  awarenessEntries(): AwarenessEntry[] {
    return this.awarenessFrames().flatMap((frame) => decodeAwarenessUpdate(frame.payload!))
  }

  /** The latest received state per client id (entries applied in order, highest clock wins). */
  awarenessStates(): Map<number, AwarenessEntry> {
    const states = new Map<number, AwarenessEntry>()
    for (const entry of this.awarenessEntries()) {
      const known = states.get(entry.clientId)
      if (!known || known.clock <= entry.clock) states.set(entry.clientId, entry)
    }
    return states
  }

  /**
   * Resolves once `check` passes, re-checking on every received frame and on close. Rejects after
   * `timeoutMs`, or when the socket closes and the check still fails.
   */
  waitUntil(check: () => boolean, label = 'condition', timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const waiter = (): void => {
        if (check()) {
          finish()
          resolve()
        } else if (this.closeInfo) {
          finish()
          reject(new Error(`${label}: socket closed first (${this.closeInfo.code} ${this.closeInfo.reason})`))
        }
      }
      const timer = setTimeout(() => {
        finish()
        reject(new Error(`${label} not met within ${timeoutMs} ms`))
      }, timeoutMs)
      const finish = (): void => {
        clearTimeout(timer)
        this.waiters = this.waiters?.filter((w) => w !== waiter) ?? null
        if (this.waiters?.length === 0) this.waiters = null
      }
      ;(this.waiters ??= []).push(waiter)
    })
  }

  /** Resolves with the close code and reason (immediately if already closed). */
  async waitForClose(timeoutMs = 10_000): Promise<CloseInfo> {
    await this.waitUntil(() => this.closeInfo !== null, 'close', timeoutMs)
    return this.closeInfo!
  }

  /** Resolves once the server answered our sync step 1 (sent by syncedDoc). */
  waitForSynced(timeoutMs = 10_000): Promise<void> {
    return this.waitUntil(() => this.synced, 'synced', timeoutMs)
  }

  /**
   * A round trip: sends a sync step 1 and resolves when its step 2 answer arrives, so everything
   * sent before has been processed by the server.
   */
  async roundTrip(timeoutMs = 10_000): Promise<void> {
    const target = this.counts.step2 + 1
    this.sendSyncStep1(this.doc ?? undefined)
    await this.waitUntil(() => this.counts.step2 >= target, 'round trip', timeoutMs)
  }

  close(code = 1000): void {
    this.ws.close(code)
  }

  terminate(): void {
    this.ws.terminate()
  }

  private onFrame(data: Buffer, binary: boolean): void {
    const frame = decodeFrame(data, binary)
    if (this.record) this.frames.push(frame)
    if (frame.type === MessageType.sync) {
      if (frame.syncType === SyncType.step1) this.counts.step1++
      else if (frame.syncType === SyncType.step2) this.counts.step2++
      else this.counts.update++
    } else if (frame.type === MessageType.awareness) this.counts.awareness++
    else this.counts.other++

    if (frame.type === MessageType.sync && frame.syncType === SyncType.step2) this.synced = true
    const doc = this.doc
    if (doc && frame.type === MessageType.sync) {
      if (frame.syncType === SyncType.step1) this.sendSyncStep2(Y.encodeStateAsUpdate(doc, frame.payload))
      else Y.applyUpdate(doc, frame.payload!, this)
    }
    this.notify()
  }

  private notify(): void {
    if (!this.waiters) return
    for (const waiter of [...this.waiters]) waiter()
  }
}

/** Opens many clients in parallel batches (to keep the accept queue and event loop reasonable). */
export async function connectMany(
  count: number,
  batchSize: number,
  open: (index: number) => Promise<RawClient>,
): Promise<RawClient[]> {
  const clients: RawClient[] = []
  for (let start = 0; start < count; start += batchSize) {
    const batch = []
    for (let i = start; i < Math.min(count, start + batchSize); i++) batch.push(open(i))
    clients.push(...(await Promise.all(batch)))
  }
  return clients
}

/**
 * Raw clients of one test server, kept so they can all be terminated at once (in afterEach).
 * `wsUrl` is read on each connect, so the server may start after the factory is made.
 */
export interface RawClients {
  /** Opens a client (see RawClient.connect) and keeps it. */
  connect(doc: string, credential: string | { cookie: string }, options?: RawClientOptions): Promise<RawClient>
  /** Connected and attached to its loaded document (the server's step 1 arrived). */
  attached(doc: string, credential: string | { cookie: string }, options?: RawClientOptions): Promise<RawClient>
  /** Keeps a Y.Doc in sync like a real client (see syncedDoc); resolves once synced. */
  synced(doc: string, credential: string | { cookie: string }, options?: RawClientOptions): Promise<RawClient>
  /** Terminates every client opened so far and forgets them. */
  terminateAll(): void
}

export function rawClients(wsUrl: () => string): RawClients {
  const open: RawClient[] = []
  const connect: RawClients['connect'] = async (doc, credential, options) => {
    const client = await RawClient.connect(wsUrl(), doc, credential, options)
    open.push(client)
    return client
  }
  return {
    connect,
    async attached(doc, credential, options) {
      const client = await connect(doc, credential, options)
      await client.waitUntil(() => client.counts.step1 >= 1, 'server sync step 1')
      return client
    },
    async synced(doc, credential, options) {
      const client = await connect(doc, credential, options)
      client.syncedDoc()
      await client.waitForSynced()
      return client
    },
    terminateAll() {
      for (const client of open.splice(0)) client.terminate()
    },
  }
}
