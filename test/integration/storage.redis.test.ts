/**
 * RedisStorage against a real Redis: the shared storage contract, then what only Redis has (two
 * processes compacting one document at once, a Redis that dies or hangs, the key layout, REDIS_URL
 * and REDIS_PREFIX), and a Fourwall server on REDIS_URL serving a y-websocket client.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Redis } from 'ioredis'
import { ConfigError, loadConfig } from '../../server/src/config.js'
import { RedisStorage } from '../../server/src/storage/RedisStorage.js'
import { RedisKeys } from '../../server/src/storage/redis/keys.js'
import { COMMIT_COMPACTION, runScript } from '../../server/src/storage/redis/scripts.js'
import type { Storage } from '../../server/src/storage/Storage.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitForSync, type YClient } from '../support/yclient.js'
import { rebuild, recordUpdates, storageContract, typeText } from './storage.contract.js'

const redisModule = fileURLToPath(new URL('../../server/src/storage/RedisStorage.ts', import.meta.url))

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})

storageContract('redis', async () => {
  // A fresh prefix per test: every test starts on an empty store, and cleanup deletes its keys.
  const prefix = redis.freshPrefix()
  return {
    open: () => RedisStorage.open({ url: redis.url, prefix }),
    cleanup: async () => {
      await redis.deleteKeys(prefix)
      expect(await redis.keys(prefix)).toEqual([])
    },
    child: { module: redisModule, export: 'RedisStorage.open', arg: { url: redis.url, prefix } },
  }
})

/** Hands out fresh prefixes and opens stores on them; after each test, closes the stores and deletes the keys. */
function storesOnFreshPrefixes(): { prefix(): string; open(prefix: string): Promise<RedisStorage> } {
  const opened: Storage[] = []
  const prefixes: string[] = []
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
    for (const prefix of prefixes.splice(0)) await redis.deleteKeys(prefix)
  })
  return {
    prefix: () => {
      const fresh = redis.freshPrefix()
      prefixes.push(fresh)
      return fresh
    },
    open: async (prefix) => {
      const store = await RedisStorage.open({ url: redis.url, prefix })
      opened.push(store)
      return store
    },
  }
}

