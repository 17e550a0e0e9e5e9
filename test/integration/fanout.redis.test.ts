/**
 * Several Fourwall processes on one Redis (the fan-out, storage/redis/RedisFanout.ts): every
 * process holding a document receives the others' updates and presence, in order, without storing
 * or relaying anything twice; a slow load, a compaction that trims a lagging process's position and
 * dropped Redis connections lose nothing; and twenty clients split over two real server processes,
 * editing with abrupt disconnects and moves between the processes, converge on every seed.
 */
import fs from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { Redis } from 'ioredis'
import { CLOSED_KEY, META_MAP } from '@fourwall/shared'
import { TokenSigner, type FourwallConfig } from '@fourwall/server'
import { RedisStorage } from '../../server/src/storage/RedisStorage.js'
import { RedisKeys } from '../../server/src/storage/redis/keys.js'
import { startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'
import { RawClient } from '../support/rawclient.js'
import { seededRandom } from '../support/random.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { makeDataDir, startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const tokens = new TokenSigner(TEST_SECRET)
// Every y-websocket provider in Node adds a process 'exit' listener; twenty at once are expected here.
process.setMaxListeners(64)

let redis: TestRedis
/** Raw access for what the tests count (stream entries) and do (CLIENT KILL). */
let admin: Redis
beforeAll(async () => {
  redis = await startRedis({ private: true })
  admin = new Redis(redis.url)
})
afterAll(async () => {
  admin?.disconnect()
  await redis?.stop()
})

/** Every resource a test opens, closed after it in reverse order. */
const opened: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const close of opened.splice(0).reverse()) await close()
})

function track<T extends YClient>(client: T): T {
  opened.push(() => client.destroy())
  return client
}

/** One in-process server on `prefix`, sharing the secret (and so the tokens) with the others. */
async function serverOn(prefix: string, options: { storage?: RedisStorage; config?: Partial<FourwallConfig> } = {}): Promise<TestServer> {
  const server = await startServer(
    { redisUrl: redis.url, redisPrefix: prefix, secret: TEST_SECRET, ...options.config },
    {},
    options.storage ? { storage: options.storage } : {},
  )
  opened.push(() => server.close())
  return server
}

function processIdOf(server: TestServer): string {
  return (server.server.storage as RedisStorage).processId
}

/** The document's stream entries, oldest first, as [update id, storing process]. */
async function streamEntries(prefix: string, docName: string): Promise<Array<{ id: string; origin: string }>> {
  const entries = await admin.xrange(new RedisKeys(prefix).of(docName).updates, '-', '+')
  return entries.map(([id, fields]) => ({ id, origin: fields[fields.indexOf('o') + 1]! }))
}

type PresenceState = { user?: { name?: string; role?: string; color?: string }; viewing?: string }

