/**
 * The invariant behind "an edit anyone saw survives a crash", shown directly: with storage writes
 * held at a gate, no peer and no newly joining client receives an edit until its write completes.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.js'
import type { Storage, StoredUpdate } from '@fourwall/server'
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
})