describe('RedisStorage specifics', () => {
  const stores = storesOnFreshPrefixes()

  it('two processes compacting one document at the same time while a third appends lose nothing', async () => {
    const prefix = stores.prefix()
    const [first, second, writer] = [await stores.open(prefix), await stores.open(prefix), await stores.open(prefix)]
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    typeText(doc, 'Compacted twice at once, appended throughout. '.repeat(6))
    const text = doc.getText('t')
    for (let i = 0; i < 40; i++) text.delete((i * 7) % text.length, 1) // deletions, so GC matters

    let merges = 0
    let lostRaces = 0
    const compactBoth = async (): Promise<void> => {
      const results = await Promise.all([first.compact('race'), second.compact('race')])
      for (const result of results) {
        if (result.merged > 0) merges++
        else lostRaces++
      }
    }
    // Each round: the writer's next updates (one append per update, as separate event-loop turns
    // would send them) race two compactions started together.
    for (let i = 0; i < updates.length; i += 8) {
      await Promise.all([...updates.slice(i, i + 8).map((update) => writer.append([{ docName: 'race', update }])), compactBoth(), compactBoth()])
    }
    expect(merges).toBeGreaterThan(0)
    // The loser of a collision retries, finds the winner's snapshot and nothing left to merge.
    expect(lostRaces).toBeGreaterThan(0)

    for (const store of [first, second, writer, await stores.open(prefix)]) {
      const loaded = await store.load('race')
      expectSameContent(rebuild(loaded), doc)
      // The snapshot plus the stream entries after it: never more rows than were appended.
      expect(loaded.length).toBeLessThanOrEqual(1 + updates.length)
    }
    const stats = await writer.stats('race')
    expect(stats.bytes).toBe((await writer.load('race')).reduce((sum, update) => sum + update.byteLength, 0))

    const last = await second.compact('race')
    expect(last.count).toBe(1)
    expect(await first.stats('race')).toEqual({ count: 1, bytes: last.bytes })
    expectSameContent(rebuild(await first.load('race')), doc)
    // Every update kept its own log entry, whoever compacted.
    expect(await first.listUpdates({ docName: 'race', limit: 10_000 })).toHaveLength(updates.length)
  })

  it('a compaction that read the document before another one committed is refused, so it cannot drop later updates', async () => {
    // Process A reads the document to compact it, then stalls (a GC pause, a slow merge); process
    // B compacts meanwhile and C appends. A's commit, made with the real script, must be refused.
    const prefix = stores.prefix()
    const [b, c] = [await stores.open(prefix), await stores.open(prefix)]
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    typeText(doc, 'first part')
    const firstPart = updates.length
    await c.append(updates.map((update) => ({ docName: 'stale', update })))

    const keys = new RedisKeys(prefix).of('stale')
    const raw = new Redis(redis.url)
    try {
      const expectedUpto = (await raw.hget(keys.meta, 'upto')) ?? '0'
      const readByA = (await raw.xrangeBuffer(keys.updates, '-', '+')) as [Buffer, Buffer[]][]
      const lastId = Number(readByA.at(-1)![0].toString().split('-')[0])
      const staleSnapshot = Y.mergeUpdates(updates.slice())

      expect((await b.compact('stale')).merged).toBe(firstPart)
      typeText(doc, ', then more')
      await c.append(updates.slice(firstPart).map((update) => ({ docName: 'stale', update })))

      const reply = await runScript(raw, COMMIT_COMPACTION, [keys.snapshot, keys.meta, keys.updates], [
        expectedUpto,
        String(lastId),
        Buffer.from(staleSnapshot),
        String(readByA.reduce((sum, [, fields]) => sum + fields[1]!.byteLength, 0)),
        `${lastId + 1}-0`,
      ])
      expect(reply).toEqual([0])
    } finally {
      raw.disconnect()
    }
    const loaded = await b.load('stale')
    expectSameContent(rebuild(loaded), doc)
    // B's snapshot and every later update are still there, and the byte count still adds up.
    const appendedAfter = updates.length - firstPart
    expect(loaded).toHaveLength(1 + appendedAfter)
    expect(await b.stats('stale')).toEqual({ count: 1 + appendedAfter, bytes: loaded.reduce((sum, update) => sum + update.byteLength, 0) })
  })

  it('keys live under the prefix, with each document’s keys sharing its name as a hash tag', async () => {
    const prefix = stores.prefix()
    const store = await stores.open(prefix)
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    typeText(doc, 'ab')
    await store.append([
      ...updates.map((update) => ({ docName: 'week:2026-W48', update })),
      { docName: 'odd}name', update: bytes(3) },
    ])
    await store.compact('week:2026-W48')
    expect(await redis.keys(prefix)).toEqual(
      [
        `${prefix}documents`,
        `${prefix}update-log`,
        `${prefix}update-seq`,
        `${prefix}{week:2026-W48}:log`,
        `${prefix}{week:2026-W48}:meta`,
        `${prefix}{week:2026-W48}:snapshot`,
        `${prefix}{week:2026-W48}:updates`,
        `${prefix}{odd}name}:log`,
        `${prefix}{odd}name}:meta`,
        `${prefix}{odd}name}:updates`,
      ].sort(),
    )

    // Another prefix on the same Redis is another installation: it sees none of it.
    const other = await stores.open(stores.prefix())
    expect(await other.listDocuments()).toEqual([])
    expect(await other.load('week:2026-W48')).toEqual([])
    expect(await other.listUpdates({ limit: 10 })).toEqual([])
    await other.append([{ docName: 'week:2026-W48', update: updates[0]! }])
    expect(await store.load('week:2026-W48')).toHaveLength(1) // still just its snapshot
  })

  it('refuses a bad prefix and an unreachable Redis with sentences, without leaking the password', async () => {
    await expect(RedisStorage.open({ url: redis.url, prefix: 'has{brace}' })).rejects.toThrow(/prefix "has\{brace\}" must be/)
    await expect(RedisStorage.open({ url: 'http://localhost:6379' })).rejects.toThrow(/Redis URL http:\/\/localhost:6379 has the scheme http:/)
    const nobody = 'redis://:hunter2-secret@127.0.0.1:1' // nothing listens on port 1
    const refusal = await RedisStorage.open({ url: nobody }).then(
      () => null,
      (error: Error) => error.message,
    )
    expect(refusal).toMatch(/^Could not use Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1: connect ECONNREFUSED/)
    expect(refusal).not.toContain('hunter2')
  })
})