/** What `observer` currently sees of `subject`'s presence. */
function presenceOf(observer: YClient, subject: YClient): PresenceState | undefined {
  return observer.provider.awareness.getStates().get(subject.doc.clientID) as PresenceState | undefined
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('two processes on one Redis, in this process', () => {
  it('each edit is stored once, by the process that received it, and reaches the clients of the other', async () => {
    const prefix = redis.freshPrefix()
    const [a, b] = [await serverOn(prefix), await serverOn(prefix)]
    const doc = 'week:2026-W10'
    const onA = track(connectClient(a.wsUrl, doc, a.token('editor', 'Ann')))
    const onB = track(connectClient(b.wsUrl, doc, b.token('editor', 'Bea')))
    await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)])

    for (let i = 0; i < 20; i++) {
      ;(i % 2 === 0 ? onA : onB).doc.getArray<number>('log').push([i])
      await delay(5)
    }
    const expected = Array.from({ length: 20 }, (_, i) => i).sort((x, y) => x - y)
    const sorted = (client: YClient) => client.doc.getArray<number>('log').toArray().sort((x, y) => x - y)
    await waitFor(() => [sorted(onA), sorted(onB)], ([x, y]) => x!.length === 20 && y!.length === 20)
    expect(sorted(onA)).toEqual(expected)
    expect(onA.doc.getArray('log').toArray()).toEqual(onB.doc.getArray('log').toArray())

    // Give a process that wrongly stored what it received from the other time to do so.
    await delay(300)
    const entries = await streamEntries(prefix, doc)
    expect(entries).toHaveLength(20)
    expect(entries.filter((entry) => entry.origin === processIdOf(a))).toHaveLength(10)
    expect(entries.filter((entry) => entry.origin === processIdOf(b))).toHaveLength(10)
    // The update log agrees: one entry per edit, each naming the person who made it.
    const log = await a.server.storage.listUpdates({ docName: doc, limit: 100 })
    expect(log).toHaveLength(20)
    expect(log.filter((entry) => entry.personName === 'Ann')).toHaveLength(10)
  })

  it('presence crosses processes with the identity its own process verified, in the usual audiences, and leaves with the client', async () => {
    const prefix = redis.freshPrefix()
    const [a, b] = [await serverOn(prefix), await serverOn(prefix)]
    const doc = 'week:2026-W11'
    const editorOnA = track(connectClient(a.wsUrl, doc, a.token('product-lead', 'Pat'), { name: 'Mallory', role: 'admin', color: '#123456' }))
    const viewerOnA = track(connectClient(a.wsUrl, doc, a.token('team-lead', 'Tia'), { color: '#222222' }))
    const editorOnB = track(connectClient(b.wsUrl, doc, b.token('engineering-lead', 'Eli'), { color: '#333333' }))
    const viewerOnB = track(connectClient(b.wsUrl, doc, b.token('team-lead', 'Theo'), { color: '#444444' }))
    await Promise.all([editorOnA, viewerOnA, editorOnB, viewerOnB].map((client) => waitForSync(client.provider)))

    // An editor on B sees both of A's clients, stamped by A (not what the client claimed).
    const pat = await waitFor(() => presenceOf(editorOnB, editorOnA), (state) => state?.user?.name === 'Pat', 5_000, 'Pat on B')
    expect(pat!.user).toMatchObject({ name: 'Pat', role: 'product-lead', color: '#123456' })
    await waitFor(() => presenceOf(editorOnB, viewerOnA), (state) => state?.user?.name === 'Tia', 5_000, 'Tia on B')
    // A's editor sees B's viewer: viewers' presence goes to editors, wherever they are.
    await waitFor(() => presenceOf(editorOnA, viewerOnB), (state) => state?.user?.role === 'team-lead', 5_000, 'Theo on A')

    // A change made after all that reaches B's viewer...
    editorOnA.provider.awareness.setLocalStateField('viewing', 'okr-7')
    await waitFor(() => presenceOf(viewerOnB, editorOnA), (state) => state?.viewing === 'okr-7', 5_000, 'Pat viewing on B')
    await waitFor(() => presenceOf(editorOnB, editorOnA), (state) => state?.viewing === 'okr-7', 5_000, 'Pat viewing for Eli')
    // ...while the viewer on A never reached it: viewers see editors only, across processes too.
    expect(viewerOnB.provider.awareness.getStates().has(viewerOnA.doc.clientID)).toBe(false)
    expect(viewerOnA.provider.awareness.getStates().has(viewerOnB.doc.clientID)).toBe(false)

    // A third process that opens the document later asks, and sees the presence at once (not at
    // the next 15 s renewal).
    const c = await serverOn(prefix)
    const late = track(connectClient(c.wsUrl, doc, c.token('editor', 'Lee')))
    await waitForSync(late.provider)
    await waitFor(() => presenceOf(late, editorOnA), (state) => state?.viewing === 'okr-7', 3_000, 'Pat on the late process')

    // Pat's socket dies without a goodbye from the client: A removes the presence and tells the others.
    editorOnA.provider.shouldConnect = false
    ;(editorOnA.provider.ws as unknown as WebSocket | null)?.terminate()
    for (const observer of [editorOnB, viewerOnB, late]) {
      await waitFor(() => observer.provider.awareness.getStates().has(editorOnA.doc.clientID), (present) => !present, 5_000, 'Pat gone')
    }
    // Tia is still there for B's editor: only Pat left.
    expect(presenceOf(editorOnB, viewerOnA)?.user?.name).toBe('Tia')
  })

  it('an update stored while another process is still loading the document is not lost', async () => {
    const prefix = redis.freshPrefix()
    const doc = 'week:2026-W12'
    // B's storage holds the load open after reading Redis, until the test lets it go.
    const held = holdLoad(await RedisStorage.open({ url: redis.url, prefix }), doc)
    const a = await serverOn(prefix)
    const b = await serverOn(prefix, { storage: held.storage })

    const writer = track(connectClient(a.wsUrl, doc, a.token('editor', 'Ann')))
    await waitForSync(writer.provider)
    writer.doc.getText('note').insert(0, 'before ')
    await waitForCount(prefix, doc, 1)

    const reader = track(connectClient(b.wsUrl, doc, b.token('editor', 'Bea')))
    const readByB = await held.read
    writer.doc.getText('note').insert(7, 'during the load')
    await waitForCount(prefix, doc, 2)
    // The premise: B's load read Redis before the second edit was stored.
    expect(textOf(readByB)).toBe('before ')
    held.release()

    await waitForSync(reader.provider)
    await waitFor(() => reader.doc.getText('note').toString(), (text) => text === 'before during the load', 5_000, 'B has both edits')
    // And B stored nothing of its own.
    await delay(200)
    expect((await streamEntries(prefix, doc)).map((entry) => entry.origin)).toEqual([processIdOf(a), processIdOf(a)])
  })

  it('a client’s edit that had to wait for another process’s update is stored once that update completes it', async () => {
    const prefix = redis.freshPrefix()
    const doc = 'week:2026-W15'
    const held = holdLoad(await RedisStorage.open({ url: redis.url, prefix }), doc)
    const a = await serverOn(prefix)
    const b = await serverOn(prefix, { storage: held.storage })
    const writer = track(connectClient(a.wsUrl, doc, a.token('editor', 'Ann')))
    await waitForSync(writer.provider)

    // B starts loading and reads Redis before the edit the next one builds on exists.
    const raw = await RawClient.connect(b.wsUrl, doc, b.token('editor', 'Bea'))
    opened.push(() => raw.ws.terminate())
    await held.read
    writer.doc.getText('note').insert(0, 'from A')
    await waitForCount(prefix, doc, 1)
    // A client that has A's edit (it saw it elsewhere) builds on it, and its update reaches B first:
    // Yjs holds it back until A's edit arrives through B's feed.
    const elsewhere = new Y.Doc()
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(writer.doc))
    const seen = Y.encodeStateVector(elsewhere)
    elsewhere.getText('note').insert(6, ', then B')
    raw.sendUpdate(Y.encodeStateAsUpdate(elsewhere, seen))
    held.release()

    await waitFor(() => writer.doc.getText('note').toString(), (text) => text === 'from A, then B', 5_000, 'B’s edit on A')
    expect(textOf(await a.server.storage.load(doc))).toBe('from A, then B')
  })

  it('a week closed on one process turns the other process’s connections to it read-only', async () => {
    const prefix = redis.freshPrefix()
    const [a, b] = [await serverOn(prefix), await serverOn(prefix)]
    const doc = 'week:2026-W14'
    const onA = track(connectClient(a.wsUrl, doc, a.token('editor', 'Ann')))
    const onB = track(connectClient(b.wsUrl, doc, b.token('editor', 'Bea')))
    await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)])
    onB.doc.getArray<string>('log').push(['while open'])
    await waitFor(() => onA.doc.getArray('log').length, (n) => n === 1, 5_000, 'open-week edit on A')

    expect(await a.server.closeWeek('2026-W14', { id: 'lead-1', name: 'Maya', role: 'product-lead' })).not.toBeNull()
    // The marker reaches B's client through B, which turned its connections read-only on the way.
    await waitFor(() => onB.doc.getMap(META_MAP).get(CLOSED_KEY), (mark) => mark !== undefined, 5_000, 'close marker on B')
    const storedBefore = (await streamEntries(prefix, doc)).length
    onB.doc.getArray<string>('log').push(['after the close'])
    await delay(400)
    expect(onA.doc.getArray('log').toArray()).toEqual(['while open'])
    expect(await streamEntries(prefix, doc)).toHaveLength(storedBefore)
  })

  it('after its Redis connections drop, a process resumes from the last update it read', async () => {
    const prefix = redis.freshPrefix()
    const [a, b] = [await serverOn(prefix), await serverOn(prefix)]
    const doc = 'week:2026-W13'
    const onA = track(connectClient(a.wsUrl, doc, a.token('editor', 'Ann')))
    const onB = track(connectClient(b.wsUrl, doc, b.token('editor', 'Bea')))
    await Promise.all([waitForSync(onA.provider), waitForSync(onB.provider)])
    onA.doc.getArray<string>('log').push(['one'])
    await waitFor(() => onB.doc.getArray('log').length, (n) => n === 1, 5_000, 'first edit on B')

    // Cut every fan-out connection of B; A's next edits are stored while B reconnects.
    const killed = await killFanoutConnections(processIdOf(b))
    expect(killed).toBe(3)
    onA.doc.getArray<string>('log').push(['two'])
    onA.doc.getArray<string>('log').push(['three'])
    await waitFor(() => onB.doc.getArray<string>('log').toArray(), (items) => items.length === 3, 10_000, 'edits made during the outage on B')
    expect(onB.doc.getArray<string>('log').toArray()).toEqual(['one', 'two', 'three'])

    // Presence flows again too (the subscriber subscribed again).
    onA.provider.awareness.setLocalStateField('viewing', 'after-the-outage')
    await waitFor(() => presenceOf(onB, onA), (state) => state?.viewing === 'after-the-outage', 10_000, 'presence after the outage')
  })
})

