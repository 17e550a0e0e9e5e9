/**
 * The Redis fan-out: every process holding a document follows what the other processes store in
 * its stream, and exchanges presence with them.
 *
 * Updates: the stream is the source of truth. Each followed document keeps the id of the last entry
 * this process has (starting where its load ended, see RedisStorage.loadWithCursor), and one loop
 * on a dedicated connection reads every followed stream from there: a blocking XREAD (COUNT 1) only
 * says which streams have news, then READ_FEED reads each one's entries after its position and, in
 * the same script, checks that compaction has not trimmed any entry past it. So a slow process, a
 * Redis reconnect or a long load misses nothing: the loop resumes from the last id it read, and a
 * position that was trimmed meanwhile makes the document reload (snapshot and stream) instead.
 * Entries this process stored itself (the `o` field, see scripts.ts) are skipped: its document
 * holds them already. Pub/sub alone could drop updates, so it carries none.
 *
 * Presence: pub/sub on one channel per document, each message naming the process that sent it so
 * nobody hears itself. Losing a message is fine: clients renew their presence every 15 s. A process
 * that starts following a document asks the others for what they hold (a query), so presence shows
 * at once instead of at the next renewal.
 *
 * Three connections, because a blocked XREAD and a subscribed connection can do nothing else: the
 * reader, the subscriber and the publisher (which also wakes the reader when a document is added).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Redis } from 'ioredis'
import type { Logger } from '../../logger.js'
import type { DocumentFeed, Fanout, FanoutListener, FeedPosition, LoadedDocument } from '../../sync/Fanout.js'
import type { RedisStorage } from '../RedisStorage.js'
import { connectRedis } from './client.js'
import type { DocumentKeys, RedisKeys } from './keys.js'
import { READ_FEED, runScriptBuffer } from './scripts.js'

export interface RedisFanoutOptions {
  url: string
  keys: RedisKeys
  /** Loads documents (and reloads a trimmed one); its processId names this process. */
  storage: RedisStorage
  log?: Logger | undefined
}

/** How long one XREAD waits for news before the loop looks round. */
const BLOCK_MS = 1_000
/** Entries read per document per round; a longer backlog takes a few rounds. */
const READ_COUNT = 500
/**
 * Every followed position is checked at least this often, news or not: an entry trimmed before the
 * loop read it leaves no news behind, only the trim.
 */
const FULL_CHECK_MS = 1_000
/** Back-off between failed rounds while Redis is away. */
const RETRY_DELAYS_MS = [50, 100, 250, 500, 1_000] as const
/** How long a new document waits at most for the reader to be woken before the XREAD times out anyway. */
const WAKE_ATTEMPTS = 100
const WAKE_RETRY_MS = 5

const MessageKind = { presence: 0, query: 1 } as const

/** A stream entry as the reply of XRANGE gives it: [id, [field, value, ...]]. */
type StreamEntry = [id: Buffer, fields: Buffer[]]

interface Subscription {
  readonly docName: string
  readonly keys: DocumentKeys
  /** The update id of the last entry this process has; entries after it are news. */
  cursor: number
  readonly listener: FanoutListener
}

export class RedisFanout implements Fanout {
  readonly processId: string

  readonly #keys: RedisKeys
  readonly #storage: RedisStorage
  readonly #log: Logger | undefined
  readonly #reader: Redis
  readonly #subscriber: Redis
  readonly #publisher: Redis
  /** By document name: at most one per document (the registry loads each once at a time). */
  readonly #subscriptions = new Map<string, Subscription>()
  readonly #byChannel = new Map<string, Subscription>()
  /** Bumped whenever a document is added, so a wait that predates it can be cut short. */
  #generation = 0
  /** The generation of the XREAD in flight; null while none is. */
  #readingGeneration: number | null = null
  /** The reader's CLIENT ID (for CLIENT UNBLOCK); null until read again after a reconnect. */
  #readerId: number | null = null
  /** Ends the loop's current pause (no documents to follow, or a back-off). */
  #wakeIdle: (() => void) | null = null
  #lastFullCheck = 0
  #closed = false
  readonly #loop: Promise<void>

  static async open({ url, keys, storage, log }: RedisFanoutOptions): Promise<RedisFanout> {
    const tag = storage.processId.slice(0, 8)
    const opened = await Promise.allSettled(
      ['reader', 'subscriber', 'publisher'].map((role) => connectRedis(url, log, `fourwall-fanout-${role}-${tag}`)),
    )
    const clients = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
    const failed = opened.find((result) => result.status === 'rejected')
    if (failed) {
      for (const client of clients) client.disconnect()
      throw failed.reason
    }
    const [reader, subscriber, publisher] = clients as [Redis, Redis, Redis]
    return new RedisFanout({ keys, storage, log }, reader, subscriber, publisher)
  }

