/**
 * Opening a connection to the server's SQLite file, the same way for every store that uses it
 * (SqliteStorage for the documents, SqliteAccountStore for people, invites, sessions and audit).
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** See SqliteStorageOptions.synchronous. */
export type SqliteSynchronous = 'NORMAL' | 'FULL'

/** How long a writer waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000

/**
 * Opens `file` (creating its parent directory) in WAL mode with the given `synchronous` level, then
 * runs `setup` on the new connection (schema, prepared statements...). If anything up to and
 * including `setup` fails, the connection is closed and the error thrown. Returns the connection
 * and what `setup` returned.
 */
export function openSqlite<T>(
  file: string,
  synchronous: SqliteSynchronous,
  setup: (db: Database.Database) => T,
): [Database.Database, T] {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  // `timeout` is SQLite's busy_timeout, set before anything that may need a lock (switching to WAL
  // does): a second writer (another connection to the same file, in this process or another) waits
  // for the lock instead of failing.
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode for ${file} (got ${String(mode)})`)
    db.pragma(`synchronous = ${synchronous}`)
    return [db, setup(db)]
  } catch (error) {
    db.close()
    throw error
  }
}