describe('two server processes on one Redis', () => {
  let prefix: string
  const dataDirs: string[] = []
  let first: ServerProcess
  let second: ServerProcess
  /** The test's own view of the stored documents. */
  let storage: RedisStorage

  beforeAll(async () => {
    prefix = redis.freshPrefix()
    const env = (dataDir: string) => ({
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      // Small, so compaction trims streams (and processes reload) during the random edits too.
      COMPACT_AFTER_UPDATES: '20',
      UNLOAD_AFTER_MS: '300',
    })
    dataDirs.push(makeDataDir(), makeDataDir())
    const started = await Promise.all(dataDirs.map((dir) => startServerProcess(env(dir))))
    first = started[0]!
    second = started[1]!
    storage = await RedisStorage.open({ url: redis.url, prefix })
  })
  afterAll(async () => {
    await storage?.close()
    for (const server of [first, second]) {
      if (!server) continue
      server.child.kill('SIGCONT')
      server.child.kill('SIGTERM')
      await server.exited
    }
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
    await redis.deleteKeys(prefix)
  })

  it('twenty clients split over both, editing with abrupt disconnects and moves, converge on every seed, and storage holds the same', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      await convergenceRun(seed, [first.wsUrl, second.wsUrl], storage)
    }
  })

  it('a process whose stream position a compaction trimmed reloads the document and misses nothing', async () => {
    const doc = 'week:2027-W40'
    const onFirst = track(connectClient(first.wsUrl, doc, tokens.create({ role: 'editor', name: 'Ann' })))
    const onSecond = track(connectClient(second.wsUrl, doc, tokens.create({ role: 'editor', name: 'Bea' })))
    await Promise.all([waitForSync(onFirst.provider), waitForSync(onSecond.provider)])
    onFirst.doc.getArray<string>('log').push(['seen by both'])
    await waitFor(() => onSecond.doc.getArray('log').length, (n) => n === 1, 5_000, 'first edit on the second process')

    // The second process stops reading (SIGSTOP) while edits are stored and then compacted away.
    second.child.kill('SIGSTOP')
    try {
      for (let i = 0; i < 5; i++) onFirst.doc.getArray<string>('log').push([`while stopped ${i}`])
      await waitForCount(prefix, doc, 6)
      expect((await storage.compact(doc)).merged).toBe(6)
      expect(await streamEntries(prefix, doc)).toEqual([])
    } finally {
      second.child.kill('SIGCONT')
    }

    await waitFor(() => onSecond.doc.getArray<string>('log').length, (n) => n === 6, 10_000, 'trimmed edits on the second process')
    expect(onSecond.doc.getArray<string>('log').toArray()).toEqual(onFirst.doc.getArray<string>('log').toArray())
    expect(second.stdout.some((line) => line.includes('a compaction trimmed updates') && line.includes(doc))).toBe(true)
    // Both processes still follow the document afterwards.
    onSecond.doc.getArray<string>('log').push(['after the reload'])
    await waitFor(() => onFirst.doc.getArray('log').length, (n) => n === 7, 5_000, 'edit after the reload on the first process')
  })
})