  private constructor(options: Omit<RedisFanoutOptions, 'url'>, reader: Redis, subscriber: Redis, publisher: Redis) {
    this.processId = options.storage.processId
    this.#keys = options.keys
    this.#storage = options.storage
    this.#log = options.log
    this.#reader = reader
    this.#subscriber = subscriber
    this.#publisher = publisher
    // A reconnected reader has a new CLIENT ID.
    reader.on('ready', () => {
      this.#readerId = null
    })
    // Subscriptions do not survive a reconnect on our terms (and one made while Redis was away
    // failed): subscribe again, and ask again, since presence sent meanwhile was lost.
    subscriber.on('ready', () => {
      for (const subscription of this.#subscriptions.values()) void this.#listen(subscription)
    })
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#onMessage(channel.toString(), message))
    this.#loop = this.#run()
  }

  async load(docName: string): Promise<LoadedDocument> {
    const { updates, cursor } = await this.#storage.loadWithCursor(docName)
    return { updates, position: cursor }
  }

  subscribe(docName: string, position: FeedPosition, listener: FanoutListener): DocumentFeed {
    if (this.#closed) throw new Error(`The Redis fan-out is closed; ${docName} cannot follow other processes.`)
    const keys = this.#keys.of(docName)
    const subscription: Subscription = { docName, keys, cursor: updateIdOf(position), listener }
    this.#subscriptions.set(docName, subscription)
    this.#byChannel.set(keys.awareness, subscription)
    this.#generation++
    this.#wakeReader()
    void this.#listen(subscription)
    return {
      publishAwareness: (message) => {
        if (this.#isCurrent(subscription)) this.#publish(subscription, MessageKind.presence, message)
      },
      close: () => this.#unsubscribe(subscription),
    }
  }

  /** Stops following every document and closes the three connections. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#subscriptions.clear()
    this.#byChannel.clear()
    this.#wakeIdle?.()
    // Fails the XREAD in flight; the loop sees #closed and ends.
    this.#reader.disconnect()
    await this.#loop
    // QUIT lets the last presence messages (goodbyes) go out first.
    await Promise.all([this.#subscriber, this.#publisher].map((client) => client.quit().catch(() => client.disconnect())))
  }

  // --- updates -------------------------------------------------------------------------------

  async #run(): Promise<void> {
    let failures = 0
    while (!this.#closed) {
      try {
        await this.#round()
        if (failures > 0) this.#log?.info('following other processes’ updates again, from the last positions read')
        failures = 0
      } catch (error) {
        if (this.#closed) return
        if (failures === 0) this.#log?.warn('could not read other processes’ updates from Redis; retrying from the last positions read', { error })
        await this.#pause(RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)]!)
        failures++
      }
    }
  }

  /** Waits for news on any followed stream (at most BLOCK_MS), then reads what is due. */
  async #round(): Promise<void> {
    if (this.#subscriptions.size === 0) return this.#pause(Infinity)
    // Taken with the list of streams: a document added after this point must wake the XREAD.
    const generation = this.#generation
    const subscriptions = [...this.#subscriptions.values()]
    this.#readerId ??= (await this.#reader.client('ID')) as number
    this.#readingGeneration = generation
    let news: [Buffer, StreamEntry[]][] | null
    try {
      news = (await this.#reader.xreadBuffer(
        'COUNT',
        1,
        'BLOCK',
        BLOCK_MS,
        'STREAMS',
        ...subscriptions.map((subscription) => subscription.keys.updates),
        ...subscriptions.map((subscription) => `${subscription.cursor}-0`),
      )) as [Buffer, StreamEntry[]][] | null
    } finally {
      this.#readingGeneration = null
    }
    const woken = new Set((news ?? []).map(([key]) => key.toString()))
    const now = Date.now()
    const checkAll = now - this.#lastFullCheck >= FULL_CHECK_MS
    if (checkAll) this.#lastFullCheck = now
    const due = subscriptions.filter((subscription) => checkAll || woken.has(subscription.keys.updates))
    // Settled, not raced: a read still under way must not overlap the next round's read of the same stream.
    const results = await Promise.allSettled(due.map((subscription) => this.#read(subscription)))
    const failure = results.find((result) => result.status === 'rejected')
    if (failure) throw failure.reason
  }

  /** Reads one document's entries after its position and hands the other processes' ones over. */
  async #read(subscription: Subscription): Promise<void> {
    const reply = (await runScriptBuffer(this.#reader, READ_FEED, [subscription.keys.updates, subscription.keys.meta], [
      String(subscription.cursor),
      String(READ_COUNT),
    ])) as [0] | [1, StreamEntry[]]
    if (!this.#isCurrent(subscription)) return
    if (reply[0] === 0) return this.#reload(subscription)
    const entries = reply[1]
    const last = entries.at(-1)
    if (!last) return
    const updates: Uint8Array[] = []
    for (const [, fields] of entries) {
      const { update, origin } = entryFields(fields)
      // Copied: the document keeps memory of exactly the update's size.
      if (origin !== this.processId) updates.push(new Uint8Array(update))
    }
    subscription.cursor = updateIdOf(last[0].toString())
    if (updates.length > 0) this.#deliver(subscription, () => subscription.listener.onUpdates(updates))
  }

  /** The position was trimmed before it was read: merge the whole stored document and go on after it. */
  async #reload(subscription: Subscription): Promise<void> {
    this.#log?.info('a compaction trimmed updates this process had not read yet; reloading the document', { doc: subscription.docName })
    const { updates, cursor } = await this.#storage.loadWithCursor(subscription.docName)
    if (!this.#isCurrent(subscription)) return
    subscription.cursor = updateIdOf(cursor)
    this.#deliver(subscription, () => subscription.listener.onReload(updates))
  }

  /** Waits `ms` (forever for Infinity), or until a document is added or the fan-out closes. */
  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => wake(), ms) : undefined
      const wake = (): void => {
        clearTimeout(timer)
        if (this.#wakeIdle === wake) this.#wakeIdle = null
        resolve()
      }
      this.#wakeIdle = wake
    })
  }

  /**
   * CLIENT UNBLOCK ends an XREAD that started before a document was added, so the new stream is
   * read at once rather than after BLOCK_MS. The unblock can arrive before the XREAD itself (two
   * connections): then it is tried again while that same XREAD is still in flight.
   */
  #wakeReader(): void {
    this.#wakeIdle?.()
    void (async () => {
      for (let attempt = 0; attempt < WAKE_ATTEMPTS && !this.#closed; attempt++) {
        const reading = this.#readingGeneration
        if (reading === null || reading === this.#generation) return
        if (this.#readerId !== null && (await this.#publisher.client('UNBLOCK', this.#readerId)) === 1) return
        await delay(WAKE_RETRY_MS)
      }
    })().catch(() => {
      // Redis is away: the reader's own XREAD fails too and the loop starts over with every stream.
    })
  }

  #unsubscribe(subscription: Subscription): void {
    if (!this.#isCurrent(subscription)) return
    this.#subscriptions.delete(subscription.docName)
    this.#byChannel.delete(subscription.keys.awareness)
    // An XREAD in flight may still name its stream; what it brings is ignored (#isCurrent).
    this.#subscriber.unsubscribe(subscription.keys.awareness).catch(() => {})
  }

  #isCurrent(subscription: Subscription): boolean {
    return !this.#closed && this.#subscriptions.get(subscription.docName) === subscription
  }

  /** One listener call; a document that throws must not stop the others' feeds. */
  #deliver(subscription: Subscription, call: () => void): void {
    try {
      call()
    } catch (error) {
      this.#log?.error('a document could not take in what another process sent', { doc: subscription.docName, error })
    }
  }

