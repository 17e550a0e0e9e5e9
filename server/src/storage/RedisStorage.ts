/**
 * The Redis storage backend (REDIS_URL), for several server processes sharing the same boards.
 * Each document is a Redis Stream of Yjs updates plus, after compaction, a snapshot key; beside
 * them, an update log per document and one index across documents (see redis/keys.ts for the key
 * layout, redis/scripts.ts for the two atomic writes).
 *
 * Durability: append() resolves once Redis has answered the script, so the updates are in Redis's
 * memory and any other process reads them. Surviving a crash of Redis itself depends on Redis's
 * persistence: with `appendonly yes` and `appendfsync always`, Redis fsyncs the AOF before it
 * answers, so nothing acknowledged is lost. With `appendfsync everysec` (Redis's default for AOF)
 * Redis usually writes the AOF before answering, but while a background fsync lags (a busy disk)
 * it postpones that write for up to 2 s and answers anyway, so a crash of Redis, even a kill of
 * the process, can lose up to about 2 s of acknowledged updates (a power loss the same); with RDB snapshots only (or no
 * persistence) a Redis crash loses everything since the last snapshot. With replicas, an update
 * acknowledged by a primary that fails over before replicating it is lost too (no WAIT here).
 *
 * Reads that need a consistent view (load, compaction's read, stats) go in one MULTI, and both
 * writes are scripts, so a reader never sees a snapshot without the trim that goes with it.
 *
 * Several processes: every stream entry names the process that stored it, and each process follows
 * the streams of the documents it holds through its fan-out (openFanout, redis/RedisFanout.ts).
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import * as Y from 'yjs'
import type { DocumentUpdateEntry } from '@fourwall/shared'
import type { Logger } from '../logger.js'
import { connectRedis, isConnectionError } from './redis/client.js'
import { DEFAULT_PREFIX, RedisKeys, type DocumentKeys } from './redis/keys.js'
import { APPEND, appendCall, COMMIT_COMPACTION, runScript } from './redis/scripts.js'
import { RedisFanout } from './redis/RedisFanout.js'
import { redactRedisUrl } from './redis/url.js'
import type { CompactionResult, DocumentStats, Storage, StoredUpdate } from './Storage.js'

export interface RedisStorageOptions {
  /** redis://[user:password@]host:port[/db] or rediss://... */
  url: string
  /** Prepended to every key (REDIS_PREFIX); lets several installations or test runs share a Redis. */
  prefix?: string
  log?: Logger
  /** Stamped on every stored update, so this process's fan-out skips its own; random by default. */
  processId?: string
}

/** A load, with the position a feed of the document continues from (see loadWithCursor). */
export interface LoadWithCursor {
  updates: Uint8Array[]
  /** Stream id (`<update id>-0`) after which every update is newer than the load. */
  cursor: string
}

/** How long isReady waits for PONG before calling Redis unreachable. */
const PING_TIMEOUT_MS = 1_000
/** Compactions that lose the compare-and-set this many times in a row give up (someone else is compacting). */
const MAX_COMPACTION_ATTEMPTS = 5

/** A stream entry as ioredis returns it: [id, [field, value, field, value, ...]]. */
type StreamEntry<T> = [id: T, fields: T[]]

export class RedisStorage implements Storage {
  readonly kind = 'redis'
  /** The URL with its password masked, for messages. */
  readonly where: string

  /** This process, as named in the stream entries it writes. */
  readonly processId: string

  readonly #url: string
  readonly #keys: RedisKeys
  readonly #client: Redis
  readonly #log: Logger | undefined
  readonly #fanouts = new Set<RedisFanout>()
  #closed = false

  static async open({ url, prefix = DEFAULT_PREFIX, log, processId = randomUUID() }: RedisStorageOptions): Promise<RedisStorage> {
    const keys = new RedisKeys(prefix) // validates the prefix before connecting
    return new RedisStorage(await connectRedis(url, log), keys, url, processId, log)
  }

  private constructor(client: Redis, keys: RedisKeys, url: string, processId: string, log: Logger | undefined) {
    this.#client = client
    this.#keys = keys
    this.#url = url
    this.#log = log
    this.where = redactRedisUrl(url)
    this.processId = processId
  }

  async load(docName: string): Promise<Uint8Array[]> {
    return (await this.loadWithCursor(docName)).updates
  }

