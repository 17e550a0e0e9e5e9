import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.js'
import { tempDbFile, tempDbFiles } from '../support/tempdb.js'
import { storageContract } from './storage.contract.js'

const sqliteModule = fileURLToPath(new URL('../../server/src/storage/SqliteStorage.ts', import.meta.url))

const PREFIX = 'fourwall-'

storageContract('sqlite', async () => {
  // A missing parent directory: open() must create it.
  const { file, remove } = tempDbFile(PREFIX, path.join('data', 'fourwall.db'))
  return {
    open: async () => SqliteStorage.open({ file }),
    cleanup: async () => remove(),
    child: { module: sqliteModule, export: 'SqliteStorage.open', arg: { file } },
  }
})

describe('SqliteStorage specifics', () => {
  const dbFile = tempDbFiles(PREFIX)

  it('uses one WAL-mode file and honours synchronous FULL', async () => {
    const file = dbFile('full.db')
    const store = SqliteStorage.open({ file, synchronous: 'FULL' })
    expect(store.kind).toBe('sqlite')
    await store.append([{ docName: 'd', update: new Uint8Array([1, 2, 3]) }])

    // journal_mode=WAL is persistent in the file, so a separate connection sees it.
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()

    await store.close()
    const reopened = SqliteStorage.open({ file })
    expect(await reopened.load('d')).toEqual([new Uint8Array([1, 2, 3])])
    await reopened.close()
  })
})
