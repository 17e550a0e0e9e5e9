import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SqliteAccountStore } from '../../server/src/accounts/SqliteAccountStore.js'
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.js'
import { tempDbFile, tempDbFiles } from '../support/tempdb.js'
import { accountRacerSource, race, spawnRacer, sumTallies, type Racer } from '../support/racer.js'
import { accountStoreContract } from './accounts.contract.js'

const T0 = 1_700_000_000_000
const DAY = 86_400_000

const PREFIX = 'fourwall-accounts-'

accountStoreContract('sqlite', async () => {
  // A missing parent directory: open() must create it.
  const { file, remove } = tempDbFile(PREFIX, path.join('data', 'fourwall.db'))
  return {
    open: async () => SqliteAccountStore.open({ file }),
    cleanup: async () => remove(),
  }
})

function newPerson(id: string, overrides: Partial<Parameters<SqliteAccountStore['createPerson']>[0]> = {}) {
  return { id, name: id, role: 'editor' as const, worksFor: null, team: null, login: null, passwordHash: null, createdAt: T0, ...overrides }
}

describe('SqliteAccountStore specifics', () => {
  const dbFile = tempDbFiles(PREFIX)

  it('keeps everything across close and reopen, with audit ids continuing', async () => {
    const file = dbFile()
    const first = SqliteAccountStore.open({ file, synchronous: 'FULL' })
    expect(first.kind).toBe('sqlite')
    const ada = await first.createPerson(newPerson('ada', { role: 'admin', login: 'ada@example.com', passwordHash: 'scrypt$a' }))
    const invite = {
      id: 'inv1', codeHash: 'h1', name: 'Bo', role: 'engineering-lead' as const, worksFor: null, team: null, personId: null,
      createdAt: T0, expiresAt: T0 + DAY, createdById: 'ada', createdByName: 'ada', usedAt: null, usedBy: null, revokedAt: null,
    }
    await first.createInvite(invite)
    const session = {
      id: 's1', secretHash: 'sh1', personId: 'ada', csrfToken: 'c', createdAt: T0, expiresAt: T0 + DAY, lastSeenAt: T0,
      ip: null, userAgent: null, revokedAt: null,
    }
    await first.createSession(session)
    const entry = await first.appendAudit({ at: T0, actorId: 'ada', actorName: 'ada', action: 'setup.completed', target: 'ada', detail: { ok: true } })
    await first.close()

    const second = SqliteAccountStore.open({ file })
    expect(await second.listPeople()).toEqual([ada])
    expect(await second.findPersonByLogin('ADA@example.com')).toEqual(ada)
    expect(await second.listInvites()).toEqual([invite])
    expect(await second.listActiveSessions(T0)).toEqual([session])
    expect(await second.listAudit({ limit: 10 })).toEqual([entry])
    const next = await second.appendAudit({ at: T0, actorId: null, actorName: null, action: 'signout', target: null, detail: {} })
    expect(next.id).toBeGreaterThan(entry.id)
    // The rules hold against what was stored before the reopen.
    await second.createPerson(newPerson('lead', { role: 'engineering-lead' }))
    await expect(second.redeemInvite('h1', T0 + 1, newPerson('bo'))).rejects.toMatchObject({ code: 'lead-taken' })
    await second.close()
  })

  it('shares one file with SqliteStorage, each on its own connection', async () => {
    const file = dbFile()
    const documents = SqliteStorage.open({ file })
    const accounts = SqliteAccountStore.open({ file })
    await documents.append([{ docName: 'week', update: new Uint8Array([1, 2, 3]) }])
    await accounts.createPerson(newPerson('ada', { role: 'admin' }))
    await accounts.appendAudit({ at: T0, actorId: null, actorName: null, action: 'week.closed', target: 'week', detail: {} })
    await documents.append([{ docName: 'week', update: new Uint8Array([4]) }])
    await documents.close()
    await accounts.close()

    // Opened the other way round, both find their data.
    const accountsAgain = SqliteAccountStore.open({ file })
    const documentsAgain = SqliteStorage.open({ file })
    expect(await documentsAgain.load('week')).toEqual([new Uint8Array([1, 2, 3]), new Uint8Array([4])])
    expect(await accountsAgain.countAdmins()).toBe(1)
    expect(await accountsAgain.listAudit({ limit: 5 })).toHaveLength(1)
    await documentsAgain.close()
    await accountsAgain.close()

    const raw = new Database(file, { readonly: true })
    const tables = raw.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['audit', 'invites', 'people', 'sessions', 'updates', 'update_log']))
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
  })

  it('backs the lead rule with a unique index, even for writes that bypass the store', async () => {
    const file = dbFile()
    const store = SqliteAccountStore.open({ file })
    await store.createPerson(newPerson('ada', { role: 'product-lead' }))
    await store.createPerson(newPerson('e1', { role: 'editor' }))
    await store.close()
    const raw = new Database(file)
    const insert = raw.prepare(`INSERT INTO people (id, name, role, created_at) VALUES (?, ?, ?, 0)`)
    expect(() => insert.run('bob', 'Bob', 'product-lead')).toThrow(/UNIQUE/)
    expect(() => insert.run('e2', 'E2', 'editor')).not.toThrow()
    raw.close()
  })

  // Real concurrency: several processes, each with its own connection, race on one file. The
  // in-process contract tests cannot show this, since better-sqlite3 runs each call to completion.
  describe('across processes', () => {
    it('every invite is redeemed exactly once while four processes race through them', async () => {
      const file = dbFile()
      const store = SqliteAccountStore.open({ file })
      for (let i = 0; i < RACE_INVITES; i++) {
        await store.createInvite({
          id: `inv${i}`, codeHash: `race${i}`, name: `Racer ${i}`, role: 'editor', worksFor: null, team: null, personId: null,
          createdAt: T0, expiresAt: T0 + DAY, createdById: null, createdByName: null, usedAt: null, usedBy: null, revokedAt: null,
        })
      }
      // All four walk the same codes in the same order, so they collide on nearly every one. A
      // transaction that read without the write lock would fail with SQLITE_BUSY here or, worse,
      // let two of them use one invite.
      const tallies = await race(Array.from({ length: 4 }, (_, i) => racer(file, 'redeem', `r${i}`)))
      const total = sumTallies(tallies)
      expect(total).toEqual({ ok: RACE_INVITES, 'invite-used': 3 * RACE_INVITES })
      expect(await store.listPeople()).toHaveLength(RACE_INVITES)
      const users = new Set((await store.listInvites()).map((invite) => invite.usedBy))
      expect(users.size).toBe(RACE_INVITES)
      expect(users.has(null)).toBe(false)
      await store.close()
    })

    it('only one of four processes takes a free lead role', async () => {
      const file = dbFile()
      const store = SqliteAccountStore.open({ file })
      const tallies = await race(Array.from({ length: 4 }, (_, i) => racer(file, 'lead', `l${i}`)))
      expect(sumTallies(tallies)).toEqual({ ok: 1, 'lead-taken': 3 })
      expect((await store.listPeople()).map((p) => p.role)).toEqual(['product-lead'])
      await store.close()
    })
  })
})

// --- racing child processes -------------------------------------------------------------------------

const RACE_INVITES = 300

const RACER_SOURCE = accountRacerSource({
  open: 'const { SqliteAccountStore } = await import(spec.moduleUrl)\nconst store = SqliteAccountStore.open({ file: spec.file })',
  redeemAt: T0 + 1,
  redeemRole: 'product-lead',
})

const storeModule = pathToFileURL(fileURLToPath(new URL('../../server/src/accounts/SqliteAccountStore.ts', import.meta.url))).href

function racer(file: string, op: 'redeem' | 'lead', id: string): Racer {
  return spawnRacer(RACER_SOURCE, { moduleUrl: storeModule, file, op, id, invites: RACE_INVITES })
}
