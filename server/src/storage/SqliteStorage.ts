/**
 * The embedded storage backend: one SQLite file holding every document as rows of Yjs updates, and
 * the update log (who sent each stored update, and when) in a table of its own that compaction
 * never touches.
 *
 * better-sqlite3 is synchronous, so each method does its work in one synchronous call and returns
 * an already-settled promise. That makes every method atomic within this process; other processes
 * (or other connections) are serialized by SQLite's own locking.
 */
import type Database from 'better-sqlite3'
import * as Y from 'yjs'
import type { DocumentUpdateEntry } from '@fourwall/shared'
import type { CompactionResult, DocumentStats, Storage, StoredUpdate } from './Storage.js'
import { openSqlite, type SqliteSynchronous } from './sqlite.js'

export interface SqliteStorageOptions {
  /** Path of the database file; its parent directory is created if missing. */
  file: string
  /**
   * NORMAL (the default) keeps a commit durable across a crash of the process (kill -9, OOM,
   * uncaught exception): in WAL mode a commit is a write() of the WAL frames, which lives in the OS
   * page cache and reaches the disk even if the process dies right after. Only an OS crash or a
   * power loss can lose the last commits. FULL also survives those, at the cost of one fsync per
   * commit (which is why the server batches one event-loop turn of updates into one append()).
   */
  synchronous?: SqliteSynchronous
}

interface StatsRow {
  count: number
  bytes: number
}