/**
 * One seed: 20 clients (10 per process) make random edits to a text, a map and an array; some
 * sockets are cut without a close handshake (the client reconnects to the same process), some
 * clients move to the other process with their document (edits made meanwhile sync on arrival).
 * At the end every client holds the same state, and so does a fresh load from storage.
 */
async function convergenceRun(seed: number, wsUrls: [string, string], storage: RedisStorage): Promise<void> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const doc = `week:2027-W${String(seed).padStart(2, '0')}`
  const clients = Array.from({ length: 20 }, (_, i) => {
    const ydoc = new Y.Doc()
    const token = tokens.create({ role: 'editor', name: `Editor ${i}` })
    return { ydoc, token, home: i % 2, provider: openProvider(wsUrls[i % 2]!, doc, ydoc, token) }
  })
  try {
    await Promise.all(clients.map((client) => waitForSync(client.provider)))
    for (let step = 0; step < 60; step++) {
      const client = pick(clients)
      const roll = random()
      if (roll < 0.1) {
        // Abrupt: the socket dies; y-websocket reconnects to the same process.
        ;(client.provider.ws as unknown as WebSocket | null)?.terminate()
      } else if (roll < 0.18) {
        // Abrupt, then the client comes back on the other process with the same document.
        ;(client.provider.ws as unknown as WebSocket | null)?.terminate()
        client.provider.destroy()
        client.home = 1 - client.home
        client.provider = openProvider(wsUrls[client.home]!, doc, client.ydoc, client.token)
      } else {
        randomEdit(client.ydoc, random)
      }
      if (random() < 0.5) await delay(Math.floor(random() * 12))
    }
    const states = () => clients.map((client) => contentOf(client.ydoc))
    try {
      await waitFor(
        () => ({ connected: clients.every((client) => client.provider.wsconnected && client.provider.synced), states: states() }),
        ({ connected, states }) => connected && states.every((state) => state === states[0]),
        15_000,
        `seed ${seed}: every client connected with the same state`,
      )
    } catch (error) {
      throw new Error(`seed ${seed} did not converge: ${(error as Error).message.slice(0, 500)}`)
    }
    const vectors = clients.map((client) => Buffer.from(Y.encodeStateVector(client.ydoc)).toString('base64'))
    expect(new Set(vectors).size, `seed ${seed}: state vectors`).toBe(1)
    // Every edit reached another client through a server, so it is stored: a fresh load agrees.
    const fromStorage = new Y.Doc()
    for (const update of await storage.load(doc)) Y.applyUpdate(fromStorage, update)
    expect(contentOf(fromStorage), `seed ${seed}: storage`).toBe(states()[0])
    expect(contentOf(fromStorage).length, `seed ${seed}: something was edited`).toBeGreaterThan(40)
  } finally {
    for (const client of clients) {
      client.provider.destroy()
      client.ydoc.destroy()
    }
  }
}

