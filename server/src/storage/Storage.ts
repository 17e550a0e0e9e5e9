/**
 * The one storage interface every backend implements (SQLite now, Redis later). A document is stored
 * as an append-only log of Yjs updates plus, after compaction, one snapshot that replaces the log
 * entries it merged. Beside it, every backend keeps an update log (who sent each stored update, and
 * when) that compaction never touches: the document side of the audit log. Every backend must pass
 * `test/integration/storage.contract.ts`.
 */
import type { DocumentUpdateEntry } from '@fourwall/shared'

/** Who sent an update: the person behind the connection, and which connection it was. */
export interface UpdateAuthor {
  personId: string
  personName: string
  connectionId: string
}

export interface StoredUpdate {
  docName: string
  update: Uint8Array
  /** The connection that sent the update; absent when the server made it itself (e.g. a week-closed marker). */
  author?: UpdateAuthor
}

export interface DocumentStats {
  /** Number of stored rows (the snapshot counts as one). */
  count: number
  /** Total bytes of all stored rows for the document. */
  bytes: number
}

export interface CompactionResult extends DocumentStats {
  /** Rows merged into the new snapshot (0 when there was nothing to compact). */
  merged: number
}

export interface Storage {
  /** A short name for logs and /readyz ("sqlite", "redis"). */
  readonly kind: string

  /** Every stored update of a document, oldest first. An unknown document loads as []. */
  load(docName: string): Promise<Uint8Array[]>

  /**
   * Durably stores a batch of updates, possibly for several documents, in order. Resolves only once
   * they would survive a crash of this process; the server relays an update only after that. Each
   * update also gets its update-log entry (see listUpdates) atomically with it: a stored update
   * always has its entry.
   */
  append(batch: readonly StoredUpdate[]): Promise<void>

  /**
   * The update log: one entry per update ever appended (who sent it, when the batch was stored, in
   * ms since the epoch, and its size in bytes), newest first. Compaction does not touch it, so it
   * outlives the update rows it describes. Entry ids increase in append order across every
   * document and writer, and are never reused. `docName` limits it to one document; `before` (an
   * entry id) pages on: only entries with a smaller id. Server-made updates have null person and
   * connection fields.
   */
  listUpdates(options: { docName?: string; limit: number; before?: number }): Promise<DocumentUpdateEntry[]>

  /**
   * Merges every stored update of a document into one snapshot (garbage-collected, so its size
   * follows the document's encoded state, not its history). Safe while other writers append:
   * updates appended concurrently are never lost.
   */
  compact(docName: string): Promise<CompactionResult>

  stats(docName: string): Promise<DocumentStats>

  /** Names of every stored document. */
  listDocuments(): Promise<string[]>

  /** True while the backend can serve reads and writes (for /readyz). */
  isReady(): Promise<boolean>

  /** Flushes and releases the backend. Further calls reject. */
  close(): Promise<void>
}
