/**
 * The storage contract: every backend (SQLite, Redis) runs this same suite with its own
 * fixture factory. Tests use real Yjs updates (recorded from a Y.Doc's 'update' event, as a
 * y-websocket client would send them) wherever the content matters.
 */
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentUpdateEntry } from '@fourwall/shared'
import type { Storage, StoredUpdate, UpdateAuthor } from '../../server/src/storage/Storage.js'
import { seededRandom } from '../support/random.js'

/** How a child process opens the same data as the fixture (for the crash and cross-process tests). */
export interface ChildOpener {
  /** Absolute path of the backend's module; TypeScript is fine, the child runs under tsx. */
  module: string
  /** Dotted path of the opener among the module's exports, e.g. 'SqliteStorage.open'. */
  export: string
  /** JSON-serializable argument the opener is called with; it returns a Storage (or a promise). */
  arg: unknown
}

export interface StorageFixture {
  /** Opens a new instance on the fixture's data. A second call is a second writer, or a reopen. */
  open(): Promise<Storage>
  /** Removes the data. Every instance returned by open() is closed before this runs. */
  cleanup(): Promise<void>
  /** Optional capability: without it the child-process tests are skipped. */
  child?: ChildOpener
}

/** Registers the contract suite; `makeFixture` runs before each test and gets fresh, empty data. */
export function storageContract(name: string, makeFixture: () => Promise<StorageFixture>): void {
  describe(`storage contract: ${name}`, () => {
    let fixture: StorageFixture
    let opened: Storage[] = []

    async function open(): Promise<Storage> {
      const store = await fixture.open()
      opened.push(store)
      return store
    }

    beforeEach(async () => {
      fixture = await makeFixture()
      opened = []
    })

    afterEach(async () => {
      for (const store of opened) await store.close()
      await fixture.cleanup()
    })

    it('an unknown document loads as [] and has empty stats', async () => {
      const store = await open()
      expect(await store.load('nobody')).toEqual([])
      expect(await store.stats('nobody')).toEqual({ count: 0, bytes: 0 })
      expect(await store.listDocuments()).toEqual([])
      expect(typeof store.kind).toBe('string')
      expect(await store.isReady()).toBe(true)
    })

    it('append then load returns the same bytes in order', async () => {
      const store = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'hello world')
      doc.getMap('m').set('status', 'draft')
      await store.append(updates.slice(0, 4).map((update) => ({ docName: 'board', update })))
      await store.append(updates.slice(4).map((update) => ({ docName: 'board', update })))
      await store.append([]) // an empty batch is a no-op

      const loaded = await store.load('board')
      for (const update of loaded) expect(update).toBeInstanceOf(Uint8Array)
      expect(hex(loaded)).toEqual(hex(updates))
      expectSameContent(rebuild(loaded), doc)
    })

    it('documents are isolated', async () => {
      const store = await open()
      await store.append([{ docName: 'a', update: bytes(1, 2, 3) }])
      await store.append([{ docName: 'b', update: bytes(4) }])
      await store.append([{ docName: 'ab', update: bytes(5) }])
      expect(hex(await store.load('a'))).toEqual(hex([bytes(1, 2, 3)]))
      expect(hex(await store.load('b'))).toEqual(hex([bytes(4)]))
      expect(hex(await store.load('ab'))).toEqual(hex([bytes(5)]))
      await store.compact('a')
      expect(hex(await store.load('b'))).toEqual(hex([bytes(4)]))
    })

    it('one batch can span several documents, in order per document', async () => {
      const store = await open()
      const batch: StoredUpdate[] = []
      for (let i = 0; i < 30; i++) batch.push({ docName: `doc-${i % 3}`, update: bytes(i, i % 3) })
      await store.append(batch)
      for (let d = 0; d < 3; d++) {
        const expected = batch.filter((u) => u.docName === `doc-${d}`).map((u) => u.update)
        expect(hex(await store.load(`doc-${d}`))).toEqual(hex(expected))
      }
    })

    it('listDocuments names every stored document, including odd names', async () => {
      const store = await open()
      const names = ['board/1', 'a:b', 'ünïcödé ✓', 'with space', '*', 'x'.repeat(200)]
      await store.append(names.map((docName, i) => ({ docName, update: bytes(i) })))
      await store.append([{ docName: 'board/1', update: bytes(9) }])
      expect([...(await store.listDocuments())].sort()).toEqual([...names].sort())
      for (const [i, docName] of names.entries()) {
        expect((await store.load(docName))[0]).toEqual(bytes(i))
      }
    })

    it('stats count rows and bytes', async () => {
      const store = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'stats!')
      await store.append(updates.map((update) => ({ docName: 's', update })))
      const total = updates.reduce((sum, u) => sum + u.byteLength, 0)
      expect(await store.stats('s')).toEqual({ count: updates.length, bytes: total })

      const result = await store.compact('s')
      const [snapshot, ...rest] = await store.load('s')
      expect(rest).toEqual([])
      expect(result).toEqual({ merged: updates.length, count: 1, bytes: snapshot?.byteLength })
      expect(await store.stats('s')).toEqual({ count: 1, bytes: snapshot?.byteLength })
    })

    it('data survives close and reopen, and a second instance sees the first one’s writes', async () => {
      const first = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'persist me')
      await first.append(updates.map((update) => ({ docName: 'p', update })))

      const second = await open() // while the first is still open
      expect(hex(await second.load('p'))).toEqual(hex(updates))
      await first.close()
      await second.close()

      const reopened = await open()
      expect(hex(await reopened.load('p'))).toEqual(hex(updates))
      expect(await reopened.listDocuments()).toEqual(['p'])
    })

    it('compact merges the log into one row with the same content', async () => {
      const store = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'The quick brown fox')
      doc.getText('t').delete(4, 6)
      const map = doc.getMap('m')
      for (let i = 0; i < 50; i++) map.set('counter', i)
      map.set('title', 'Q3 review')
      doc.getArray<string>('a').push(['x', 'y', 'z'])
      await store.append(updates.map((update) => ({ docName: 'c', update })))

      const result = await store.compact('c')
      expect(result.merged).toBe(updates.length)
      expect(result.count).toBe(1)
      const loaded = await store.load('c')
      expect(loaded).toHaveLength(1)
      expect(result.bytes).toBe(loaded[0]?.byteLength)
      const rebuilt = rebuild(loaded)
      expectSameContent(rebuilt, doc)
      expect(rebuilt.getArray('a').toJSON()).toEqual(['x', 'y', 'z'])

      // Compacting again merges nothing; updates appended afterwards load on top of the snapshot.
      expect((await store.compact('c')).merged).toBe(0)
      const later = updates.length
      typeText(doc, ' jumps')
      await store.append(updates.slice(later).map((update) => ({ docName: 'c', update })))
      expectSameContent(rebuild(await store.load('c')), doc)
      expect((await store.compact('c')).merged).toBe(1 + updates.length - later)
      expectSameContent(rebuild(await store.load('c')), doc)
    })

    it('compact of a document with 0 or 1 rows does nothing', async () => {
      const store = await open()
      expect(await store.compact('empty')).toEqual({ merged: 0, count: 0, bytes: 0 })
      expect(await store.listDocuments()).toEqual([])
      await store.append([{ docName: 'one', update: bytes(7, 7, 7) }])
      expect(await store.compact('one')).toEqual({ merged: 0, count: 1, bytes: 3 })
      expect(hex(await store.load('one'))).toEqual(hex([bytes(7, 7, 7)]))
    })

    it('compacted size follows the state, not the history (5,000 characters typed and deleted)', async () => {
      const store = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      const text = doc.getText('t')
      const random = seededRandom(42)
      // Type 5,000 characters one at a time, moving the cursor somewhere else every 100, then
      // delete them all one at a time at random places.
      let cursor = 0
      for (let i = 0; i < 5000; i++) {
        if (i % 100 === 0) cursor = Math.floor(random() * (text.length + 1))
        text.insert(cursor++, 'abcdefghij'[i % 10]!)
      }
      while (text.length > 0) text.delete(Math.floor(random() * text.length), 1)
      typeText(doc, 'what is left')
      const map = doc.getMap('m')
      for (let i = 0; i < 1000; i++) map.set('cursor', i) // overwritten values are garbage too
      // Append the way the server does: one batch per event-loop turn.
      for (let i = 0; i < updates.length; i += 500) {
        await store.append(updates.slice(i, i + 500).map((update) => ({ docName: 'long', update })))
      }

      const state = Y.encodeStateAsUpdate(doc).byteLength
      const before = await store.stats('long')
      expect(before.count).toBe(updates.length)
      expect(before.bytes).toBeGreaterThan(10 * state)

      const result = await store.compact('long')
      expect(result.merged).toBe(updates.length)
      expect(result.count).toBe(1)
      expect(result.bytes).toBeLessThanOrEqual(2 * state)
      expect(await store.stats('long')).toEqual({ count: 1, bytes: result.bytes })
      expectSameContent(rebuild(await store.load('long')), doc)
    })

    it('two writers appending interleaved both survive, each in its own order', async () => {
      const [a, b] = [await open(), await open()]
      const [docA, docB] = [new Y.Doc(), new Y.Doc()]
      const [fromA, fromB] = [recordUpdates(docA), recordUpdates(docB)]
      typeText(docA, 'written by A')
      typeText(docB, 'written by B, longer')
      for (let i = 0; i < Math.max(fromA.length, fromB.length); i++) {
        const [ua, ub] = [fromA[i], fromB[i]]
        if (ua) await a.append([{ docName: 'shared', update: ua }])
        if (ub) await b.append([{ docName: 'shared', update: ub }])
      }
      const loaded = await (await open()).load('shared')
      expect(loaded).toHaveLength(fromA.length + fromB.length)
      const setA = new Set(hex(fromA))
      expect(hex(loaded).filter((h) => setA.has(h))).toEqual(hex(fromA))
      expect(hex(loaded).filter((h) => !setA.has(h))).toEqual(hex(fromB))
      expectSameContent(rebuild(loaded), merged(fromA, fromB))
    })

    it('two writers appending concurrently both survive', async () => {
      const [a, b] = [await open(), await open()]
      const [docA, docB] = [new Y.Doc(), new Y.Doc()]
      const [fromA, fromB] = [recordUpdates(docA), recordUpdates(docB)]
      typeText(docA, 'A'.repeat(150))
      typeText(docB, 'B'.repeat(150))
      await Promise.all([
        ...fromA.map((update) => a.append([{ docName: 'shared', update }])),
        ...fromB.map((update) => b.append([{ docName: 'shared', update }])),
        a.append(fromB.slice(0, 10).map((update) => ({ docName: 'other', update }))),
      ])
      for (const store of [a, b, await open()]) {
        const loaded = await store.load('shared')
        expect(hex(loaded).sort()).toEqual([...hex(fromA), ...hex(fromB)].sort())
        expectSameContent(rebuild(loaded), merged(fromA, fromB))
      }
      expect(hex(await b.load('other'))).toEqual(hex(fromB.slice(0, 10)))
    })

    it('one writer compacting while another appends loses nothing', async () => {
      const [a, b] = [await open(), await open()]
      const [docA, docB] = [new Y.Doc(), new Y.Doc()]
      const [fromA, fromB] = [recordUpdates(docA), recordUpdates(docB)]
      typeText(docA, 'compacting writer. ')
      typeText(docB, 'appending writer, who keeps typing. ')
      const rounds = Math.max(fromA.length, fromB.length)
      for (let i = 0; i < rounds; i++) {
        const ua = fromA[i]
        const ub = fromB[i]
        await Promise.all([
          ua ? a.append([{ docName: 'busy', update: ua }]) : undefined,
          a.compact('busy'),
          ub ? b.append([{ docName: 'busy', update: ub }]) : undefined,
          b.append([{ docName: 'busy', update: ub ?? fromB[0]! }]), // duplicates are harmless
          a.compact('busy'),
        ])
      }
      for (const store of [a, b, await open()]) {
        expectSameContent(rebuild(await store.load('busy')), merged(fromA, fromB))
      }
      await a.compact('busy')
      expect((await b.stats('busy')).count).toBe(1)
      expectSameContent(rebuild(await b.load('busy')), merged(fromA, fromB))
    })

    it('close makes further calls reject, is idempotent, and leaves other instances working', async () => {
      const [a, b] = [await open(), await open()]
      await a.append([{ docName: 'd', update: bytes(1) }])
      await a.close()
      await a.close()
      expect(await a.isReady()).toBe(false)
      await expect(a.load('d')).rejects.toBeInstanceOf(Error)
      await expect(a.append([{ docName: 'd', update: bytes(2) }])).rejects.toBeInstanceOf(Error)
      await expect(a.compact('d')).rejects.toBeInstanceOf(Error)
      await expect(a.stats('d')).rejects.toBeInstanceOf(Error)
      await expect(a.listDocuments()).rejects.toBeInstanceOf(Error)
      await expect(a.listUpdates({ limit: 10 })).rejects.toBeInstanceOf(Error)
      expect(await b.isReady()).toBe(true)
      expect(hex(await b.load('d'))).toEqual(hex([bytes(1)]))
    })

    it('the update log names who sent each update and when, newest first', async () => {
      const store = await open()
      expect(await store.listUpdates({ limit: 10 })).toEqual([])
      const ana: UpdateAuthor = { personId: 'p-ana', personName: 'Ana Lopez', connectionId: 'c-ana-1' }
      const sam: UpdateAuthor = { personId: 'p-sam', personName: 'Sam Ortiz', connectionId: 'c-sam-1' }
      const startedAt = Date.now()
      await store.append([
        { docName: 'board', update: bytes(1, 2, 3), author: ana },
        { docName: 'board', update: bytes(4), author: sam },
      ])
      const betweenBatches = Date.now()
      await store.append([{ docName: 'board', update: bytes(5, 6) }]) // made by the server: no author
      const endedAt = Date.now()

      const entries = await store.listUpdates({ limit: 10 })
      expect(entries.map(({ id: _id, at: _at, ...rest }) => rest)).toEqual([
        { docName: 'board', personId: null, personName: null, connectionId: null, bytes: 2 },
        { docName: 'board', personId: 'p-sam', personName: 'Sam Ortiz', connectionId: 'c-sam-1', bytes: 1 },
        { docName: 'board', personId: 'p-ana', personName: 'Ana Lopez', connectionId: 'c-ana-1', bytes: 3 },
      ])
      // Ids increase in append order; `at` is when the batch was stored, the same for a whole batch.
      const [server, second, first] = entries as [DocumentUpdateEntry, DocumentUpdateEntry, DocumentUpdateEntry]
      for (const entry of entries) expect(Number.isInteger(entry.id)).toBe(true)
      expect(first.id).toBeLessThan(second.id)
      expect(second.id).toBeLessThan(server.id)
      expect(first.at).toBe(second.at)
      expect(first.at).toBeGreaterThanOrEqual(startedAt)
      expect(first.at).toBeLessThanOrEqual(betweenBatches)
      expect(server.at).toBeGreaterThanOrEqual(first.at)
      expect(server.at).toBeLessThanOrEqual(endedAt)
      // The log describes the updates without changing them.
      expect(hex(await store.load('board'))).toEqual(hex([bytes(1, 2, 3), bytes(4), bytes(5, 6)]))
      expect(await store.listUpdates({ limit: 0 })).toEqual([])
    })

    it('the update log filters by document and pages with `before`', async () => {
      const store = await open()
      const author = (i: number): UpdateAuthor => ({ personId: `p${i % 2}`, personName: `Person ${i % 2}`, connectionId: `c${i}` })
      for (let i = 0; i < 12; i++) {
        await store.append([
          { docName: i % 3 === 0 ? 'b' : 'a', update: bytes(i), author: author(i) },
          { docName: 'ab', update: bytes(i, i) },
        ])
      }
      const all = await store.listUpdates({ limit: 100 })
      expect(all).toHaveLength(24)
      const ids = all.map((entry) => entry.id)
      expect(ids).toEqual([...ids].sort((x, y) => y - x))
      expect(new Set(ids).size).toBe(24)

      const onlyA = await store.listUpdates({ docName: 'a', limit: 100 })
      expect(onlyA.map((entry) => entry.connectionId)).toEqual(['c11', 'c10', 'c8', 'c7', 'c5', 'c4', 'c2', 'c1'])
      expect(onlyA.every((entry) => entry.docName === 'a')).toBe(true)
      expect((await store.listUpdates({ docName: 'b', limit: 100 })).map((entry) => entry.connectionId)).toEqual([
        'c9',
        'c6',
        'c3',
        'c0',
      ])
      expect(await store.listUpdates({ docName: 'nobody', limit: 100 })).toEqual([])

      // Page through one document, three at a time.
      const pages: (string | null)[][] = []
      let before: number | undefined
      for (;;) {
        const page = await store.listUpdates({ docName: 'a', limit: 3, ...(before === undefined ? {} : { before }) })
        if (page.length === 0) break
        expect(page.length).toBeLessThanOrEqual(3)
        pages.push(page.map((entry) => entry.connectionId))
        before = page.at(-1)!.id
      }
      expect(pages).toEqual([
        ['c11', 'c10', 'c8'],
        ['c7', 'c5', 'c4'],
        ['c2', 'c1'],
      ])
      // Paging across every document: `before` is exclusive.
      const firstPage = await store.listUpdates({ limit: 5 })
      const secondPage = await store.listUpdates({ limit: 5, before: firstPage.at(-1)!.id })
      expect([...firstPage, ...secondPage]).toEqual(all.slice(0, 10))
    })

    it('the update log survives compaction, close and reopen, and other writers', async () => {
      const first = await open()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'who typed this?')
      const ana: UpdateAuthor = { personId: 'p-ana', personName: 'Ana', connectionId: 'c-1' }
      await first.append(updates.map((update, i) => (i % 2 === 0 ? { docName: 'c', update, author: ana } : { docName: 'c', update })))
      const before = await first.listUpdates({ docName: 'c', limit: 1000 })
      expect(before).toHaveLength(updates.length)

      const result = await first.compact('c')
      expect(result.merged).toBe(updates.length)
      expect(await first.load('c')).toHaveLength(1)
      // The snapshot is no new entry; every original entry is still there, unchanged.
      expect(await first.listUpdates({ docName: 'c', limit: 1000 })).toEqual(before)
      expect(before.map((entry) => entry.bytes).reverse()).toEqual(updates.map((update) => update.byteLength))
      expect(before.filter((entry) => entry.personId === 'p-ana')).toHaveLength(Math.ceil(updates.length / 2))

      // A second writer's entries come after, with higher ids, and everyone sees them.
      const second = await open()
      typeText(doc, '!')
      const exclaim = updates.at(-1)!
      await second.append([{ docName: 'c', update: exclaim, author: { ...ana, connectionId: 'c-2' } }])
      const [latest] = await first.listUpdates({ docName: 'c', limit: 1 })
      expect(latest).toMatchObject({ connectionId: 'c-2', personId: 'p-ana', bytes: exclaim.byteLength })
      expect(latest!.id).toBeGreaterThan(before[0]!.id)
      await first.close()
      await second.close()

      const reopened = await open()
      await reopened.compact('c')
      expect(await reopened.listUpdates({ docName: 'c', limit: 1000 })).toEqual([latest, ...before])
      expectSameContent(rebuild(await reopened.load('c')), doc)
      // Ids are never reused, even after compaction deleted the rows they described.
      await reopened.append([{ docName: 'other', update: bytes(1) }])
      const [newest] = await reopened.listUpdates({ limit: 1 })
      expect(newest!.id).toBeGreaterThan(latest!.id)
    })

    it('everything a child process reported as appended survives its kill -9', async (ctx) => {
      const opener = fixture.child
      if (!opener) return ctx.skip()
      const doc = new Y.Doc()
      const updates = recordUpdates(doc)
      typeText(doc, 'crash-safe '.repeat(200)) // 2,200 one-character updates
      const killAfter = 100

      const writer = spawnWriter(opener, killAfter)
      await writer.ready
      // Send everything at once: the child is still busy appending when it gets killed.
      for (const update of updates) writer.send([{ docName: 'crash', update }])
      const { signal } = await writer.closed
      expect(signal).toBe('SIGKILL')
      expect(writer.acks()).toBeGreaterThanOrEqual(killAfter)

      const store = await open()
      const loaded = await store.load('crash')
      // Every acknowledged update is there; anything beyond is a prefix of what was sent.
      expect(loaded.length).toBeGreaterThanOrEqual(writer.acks())
      expect(hex(loaded)).toEqual(hex(updates.slice(0, loaded.length)))
      expect(rebuild(loaded).getText('t').toString()).toBe('crash-safe '.repeat(200).slice(0, loaded.length))
      // The store is fully usable after the crash.
      await store.append([{ docName: 'crash', update: bytes(1) }])
      expect(await store.compact('other')).toEqual({ merged: 0, count: 0, bytes: 0 })
    })

    it('a child process appending while this process compacts loses nothing', async (ctx) => {
      const opener = fixture.child
      if (!opener) return ctx.skip()
      const [docChild, docHere] = [new Y.Doc(), new Y.Doc()]
      const [fromChild, fromHere] = [recordUpdates(docChild), recordUpdates(docHere)]
      typeText(docChild, 'the child process types this. '.repeat(10))
      const store = await open()

      const writer = spawnWriter(opener)
      await writer.ready
      for (const update of fromChild) writer.send([{ docName: 'race', update }])
      writer.end()
      let compactions = 0
      let written = 0
      do {
        typeText(docHere, String(compactions % 10))
        await store.append(fromHere.slice(written).map((update) => ({ docName: 'race', update })))
        written = fromHere.length
        await store.compact('race')
        compactions++
        await new Promise((resolve) => setImmediate(resolve)) // let the child's acks in
      } while (writer.acks() < fromChild.length && writer.running())
      const { code } = await writer.closed
      expect(code, writer.stderr()).toBe(0)
      expect(compactions).toBeGreaterThan(0)

      expectSameContent(rebuild(await store.load('race')), merged(fromChild, fromHere))
      await store.compact('race')
      expect((await store.stats('race')).count).toBe(1)
      expectSameContent(rebuild(await store.load('race')), merged(fromChild, fromHere))
    })
  })
}