  // --- presence ------------------------------------------------------------------------------

  /** Subscribes to a document's presence channel, then asks the other processes for theirs. */
  async #listen(subscription: Subscription): Promise<void> {
    try {
      await this.#subscriber.subscribe(subscription.keys.awareness)
    } catch (error) {
      // Redis is away; the subscriber's 'ready' subscribes again.
      this.#log?.debug('could not subscribe to presence yet', { doc: subscription.docName, error })
      return
    }
    if (this.#isCurrent(subscription)) this.#publish(subscription, MessageKind.query, new Uint8Array(0))
  }

  #publish(subscription: Subscription, kind: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, kind)
    encoding.writeVarString(encoder, this.processId)
    encoding.writeVarUint8Array(encoder, payload)
    const message = encoding.toUint8Array(encoder)
    this.#publisher.publish(subscription.keys.awareness, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch((error: unknown) => {
      // Presence is renewed every 15 s; one lost message is no harm.
      this.#log?.debug('could not publish presence', { doc: subscription.docName, error })
    })
  }

  #onMessage(channel: string, message: Buffer): void {
    const subscription = this.#byChannel.get(channel)
    if (!subscription || !this.#isCurrent(subscription)) return
    let kind: number
    let from: string
    let payload: Uint8Array
    try {
      const decoder = decoding.createDecoder(message)
      kind = decoding.readVarUint(decoder)
      from = decoding.readVarString(decoder)
      payload = decoding.readVarUint8Array(decoder)
    } catch (error) {
      this.#log?.warn('ignoring a malformed presence message on Redis', { doc: subscription.docName, error })
      return
    }
    if (from === this.processId) return
    if (kind === MessageKind.presence) this.#deliver(subscription, () => subscription.listener.onAwareness(payload, from))
    else if (kind === MessageKind.query) this.#deliver(subscription, () => subscription.listener.onAwarenessQuery())
  }
}

/** The update (`u`) and the storing process (`o`) of an updates-stream entry. */
function entryFields(fields: Buffer[]): { update: Buffer; origin: string | null } {
  let update: Buffer | null = null
  let origin: string | null = null
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString()
    if (name === 'u') update = fields[i + 1]!
    else if (name === 'o') origin = fields[i + 1]!.toString()
  }
  if (!update) throw new Error('a stream entry has no update field')
  return { update, origin }
}

/** `123-0` → 123; anything else is not a position this fan-out handed out. */
function updateIdOf(position: string): number {
  const match = /^(\d+)-0$/.exec(position)
  const id = match ? Number(match[1]) : NaN
  if (!Number.isSafeInteger(id)) throw new Error(`"${position}" is not a Redis feed position (expected <update id>-0)`)
  return id
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