describe('RedisStorage when Redis goes away', () => {
  // A private server even when REDIS_URL is set: these tests kill and pause it.
  let own: TestRedis
  let store: RedisStorage | null = null
  beforeAll(async () => {
    own = await startRedis({ private: true })
  })
  afterEach(async () => {
    own.server!.resume()
    await store?.close()
    store = null
    if (!own.server!.running) await own.server!.run() // a test that failed half-way
  })
  afterAll(async () => {
    await own?.stop()
  })

  it('a killed Redis: isReady turns false, calls reject with a clear error, and it recovers when Redis is back', async () => {
    store = await RedisStorage.open({ url: own.url, prefix: own.freshPrefix() })
    await store.append([{ docName: 'd', update: bytes(1) }])
    expect(await store.isReady()).toBe(true)

    await own.server!.kill()
    await waitForAsync(() => store!.isReady(), (ready) => !ready, 'isReady false after Redis died')
    const where = own.url.replace(/[/.]/g, '\\$&')
    await expect(store.append([{ docName: 'd', update: bytes(2) }])).rejects.toThrow(
      new RegExp(`^Redis storage at ${where} could not store 1 update: Redis is unreachable or not answering`),
    )
    await expect(store.load('d')).rejects.toThrow(new RegExp(`^Redis storage at ${where} could not load d: `))
    await expect(store.compact('d')).rejects.toThrow(/could not compact d: /)
    await expect(store.listUpdates({ limit: 5 })).rejects.toThrow(/could not read the update log: /)

    // Same port, empty data (no persistence): the client reconnects by itself.
    await own.server!.run()
    await waitForAsync(() => store!.isReady(), (ready) => ready, 'isReady true after Redis came back', 10_000)
    await store.append([{ docName: 'd', update: bytes(3) }])
    expect(await store.load('d')).toEqual([bytes(3)])
  })

  it('a hung Redis: isReady answers false within its short timeout instead of waiting', async () => {
    store = await RedisStorage.open({ url: own.url, prefix: own.freshPrefix() })
    expect(await store.isReady()).toBe(true)
    own.server!.pause()
    const started = Date.now()
    expect(await store.isReady()).toBe(false)
    expect(Date.now() - started).toBeLessThan(3_000)
    own.server!.resume()
    await waitForAsync(() => store!.isReady(), (ready) => ready, 'isReady true after Redis resumed')
  })
})

describe('RedisStorage on a Redis with the AOF on', () => {
  let own: TestRedis
  beforeAll(async () => {
    // always: everysec may hold the AOF write back while an fsync lags and answer anyway (README).
    own = await startRedis({ appendfsync: 'always' })
  })
  afterAll(async () => {
    await own?.stop()
  })

  it('what append acknowledged survives a kill -9 of Redis under appendfsync always', async () => {
    const prefix = own.freshPrefix()
    const doc = new Y.Doc()
    const updates = recordUpdates(doc)
    typeText(doc, 'written to the AOF before the answer')
    const store = await RedisStorage.open({ url: own.url, prefix })
    try {
      await store.append(updates.map((update) => ({ docName: 'aof', update })))
      await store.compact('aof')
      typeText(doc, '!')
      await store.append([{ docName: 'aof', update: updates.at(-1)! }])
      // Killed right after the answers: under appendfsync always Redis fsynced the AOF before
      // answering, so everything acknowledged comes back.
      await own.server!.kill()
      await own.server!.run()
      await waitForAsync(() => store.isReady(), (ready) => ready, 'reconnected after the restart', 10_000)
      const loaded = await store.load('aof')
      expect(loaded).toHaveLength(2) // the snapshot and the last update
      expectSameContent(rebuild(loaded), doc)
      expect(await store.listUpdates({ docName: 'aof', limit: 1000 })).toHaveLength(updates.length)
    } finally {
      await store.close()
    }
  })
})

