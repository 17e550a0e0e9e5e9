/**
 * Where RedisStorage keeps what, under one configurable prefix (REDIS_PREFIX, default `fw:`).
 *
 * A document's keys all carry its name as a hash tag (`fw:{week:2026-W48}:updates`), so a Redis
 * Cluster would put them in one slot, where a script may touch them together. The keys shared by
 * every document never start with `{` after the prefix, so no document name can collide with them.
 */

/** The keys of one document. */
export interface DocumentKeys {
  /** Stream of the updates not yet merged into the snapshot; entry ids are `<update id>-0`. */
  updates: string
  /** The snapshot: every merged update, garbage-collected, as one Yjs update. Absent before the first compaction. */
  snapshot: string
  /** Hash: `upto` (the highest update id merged into the snapshot; the compare-and-set version), `bytes` (the stream's update bytes). */
  meta: string
  /** Stream of the document's update-log entries (who, when, how many bytes); entry ids are `<update id>-0`. Never trimmed. */
  log: string
  /** Pub/sub channel (not a key: nothing is stored) where processes holding the document exchange presence. */
  awareness: string
}

/** The keys shared by every document. */
export interface SharedKeys {
  /** Counter handing out update ids: increasing across every document and writer, never reused. */
  sequence: string
  /** Stream naming the document of every update id, for the update log across all documents. Never trimmed. */
  logIndex: string
  /** Set of every stored document's name. */
  documents: string
}

/** Characters a prefix may hold: no braces (they would move the hash tag), no spaces or glob characters. */
export const PREFIX_PATTERN = /^[A-Za-z0-9:_.-]{1,64}$/

export const DEFAULT_PREFIX = 'fw:'

export class RedisKeys {
  readonly shared: SharedKeys

  constructor(readonly prefix: string) {
    if (!PREFIX_PATTERN.test(prefix)) {
      throw new Error(`Redis key prefix "${prefix}" must be 1 to 64 letters, digits or : _ . - (no braces, spaces or wildcards)`)
    }
    this.shared = { sequence: `${prefix}update-seq`, logIndex: `${prefix}update-log`, documents: `${prefix}documents` }
  }

  /**
   * The suffixes differ and none ends another, so two documents never share a key even when a name
   * contains `}` (which only shortens the hash tag, the same way for all of that document's keys).
   */
  of(docName: string): DocumentKeys {
    const base = `${this.prefix}{${docName}}:`
    return { updates: `${base}updates`, snapshot: `${base}snapshot`, meta: `${base}meta`, log: `${base}log`, awareness: `${base}awareness` }
  }
}