/** Larger than any entry id: `before` when the caller gave none. */
const NO_BEFORE = Number.MAX_SAFE_INTEGER

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  readonly file: string

  readonly #db: Database.Database
  #closed = false
  readonly #insert: Database.Statement<[string, Uint8Array, number]>
  readonly #insertLog: Database.Statement<[string, number, string | null, string | null, string | null, number]>
  readonly #logOfDoc: Database.Statement<[string, number, number], DocumentUpdateEntry>
  readonly #logOfAll: Database.Statement<[number, number], DocumentUpdateEntry>
  readonly #selectBlobs: Database.Statement<[string], Buffer>
  readonly #selectUpTo: Database.Statement<[string, number], Buffer>
  readonly #maxId: Database.Statement<[string], number | null>
  readonly #deleteUpTo: Database.Statement<[string, number]>
  readonly #stats: Database.Statement<[string], StatsRow>
  readonly #docs: Database.Statement<[], string>
  readonly #ping: Database.Statement<[], number>
  readonly #appendTx: (batch: readonly StoredUpdate[]) => void
  readonly #compactTx: (docName: string) => number

  static open(options: SqliteStorageOptions): SqliteStorage {
    return new SqliteStorage(options)
  }

  private constructor({ file, synchronous = 'NORMAL' }: SqliteStorageOptions) {
    this.file = file
    const [db] = openSqlite(file, synchronous, (db) => {
      // AUTOINCREMENT so ids are never reused after compaction deletes the highest rows: the id
      // order is the append order, across every connection.
      db.exec(`
        CREATE TABLE IF NOT EXISTS updates (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc TEXT NOT NULL,
          data BLOB NOT NULL,
          size INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS updates_doc_id ON updates (doc, id);
        CREATE TABLE IF NOT EXISTS update_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc TEXT NOT NULL,
          at INTEGER NOT NULL,
          person_id TEXT,
          person_name TEXT,
          connection_id TEXT,
          bytes INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS update_log_doc_id ON update_log (doc, id);
      `)
    })
    this.#db = db

    this.#insert = db.prepare('INSERT INTO updates (doc, data, size) VALUES (?, ?, ?)')
    this.#insertLog = db.prepare(
      'INSERT INTO update_log (doc, at, person_id, person_name, connection_id, bytes) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const logColumns =
      'id, doc AS docName, at, person_id AS personId, person_name AS personName, connection_id AS connectionId, bytes'
    this.#logOfDoc = db.prepare<[string, number, number], DocumentUpdateEntry>(
      `SELECT ${logColumns} FROM update_log WHERE doc = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    )
    this.#logOfAll = db.prepare<[number, number], DocumentUpdateEntry>(
      `SELECT ${logColumns} FROM update_log WHERE id < ? ORDER BY id DESC LIMIT ?`,
    )
    this.#selectBlobs = db.prepare<[string], Buffer>('SELECT data FROM updates WHERE doc = ? ORDER BY id').pluck()
    this.#selectUpTo = db
      .prepare<[string, number], Buffer>('SELECT data FROM updates WHERE doc = ? AND id <= ? ORDER BY id')
      .pluck()
    this.#maxId = db.prepare<[string], number | null>('SELECT max(id) FROM updates WHERE doc = ?').pluck()
    this.#deleteUpTo = db.prepare('DELETE FROM updates WHERE doc = ? AND id <= ?')
    this.#stats = db.prepare<[string], StatsRow>(
      'SELECT count(*) AS count, coalesce(sum(size), 0) AS bytes FROM updates WHERE doc = ?',
    )
    this.#docs = db.prepare<[], string>('SELECT DISTINCT doc FROM updates ORDER BY doc').pluck()
    this.#ping = db.prepare<[], number>('SELECT 1').pluck()

    const appendTx = db.transaction((batch: readonly StoredUpdate[]) => {
      // Each update's log row is written in the same transaction: a stored update always has one.
      const at = Date.now()
      for (const { docName, update, author } of batch) {
        this.#insert.run(docName, update, update.byteLength)
        this.#insertLog.run(
          docName,
          at,
          author?.personId ?? null,
          author?.personName ?? null,
          author?.connectionId ?? null,
          update.byteLength,
        )
      }
    })
    // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for it), so a transaction
    // never fails half-way with SQLITE_BUSY when upgrading a read snapshot to a write.
    this.#appendTx = (batch) => appendTx.immediate(batch)

    // Compaction never touches update_log: who sent what outlives the rows it merges.
    const compactTx = db.transaction((docName: string): number => {
      const maxId = this.#maxId.get(docName)
      if (maxId == null) return 0
      // Only rows up to maxId are merged and deleted, so rows with higher ids (appended by another
      // writer) survive. The write lock held by IMMEDIATE means none can appear meanwhile here,
      // but the bound keeps the operation correct on its own.
      const rows = this.#selectUpTo.all(docName, maxId)
      if (rows.length < 2) return 0
      const doc = new Y.Doc() // gc: true, so deleted content shrinks to tombstone ranges
      try {
        for (const row of rows) Y.applyUpdate(doc, row)
        const snapshot = Y.encodeStateAsUpdate(doc)
        this.#deleteUpTo.run(docName, maxId)
        this.#insert.run(docName, snapshot, snapshot.byteLength)
      } finally {
        doc.destroy()
      }
      return rows.length
    })
    this.#compactTx = (docName) => compactTx.immediate(docName)
  }

  async load(docName: string): Promise<Uint8Array[]> {
    this.#assertOpen()
    // Copy into plain Uint8Arrays: callers get memory they own, of exactly the blob's size.
    return this.#selectBlobs.all(docName).map((blob) => new Uint8Array(blob))
  }

  async append(batch: readonly StoredUpdate[]): Promise<void> {
    this.#assertOpen()
    if (batch.length === 0) return
    // One transaction, one commit (one fsync under FULL) for the whole batch. When it returns the
    // WAL frames are written (see SqliteStorageOptions.synchronous for why that is durable enough).
    this.#appendTx(batch)
  }

  async compact(docName: string): Promise<CompactionResult> {
    this.#assertOpen()
    const merged = this.#compactTx(docName)
    return { merged, ...this.#statsOf(docName) }
  }

  async listUpdates(options: { docName?: string; limit: number; before?: number }): Promise<DocumentUpdateEntry[]> {
    this.#assertOpen()
    const limit = Math.min(Math.floor(options.limit), NO_BEFORE)
    if (!(limit > 0)) return []
    const before = options.before ?? NO_BEFORE
    return options.docName === undefined
      ? this.#logOfAll.all(before, limit)
      : this.#logOfDoc.all(options.docName, before, limit)
  }

  async stats(docName: string): Promise<DocumentStats> {
    this.#assertOpen()
    return this.#statsOf(docName)
  }

  async listDocuments(): Promise<string[]> {
    this.#assertOpen()
    return this.#docs.all()
  }

  async isReady(): Promise<boolean> {
    if (this.#closed) return false
    try {
      return this.#ping.get() === 1
    } catch {
      return false
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    // The last connection to close checkpoints the WAL into the main file and removes it.
    this.#db.close()
  }

  #statsOf(docName: string): DocumentStats {
    const row = this.#stats.get(docName)
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`SqliteStorage (${this.file}) is closed`)
  }
}