  /**
   * A load, and the stream position it reached, read in one MULTI: following the stream from
   * `cursor` yields exactly the updates stored after the load, however long the caller takes to
   * start following. The cursor is the last entry's id, or the last merged one's when compaction
   * left the stream empty (`0-0` for a document never stored).
   */
  async loadWithCursor(docName: string): Promise<LoadWithCursor> {
    this.#assertOpen()
    const keys = this.#keys.of(docName)
    const [snapshot, entries, upto] = await this.#attempt(`load ${docName}`, async () => {
      const multi = this.#client.multi().getBuffer(keys.snapshot).xrangeBuffer(keys.updates, '-', '+').hget(keys.meta, 'upto')
      return (await this.#exec(multi)) as [Buffer | null, StreamEntry<Buffer>[], string | null]
    })
    // Copies into plain Uint8Arrays: callers get memory they own, of exactly the update's size.
    const updates = entries.map(([, fields]) => new Uint8Array(updateOf(fields)))
    const lastEntry = entries.at(-1)
    const last = Math.max(Number(upto ?? 0), lastEntry ? updateIdOf(lastEntry[0].toString()) : 0)
    return { updates: snapshot ? [new Uint8Array(snapshot), ...updates] : updates, cursor: `${last}-0` }
  }

  /**
   * Opens this process's fan-out: the documents it holds follow what other processes store and
   * say about them (see redis/RedisFanout.ts). It shares the storage's lifetime: close() closes it.
   */
  async openFanout(): Promise<RedisFanout> {
    this.#assertOpen()
    const fanout = await RedisFanout.open({ url: this.#url, keys: this.#keys, storage: this, log: this.#log })
    this.#fanouts.add(fanout)
    return fanout
  }

  async append(batch: readonly StoredUpdate[]): Promise<void> {
    this.#assertOpen()
    if (batch.length === 0) return
    const { keys, args } = appendCall(this.#keys, batch, Date.now(), this.processId)
    const what = `store ${batch.length} update${batch.length === 1 ? '' : 's'}`
    await this.#attempt(what, () => runScript(this.#client, APPEND, keys, args))
  }

  async compact(docName: string): Promise<CompactionResult> {
    this.#assertOpen()
    const keys = this.#keys.of(docName)
    for (let attempt = 0; attempt < MAX_COMPACTION_ATTEMPTS; attempt++) {
      const outcome = await this.#attempt(`compact ${docName}`, () => this.#compactOnce(keys))
      if (outcome) return outcome
    }
    // Another process kept committing first: the document is being compacted anyway.
    return { merged: 0, ...(await this.stats(docName)) }
  }

  /** One read-merge-commit round; null when another compaction committed in between. */
  async #compactOnce(keys: DocumentKeys): Promise<CompactionResult | null> {
    const [snapshot, [upto, streamBytes], entries] = (await this.#exec(
      this.#client.multi().getBuffer(keys.snapshot).hmget(keys.meta, 'upto', 'bytes').xrangeBuffer(keys.updates, '-', '+'),
    )) as [Buffer | null, [string | null, string | null], StreamEntry<Buffer>[]]
    const rows = (snapshot ? 1 : 0) + entries.length
    const lastEntry = entries.at(-1)
    if (rows < 2 || !lastEntry) {
      return { merged: 0, count: rows, bytes: (snapshot?.byteLength ?? 0) + Number(streamBytes ?? 0) }
    }

    const updates = entries.map(([, fields]) => updateOf(fields))
    const merged = mergeIntoSnapshot(snapshot ? [snapshot, ...updates] : updates)
    const mergedStreamBytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
    const lastId = updateIdOf(lastEntry[0].toString())
    const reply = (await runScript(this.#client, COMMIT_COMPACTION, [keys.snapshot, keys.meta, keys.updates], [
      upto ?? '0',
      String(lastId),
      Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength),
      String(mergedStreamBytes),
      `${lastId + 1}-0`,
    ])) as [0] | [1, number, number]
    if (reply[0] === 0) return null
    const [, left, leftBytes] = reply
    return { merged: rows, count: 1 + left, bytes: merged.byteLength + leftBytes }
  }

  async listUpdates(options: { docName?: string; limit: number; before?: number }): Promise<DocumentUpdateEntry[]> {
    this.#assertOpen()
    const limit = Math.floor(options.limit)
    if (!(limit > 0)) return []
    const end = exclusiveEnd(options.before)
    if (end === null) return []
    return this.#attempt('read the update log', async () => {
      if (options.docName !== undefined) {
        const docName = options.docName
        const entries = (await this.#client.xrevrange(this.#keys.of(docName).log, end, '-', 'COUNT', limit)) as StreamEntry<string>[]
        return entries.map((entry) => logEntryOf(docName, entry))
      }
      // The index names each id's document; the entries themselves live with their documents.
      const index = (await this.#client.xrevrange(this.#keys.shared.logIndex, end, '-', 'COUNT', limit)) as StreamEntry<string>[]
      if (index.length === 0) return []
      const lookup = this.#client.pipeline()
      const names = index.map(([id, fields]) => {
        const docName = fieldsOf(fields).d ?? ''
        lookup.xrange(this.#keys.of(docName).log, id, id)
        return docName
      })
      const found = (await this.#exec(lookup)) as StreamEntry<string>[][]
      return found.flatMap((entries, i) => entries.map((entry) => logEntryOf(names[i]!, entry)))
    })
  }

  async stats(docName: string): Promise<DocumentStats> {
    this.#assertOpen()
    const keys = this.#keys.of(docName)
    const [snapshotBytes, hasSnapshot, entries, streamBytes] = await this.#attempt(`read the stats of ${docName}`, async () => {
      const multi = this.#client.multi().strlen(keys.snapshot).exists(keys.snapshot).xlen(keys.updates).hget(keys.meta, 'bytes')
      return (await this.#exec(multi)) as [number, number, number, string | null]
    })
    return { count: hasSnapshot + entries, bytes: snapshotBytes + Number(streamBytes ?? 0) }
  }

  async listDocuments(): Promise<string[]> {
    this.#assertOpen()
    const names = await this.#attempt('list the documents', () => this.#client.smembers(this.#keys.shared.documents))
    return names.sort()
  }

  async isReady(): Promise<boolean> {
    if (this.#closed || this.#client.status !== 'ready') return false
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)
    })
    try {
      return await Promise.race([this.#client.ping().then((reply) => reply === 'PONG'), timeout])
    } catch {
      return false
    } finally {
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await Promise.all([...this.#fanouts].map((fanout) => fanout.close()))
    try {
      // QUIT lets Redis answer every command already sent before the connection closes.
      await this.#client.quit()
    } catch {
      this.#client.disconnect()
    }
  }

  /** Runs a MULTI or pipeline; rejects with the first command's error, if any. */
  async #exec(batch: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<unknown[]> {
    const replies = await batch.exec()
    if (!replies) throw new Error('the transaction was aborted')
    return replies.map(([error, reply]) => {
      if (error) throw error
      return reply
    })
  }

  /** Runs one operation; a failure becomes a sentence naming the Redis and what could not be done. */
  async #attempt<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      const message = (error as Error).message
      const reason = isConnectionError(this.#client, error)
        ? `Redis is unreachable or not answering (${message})`
        : message
      throw new Error(`Redis storage at ${this.where} could not ${what}: ${reason}`, { cause: error })
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`RedisStorage (${this.where}) is closed`)
  }
}

/** Merges updates into one garbage-collected update: its size follows the state, not the history. */
function mergeIntoSnapshot(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc() // gc: true, so deleted content shrinks to tombstone ranges
  try {
    // mergeUpdates first: one applyUpdate integrates the whole log, far faster than one per entry.
    Y.applyUpdate(doc, Y.mergeUpdates(updates as Uint8Array[]))
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/** The update in an updates-stream entry's fields (`u`). */
function updateOf(fields: Buffer[]): Buffer {
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i]!.toString() === 'u') return fields[i + 1]!
  }
  throw new Error('a stream entry has no update field')
}

function fieldsOf(fields: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i + 1 < fields.length; i += 2) out[fields[i]!] = fields[i + 1]!
  return out
}

/** `123-0` → 123. */
function updateIdOf(streamId: string): number {
  const id = Number(streamId.slice(0, streamId.indexOf('-')))
  if (!Number.isSafeInteger(id)) throw new Error(`unexpected stream id ${streamId}`)
  return id
}

function logEntryOf(docName: string, [id, raw]: StreamEntry<string>): DocumentUpdateEntry {
  const fields = fieldsOf(raw)
  return {
    id: updateIdOf(id),
    docName,
    at: Number(fields.at),
    personId: fields.p ?? null,
    personName: fields.n ?? null,
    connectionId: fields.c ?? null,
    bytes: Number(fields.b),
  }
}

/**
 * The XREVRANGE end for "ids below `before`": `+` without one, `(<id>-0` (exclusive) otherwise;
 * null when nothing can be below it.
 */
function exclusiveEnd(before: number | undefined): string | null {
  if (before === undefined || before > Number.MAX_SAFE_INTEGER) return '+'
  if (Number.isNaN(before)) return null
  const bound = Math.ceil(before)
  return bound <= 1 ? null : `(${bound}-0`
}