describe('REDIS_URL and REDIS_PREFIX', () => {
  it('are validated, and unset means the embedded store', () => {
    const base = { DATA_DIR: os.tmpdir() }
    const plain = loadConfig(base)
    expect(plain.redisUrl).toBeUndefined()
    expect(plain.redisPrefix).toBe('fw:')
    const set = loadConfig({ ...base, REDIS_URL: ' rediss://user:pw@redis.internal:6380/2 ', REDIS_PREFIX: 'board-a:' })
    expect(set.redisUrl).toBe('rediss://user:pw@redis.internal:6380/2')
    expect(set.redisPrefix).toBe('board-a:')

    const refusal = (env: Record<string, string>): ConfigError => {
      try {
        loadConfig({ ...base, ...env })
      } catch (error) {
        if (error instanceof ConfigError) return error
        throw error
      }
      throw new Error(`accepted ${JSON.stringify(env)}`)
    }
    const wrongScheme = refusal({ REDIS_URL: 'http://admin:s3cret@redis:6379' })
    expect(wrongScheme.variable).toBe('REDIS_URL')
    expect(wrongScheme.message).toMatch(/must be a redis:\/\/ or rediss:\/\/ URL/)
    expect(wrongScheme.message).not.toContain('s3cret')
    expect(refusal({ REDIS_URL: 'localhost:6379' }).message).toMatch(/REDIS_URL: must be a redis:\/\//)
    expect(refusal({ REDIS_URL: 'not a url' }).message).toMatch(/is not a URL/)
    for (const bad of ['a{b}', 'with space', 'star*', 'x'.repeat(65)]) {
      const error = refusal({ REDIS_PREFIX: bad })
      expect(error.variable).toBe('REDIS_PREFIX')
      expect(error.message).toContain(`got "${bad}"`)
    }
  })
})

describe('a Fourwall server on REDIS_URL', () => {
  const DOC = 'week:2026-W48'
  const clients: YClient[] = []
  const servers: TestServer[] = []
  let dataDir: string | null = null
  let prefix = ''
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    dataDir = null
    if (prefix) await redis.deleteKeys(prefix)
    prefix = ''
  })

  it('stores a y-websocket client’s edits in Redis, and they survive a restart', async () => {
    prefix = redis.freshPrefix()
    // Not makeDataDir(): startServer deletes those on close, and the restart needs this one.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-redis-server-'))
    const env = { REDIS_URL: redis.url, REDIS_PREFIX: prefix, COMPACT_AFTER_UPDATES: '5' }
    const first = await startServer({ dataDir }, env)
    servers.push(first)
    expect(first.server.storage.kind).toBe('redis')
    expect(await (await fetch(`${first.url}/readyz`)).json()).toMatchObject({ storage: { kind: 'redis', ready: true } })

    const writer = connectClient(first.wsUrl, DOC, first.token('editor', 'Rosa Redis'))
    clients.push(writer)
    await waitForSync(writer.provider)
    const typed = 'stored in Redis'
    for (const char of typed) writer.doc.getText('t').insert(writer.doc.getText('t').length, char)

    // Read Redis directly, as another process would.
    const reader = await RedisStorage.open({ url: redis.url, prefix })
    try {
      await waitForAsync(async () => rebuild(await reader.load(DOC)).getText('t').toString(), (text) => text === typed, 'edits in Redis')
      expect(await reader.listDocuments()).toContain(DOC)
      const log = await reader.listUpdates({ docName: DOC, limit: 100 })
      expect(log.filter((entry) => entry.personName === 'Rosa Redis')).toHaveLength(typed.length)
    } finally {
      await reader.close()
    }

    writer.destroy()
    clients.splice(0)
    await first.close()
    servers.splice(0)

    const second = await startServer({ dataDir }, env)
    servers.push(second)
    const returning = connectClient(second.wsUrl, DOC, second.token('editor', 'Rosa Redis'))
    clients.push(returning)
    await waitForSync(returning.provider)
    expect(returning.doc.getText('t').toString()).toBe(typed)

    // Nothing touched SQLite: with REDIS_URL the accounts live in Redis too, so there is no file.
    expect(fs.existsSync(path.join(dataDir, 'fourwall.db'))).toBe(false)
  })
})

// --- helpers ----------------------------------------------------------------------------------------

async function waitForAsync<T>(read: () => Promise<T>, accept: (value: T) => boolean, label: string, timeoutMs = 5_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (accept(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`${label}: not within ${timeoutMs} ms; last value ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}


function expectSameContent(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getText('t').toString()).toBe(expected.getText('t').toString())
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected))
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values)
}