function openProvider(wsUrl: string, docName: string, ydoc: Y.Doc, token: string): WebsocketProvider {
  return new WebsocketProvider(wsUrl, docName, ydoc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 200,
  })
}

function randomEdit(ydoc: Y.Doc, random: () => number): void {
  const text = ydoc.getText('note')
  const map = ydoc.getMap<number>('status')
  const list = ydoc.getArray<string>('list')
  const roll = random()
  if (roll < 0.35) {
    text.insert(Math.floor(random() * (text.length + 1)), random().toString(36).slice(2, 2 + 1 + Math.floor(random() * 6)))
  } else if (roll < 0.5 && text.length > 0) {
    const at = Math.floor(random() * text.length)
    text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 4)))
  } else if (roll < 0.75) {
    map.set(`okr-${Math.floor(random() * 8)}`, Math.floor(random() * 1000))
  } else if (roll < 0.9 || list.length === 0) {
    list.insert(Math.floor(random() * (list.length + 1)), [`item-${Math.floor(random() * 1e6)}`])
  } else {
    list.delete(Math.floor(random() * list.length), 1)
  }
}

function contentOf(ydoc: Y.Doc): string {
  const status = ydoc.getMap('status').toJSON()
  const sortedStatus = Object.fromEntries(Object.entries(status).sort(([x], [y]) => x.localeCompare(y)))
  return JSON.stringify({ note: ydoc.getText('note').toString(), status: sortedStatus, list: ydoc.getArray('list').toArray() })
}