// --- Yjs helpers ------------------------------------------------------------------------------------

/** Collects every update a Y.Doc emits, as a y-websocket client would send them. */
export function recordUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

/** Types at the end of the doc's text 't', one character (one update) at a time. */
export function typeText(doc: Y.Doc, text: string): void {
  const ytext = doc.getText('t')
  for (const char of text) ytext.insert(ytext.length, char)
}

export function rebuild(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

function merged(...logs: (readonly Uint8Array[])[]): Y.Doc {
  return rebuild(logs.flat())
}

function expectSameContent(actual: Y.Doc, expected: Y.Doc): void {
  expect(actual.getText('t').toString()).toBe(expected.getText('t').toString())
  expect(actual.getMap('m').toJSON()).toEqual(expected.getMap('m').toJSON())
  expect(Y.encodeStateVector(actual)).toEqual(Y.encodeStateVector(expected))
}

// --- byte helpers -----------------------------------------------------------------------------------

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values)
}

/** Hex strings: compares contents whatever Uint8Array subclass a backend returns, with readable diffs. */
function hex(updates: readonly Uint8Array[]): string[] {
  return updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('hex'))
}

// --- child-process writer -----------------------------------------------------------------------------

/**
 * The child: opens the store through the fixture's ChildOpener, prints "ready", then appends one
 * batch per stdin line (JSON, updates in base64) and prints "ok <n>" only once append() resolved.
 * When stdin ends it closes the store and exits. Plain JavaScript, run with `node --import tsx -e`.
 */
