/**
 * Stored size follows the document's state, not its history: compaction at the update-count
 * threshold and when a document unloads after its last client leaves.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

const DOC = 'week:2026-W40'

describe('compaction and unloading', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  it('keeps stored bytes within 2x of the encoded state, and unloads idle documents', async () => {
    // 2,500 edits in well under a second from one client is a flood by the default rate limit;
    // this test is about compaction, so it lifts the limit.
    server = await startServer({ compactAfterUpdates: 50, unloadAfterMs: 200, maxMessagesPerSecond: 1_000_000, messageBurst: 1_000_000 })
    const client = connectClient(server.wsUrl, DOC, server.token())
    await waitForSync(client.provider)
    const text = client.doc.getText('note')
    const storage = server.server.storage
    const stateBytes = () => Y.encodeStateAsUpdate(client.doc).byteLength
    const received = () => server.server.metrics.updatesReceived.get()
    // A long history in 25 rounds of 100 single-character edits (inserts, then deletions); the
    // server compacts whenever the log passes the threshold, so it never grows much past it.
    for (let round = 0; round < 25; round++) {
      const before = received()
      for (let i = 0; i < 100; i++) {
        if (round < 15) text.insert(text.length, String.fromCharCode(97 + (i % 26)))
        else text.delete((i * 7) % text.length, 1)
      }
      await waitFor(received, (n) => n >= before + 100, 10_000, `round ${round} received`)
      await server.server.documents.get(DOC).then((document) => document.whenPersisted())
      expect((await storage.stats(DOC)).count).toBeLessThanOrEqual(50 + 100)
    }
    expect(server.server.metrics.compactions.get()).toBeGreaterThanOrEqual(10)

    // Once the last client leaves, the document unloads and is compacted to one snapshot.
    client.destroy()
    await waitFor(() => server.server.documents.size, (n) => n === 0, 5_000, 'document unloaded')
    const after = await storage.stats(DOC)
    expect(after.count).toBe(1)
    expect(after.bytes).toBeLessThanOrEqual(2 * stateBytes())

    // And it loads back with everything in it.
    const again = connectClient(server.wsUrl, DOC, server.token())
    await waitForSync(again.provider)
    expect(again.doc.getText('note').toString()).toBe(text.toString())
    again.destroy()
  })
})
