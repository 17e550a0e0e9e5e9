/**
 * The one storage interface every backend implements (SQLite now, Redis later). A document is stored
 * as an append-only log of Yjs updates plus, after compaction, one snapshot that replaces the log
 * entries it merged. Every backend must pass `test/integration/storage.contract.ts`.
 */
export interface StoredUpdate {
  docName: string
  update: Uint8Array
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
   * they would survive a crash of this process; the server relays an update only after that.
   */
  append(batch: readonly StoredUpdate[]): Promise<void>

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
