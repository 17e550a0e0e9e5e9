/**
 * The invariant behind "an edit anyone saw survives a crash", shown directly: with storage writes
 * held at a gate, no peer and no newly joining client receives an edit until its write completes.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.js'
import type { Storage, StoredUpdate } from '@fourwall/server'
import * as Y from 'yjs'
import { MessageType, RawClient, SyncType } from '../support/rawclient.js'
import { makeDataDir, startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

/** Storage whose appends wait until the test opens the gate. */
function gatedStorage(inner: Storage): { storage: Storage; open(): void; waiting(): number } {
  let release: (() => void) | null = null
  let gate = new Promise<void>((resolve) => (release = resolve))
  let waiting = 0
  const storage: Storage = {
    kind: inner.kind,
    load: (name) => inner.load(name),
    compact: (name) => inner.compact(name),
    stats: (name) => inner.stats(name),
    listDocuments: () => inner.listDocuments(),
    listUpdates: (options) => inner.listUpdates(options),
    isReady: () => inner.isReady(),
    close: () => inner.close(),
    append: async (batch: readonly StoredUpdate[]) => {
      waiting++
      await gate
      waiting--
      return inner.append(batch)
    },
  }
  return {
    storage,
    open() {
      release!()
      gate = Promise.resolve()
    },
    waiting: () => waiting,
  }
}

describe('store before relay', () => {
  let server: TestServer
  const clients: YClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('relays an update and answers a joining client only after storage made it durable', async () => {
    const dataDir = makeDataDir()
    const sqlite = SqliteStorage.open({ file: path.join(dataDir, 'fourwall.db') })
    const gated = gatedStorage(sqlite)
    server = await startServer({ dataDir }, {}, { storage: gated.storage })
    const inner = server.server

    const token = inner.tokens.create({ role: 'editor', name: 'E' })
    const writer = connectClient(server.wsUrl, 'week:2026-W48', token)
    const peer = connectClient(server.wsUrl, 'week:2026-W48', token)
    clients.push(writer, peer)
    await Promise.all([waitForSync(writer.provider), waitForSync(peer.provider)])

    writer.doc.getText('note').insert(0, 'not yet durable')
    await waitFor(() => gated.waiting(), (n) => n > 0, 5_000, 'write reached storage')
    const joiner = connectClient(server.wsUrl, 'week:2026-W48', token)
    clients.push(joiner)
    // The joiner's sync reply is held too, so it cannot sync while the write is pending.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(peer.doc.getText('note').toString()).toBe('')
    expect(joiner.provider.synced).toBe(false)

    gated.open()
    await waitFor(() => peer.doc.getText('note').toString(), (t) => t === 'not yet durable')
    await waitForSync(joiner.provider)
    expect(joiner.doc.getText('note').toString()).toBe('not yet durable')
    expect(await sqlite.load('week:2026-W48')).not.toEqual([])
  })

  it('relays updates that became durable together in one socket write, never echoing a sender its own', async () => {
    const dataDir = makeDataDir()
    const gated = gatedStorage(SqliteStorage.open({ file: path.join(dataDir, 'fourwall.db') }))
    server = await startServer({ dataDir }, {}, { storage: gated.storage })
    const token = server.server.tokens.create({ role: 'editor', name: 'E' })
    const clients = await Promise.all([0, 1, 2].map(() => RawClient.connect(server.wsUrl, 'week:2026-W48', token)))
    const [a, b, watcher] = clients as [RawClient, RawClient, RawClient]
    const docs = clients.map((client) => client.syncedDoc())
    await Promise.all(clients.map((client) => client.waitForSynced()))

    // While the first write waits at the gate, the other edits pile up for the next one.
    docs[0]!.getMap('m').set('a0', 0)
    await waitFor(() => gated.waiting(), (n) => n > 0, 5_000, 'first write reached storage')
    for (let i = 1; i <= 3; i++) docs[0]!.getMap('m').set(`a${i}`, i)
    for (let i = 0; i < 3; i++) docs[1]!.getMap('m').set(`b${i}`, i)
    // (A round trip would wait at the gate too: sync replies wait for durability.)
    await waitFor(() => server.server.metrics.updatesReceived.get(), (n) => n === 7, 5_000, 'server applied all 7 edits')
    const { metrics } = server.server
    const [writesBefore, messagesBefore] = [metrics.socketWrites.get(), metrics.messagesSent.get()]
    gated.open()

    const editsIn = (client: RawClient): string[] =>
      client.frames
        .filter((f) => f.type === MessageType.sync && f.syncType === SyncType.update)
        .flatMap((f) => Y.decodeUpdate(f.payload!).structs.flatMap((s) => ('parentSub' in s && s.parentSub ? [s.parentSub] : [])))
        .sort()
    await watcher.waitUntil(() => editsIn(watcher).length === 7, 'watcher holds all 7 edits')
    await a.waitUntil(() => editsIn(a).length === 3, 'a holds b’s 3 edits')
    await b.waitUntil(() => editsIn(b).length === 4, 'b holds a’s 4 edits')
    expect(editsIn(watcher)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2'])
    expect(editsIn(a)).toEqual(['b0', 'b1', 'b2'])
    expect(editsIn(b)).toEqual(['a0', 'a1', 'a2', 'a3'])
    // Two storage writes. The first (a0) went to b and the watcher; the second (six edits) to each
    // of the three in one write: 5 writes carrying 14 messages, where one write per message is 14.
    expect(metrics.messagesSent.get() - messagesBefore).toBe(14)
    expect(metrics.socketWrites.get() - writesBefore).toBe(5)
    for (const client of clients) client.close()
  })
})
