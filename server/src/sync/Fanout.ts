/**
 * Updates and presence from other server processes holding the same document. With Redis, every
 * process stores its clients' updates in the document's stream, and every other process follows
 * that stream from where its own load of the document ended (storage/redis/RedisFanout.ts). With
 * SQLite there is one process per data directory, so nothing comes from elsewhere
 * (SingleProcessFanout below).
 *
 * The document's side of it (sync/Document.ts): remote updates are applied with REMOTE_ORIGIN, so
 * they are relayed to this process's connections but never stored again; remote presence is kept
 * apart from the presence of this process's own connections (sync/RemotePresence.ts).
 */
import type { Storage } from '../storage/Storage.js'

/** Origin of the transactions that apply updates other processes stored. */
export const REMOTE_ORIGIN = Symbol('fourwall-remote')

/**
 * Where a document's feed starts: the stream id of the last update its load contained (`<id>-0`),
 * `0-0` when it contained none. Opaque outside the fan-out that handed it out.
 */
export type FeedPosition = string

export interface LoadedDocument {
  /** Every stored update, oldest first (the snapshot, if any, first). */
  updates: Uint8Array[]
  /** Where a feed of this document continues without missing or repeating an update. */
  position: FeedPosition
}

/** What a document hears from other processes. Calls come one at a time, in stream order. */
export interface FanoutListener {
  /** Updates other processes stored after the feed's position, oldest first. Already durable. */
  onUpdates(updates: Uint8Array[]): void
  /**
   * The feed's position was trimmed by a compaction before it was read (a slow or disconnected
   * process): everything stored now, snapshot first, to merge into the document (Yjs ignores what
   * it already holds). The feed continues after it.
   */
  onReload(updates: Uint8Array[]): void
  /** A presence message another process published (RemotePresence's format), and that process's id. */
  onAwareness(message: Uint8Array, fromProcess: string): void
  /** Another process started following the document and asks for the presence this process holds. */
  onAwarenessQuery(): void
}

/** One document's subscription. */
export interface DocumentFeed {
  /** Sends a presence message to the other processes holding the document (best effort: presence renews every 15 s). */
  publishAwareness(message: Uint8Array): void
  /** Stops the feed; no listener call follows. */
  close(): void
}

export interface Fanout {
  /** This process's id, as stamped on what it stores and publishes. */
  readonly processId: string
  /** Loads a document together with the position its feed must start from. */
  load(docName: string): Promise<LoadedDocument>
  /**
   * Follows a document from `position` (as `load` returned it) until the feed is closed. Null when
   * there is nobody else to follow or tell (so the document does not even encode its presence).
   */
  subscribe(docName: string, position: FeedPosition, listener: FanoutListener): DocumentFeed | null
}

/** One process per data directory (SQLite): nothing to follow, nobody to tell. */
export class SingleProcessFanout implements Fanout {
  readonly processId = 'single-process'

  constructor(private readonly storage: Storage) {}

  async load(docName: string): Promise<LoadedDocument> {
    return { updates: await this.storage.load(docName), position: '0-0' }
  }

  subscribe(): null {
    return null
  }
}