function textOf(updates: Uint8Array[]): string {
  const ydoc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(ydoc, update)
  return ydoc.getText('note').toString()
}

/**
 * Makes `storage` hold its load of `docName` open after reading Redis, until released: a slow load,
 * with the read already done.
 */
function holdLoad(storage: RedisStorage, docName: string): { storage: RedisStorage; read: Promise<Uint8Array[]>; release(): void } {
  let signalRead!: (updates: Uint8Array[]) => void
  const read = new Promise<Uint8Array[]>((resolve) => (signalRead = resolve))
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const loadWithCursor = storage.loadWithCursor.bind(storage)
  storage.loadWithCursor = async (name) => {
    const loaded = await loadWithCursor(name)
    if (name === docName) {
      signalRead(loaded.updates)
      await released
    }
    return loaded
  }
  return { storage, read, release }
}

async function waitForCount(prefix: string, docName: string, count: number): Promise<void> {
  const key = new RedisKeys(prefix).of(docName).updates
  const started = Date.now()
  for (;;) {
    const length = await admin.xlen(key)
    if (length === count) return
    if (Date.now() - started > 5_000) throw new Error(`${docName} has ${length} stream entries, expected ${count}`)
    await delay(10)
  }
}

/** CLIENT KILLs the fan-out connections of one process (named after its process id). */
async function killFanoutConnections(processId: string): Promise<number> {
  const list = (await admin.client('LIST')) as string
  const ids = list
    .split('\n')
    .filter((line) => new RegExp(`name=fourwall-fanout-\\w+-${processId.slice(0, 8)}(\\s|$)`).test(line))
    .map((line) => /\bid=(\d+)/.exec(line)![1]!)
  for (const id of ids) await admin.client('KILL', 'ID', id)
  return ids.length
}