const CHILD_SOURCE = `
import readline from 'node:readline'
const spec = JSON.parse(process.env.FOURWALL_STORAGE_CHILD)
const mod = await import(spec.moduleUrl)
const path = spec.export.split('.')
const owner = path.slice(0, -1).reduce((object, key) => object[key], mod)
const store = await owner[path.at(-1)](spec.arg)
process.stdout.write('ready\\n')
let acked = 0
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (!line) continue
  const batch = JSON.parse(line).map(({ docName, update }) => ({ docName, update: new Uint8Array(Buffer.from(update, 'base64')) }))
  await store.append(batch)
  process.stdout.write('ok ' + ++acked + '\\n')
}
await store.close()
`

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

interface ChildWriter {
  /** Resolves once the child opened the store. */
  ready: Promise<void>
  send(batch: readonly StoredUpdate[]): void
  /** Closes the child's stdin: it finishes its appends, closes the store and exits. */
  end(): void
  /** Batches the child reported as durably appended. */
  acks(): number
  running(): boolean
  stderr(): string
  /** Resolves when the child exited and its output was fully read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Spawns a writer child; with `killAfterAcks`, SIGKILLs it the moment it reports that many appends. */
function spawnWriter(opener: ChildOpener, killAfterAcks?: number): ChildWriter {
  const spec = { moduleUrl: pathToFileURL(opener.module).href, export: opener.export, arg: opener.arg }
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD_SOURCE], {
    cwd: repoRoot,
    env: { ...process.env, FOURWALL_STORAGE_CHILD: JSON.stringify(spec) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  child.stdin.on('error', () => {}) // EPIPE once the child is killed with input still queued
  let acks = 0
  let stderr = ''
  let running = true
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))

  let onReady: () => void = () => {}
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      running = false
      resolve({ code, signal })
    })
  })
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve
    void closed.then(({ code, signal }) => reject(new Error(`writer child exited (${code ?? signal}) before ready:\n${stderr}`)))
  })
  // Keep an unawaited rejection (child died after ready) from failing the run.
  ready.catch(() => {})

  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') return onReady()
    if (!line.startsWith('ok ')) return
    acks++
    if (acks === killAfterAcks) child.kill('SIGKILL')
  })

  return {
    ready,
    send: (batch) => {
      const line = batch.map(({ docName, update }) => ({ docName, update: Buffer.from(update).toString('base64') }))
      child.stdin.write(JSON.stringify(line) + '\n')
    },
    end: () => child.stdin.end(),
    acks: () => acks,
    running: () => running,
    stderr: () => stderr,
    closed,
  }
}
