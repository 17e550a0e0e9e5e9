/**
 * Resource limits of the sync endpoint: oversized frames are refused without being buffered, and
 * many documents or many clients come and go without leaving memory or connections behind.
 *
 * The server runs in this process, so its memory is measured directly (after `global.gc()`, which
 * the vitest config makes available with --expose-gc).
 */
import net from 'node:net'
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectMany, RawClient, rawClients, type RawClientOptions } from '../support/rawclient.js'
import { startServer, type TestServer } from '../support/server.js'
import { waitFor } from '../support/yclient.js'

const MAX_MESSAGE_BYTES = 64 * 1024
const MB = 1024 * 1024

interface Memory {
  heapUsed: number
  arrayBuffers: number
}

/** Memory after full collections (weak callbacks and finalizers need a turn of the loop in between). */
async function measure(): Promise<Memory> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc!()
    await new Promise((resolve) => setImmediate(resolve))
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return { heapUsed, arrayBuffers }
}

const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

describe('sync endpoint limits', () => {
  let server: TestServer
  const raw = rawClients(() => server.wsUrl)
  const sockets: net.Socket[] = []

  const connect = (doc: string, options?: RawClientOptions): Promise<RawClient> => raw.connect(doc, server.token(), options)
  const synced = (doc: string): Promise<RawClient> => raw.synced(doc, server.token())
  /** Two synced clients exchange an edit in each direction. */
  const expectSyncWorks = async (x: RawClient, y: RawClient, text: string): Promise<void> => {
    const tx = x.doc!.getText('t')
    tx.insert(tx.length, text)
    await y.waitUntil(() => y.doc!.getText('t').toString() === tx.toString(), 'edit reaches the other client')
    y.doc!.getText('t').insert(0, '>')
    await x.waitUntil(() => tx.toString() === y.doc!.getText('t').toString(), 'edit comes back')
  }

  beforeAll(async () => {
    expect(typeof globalThis.gc, 'run with --expose-gc (vitest.config.ts sets it)').toBe('function')
    server = await startServer({ maxMessageBytes: MAX_MESSAGE_BYTES, unloadAfterMs: 0 })
  })
  afterEach(() => {
    raw.terminateAll()
    for (const socket of sockets.splice(0)) socket.destroy()
  })
  afterAll(async () => {
    await server.close()
  })

  it('closes a connection that sends a frame over maxPayload with 1009, without buffering it', async () => {
    const doc = 'week:2026-W20'
    const [x, y] = await Promise.all([synced(doc), synced(doc)])
    const before = await measure()

    // Four clients each send an 8 MB frame (allocated per client, so it is garbage once sent).
    const codes = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const big = await connect(doc, { record: 'counts' })
        big.send(Buffer.alloc(8 * MB, 7))
        return (await big.waitForClose()).code
      }),
    )
    // Just over the limit is refused too; exactly at the limit is not (the message is then parsed,
    // and as random bytes it is malformed: a 44xx close, not 1009).
    const justOver = await connect(doc, { record: 'counts' })
    justOver.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0))
    const atLimit = await connect(doc, { record: 'counts' })
    atLimit.send(randomBytes(MAX_MESSAGE_BYTES))
    expect(codes).toEqual([1009, 1009, 1009, 1009])
    expect((await justOver.waitForClose()).code).toBe(1009)
    expect((await atLimit.waitForClose()).code).toBeGreaterThanOrEqual(4400)

    const after = await measure()
    console.log(`oversized frames: heap +${mb(after.heapUsed - before.heapUsed)}, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)}`)
    expect(after.heapUsed - before.heapUsed).toBeLessThan(10 * MB)
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(10 * MB)
    await expectSyncWorks(x, y, 'still syncing')
  })

  it('cuts off a raw socket that declares a 100 MB frame and streams megabytes, without buffering', async () => {
    const doc = 'week:2026-W21'
    const [x, y] = await Promise.all([synced(doc), synced(doc)])
    const before = await measure()

    // allowHalfOpen: keep writing after the server has sent its close frame and ended its side,
    // the way a hostile client would.
    const socket = net.connect({ host: '127.0.0.1', port: server.server.port, allowHalfOpen: true })
    sockets.push(socket)
    const socketErrors: Error[] = []
    socket.on('error', (error) => socketErrors.push(error))
    let received = Buffer.alloc(0)
    let ended = false
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
    })
    socket.on('end', () => {
      ended = true
    })
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.write(
      [
        `GET /yjs/${encodeURIComponent(doc)}?token=${encodeURIComponent(server.token())} HTTP/1.1`,
        `Host: 127.0.0.1:${server.server.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    )
    const headerEnd = (): number => received.indexOf('\r\n\r\n')
    await waitFor(headerEnd, (i) => i >= 0, 10_000, 'upgrade response')
    expect(received.subarray(0, headerEnd()).toString()).toMatch(/^HTTP\/1\.1 101 /)

    // FIN + binary, masked, 64-bit length: 100 MB.
    const declared = 100 * MB
    const header = Buffer.alloc(14)
    header[0] = 0x82
    header[1] = 0x80 | 127
    header.writeBigUInt64BE(BigInt(declared), 2)
    randomBytes(4).copy(header, 10)
    const chunk = Buffer.alloc(256 * 1024, 0x55)
    const write = (data: Buffer): Promise<void> =>
      new Promise((resolve) => {
        if (socket.destroyed || socket.write(data)) resolve()
        else socket.once('drain', resolve)
      })
    await write(Buffer.concat([header, chunk]))

    // The server answers right away, from the header alone: a close frame with 1009 (after the
    // sync step 1 it may already have sent). Server frames are unmasked.
    const closeFrameCode = (): number | null => {
      let frames = received.subarray(headerEnd() + 4)
      while (frames.length >= 2) {
        const opcode = frames[0]! & 0x0f
        let length = frames[1]! & 0x7f
        let offset = 2
        if (length === 126) {
          if (frames.length < 4) return null
          length = frames.readUInt16BE(2)
          offset = 4
        } else if (length === 127) {
          if (frames.length < 10) return null
          length = Number(frames.readBigUInt64BE(2))
          offset = 10
        }
        if (frames.length < offset + length) return null
        if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(offset) : 1005
        frames = frames.subarray(offset + length)
      }
      return null
    }
    await waitFor(closeFrameCode, (code) => code !== null, 10_000, 'close frame')
    expect(closeFrameCode()).toBe(1009)

    // Keep streaming: the server must read and discard, not hold, what follows.
    const streamed = 8 * MB
    let written = chunk.length
    while (written < streamed && !socket.destroyed) {
      await write(chunk)
      written += chunk.length
    }
    const during = await measure()
    console.log(
      `100 MB header, ${mb(written)} streamed: heap +${mb(during.heapUsed - before.heapUsed)}, array buffers +${mb(during.arrayBuffers - before.arrayBuffers)}; server ended its side: ${ended}`,
    )
    expect(during.heapUsed - before.heapUsed).toBeLessThan(10 * MB)
    expect(during.arrayBuffers - before.arrayBuffers).toBeLessThan(10 * MB)
    expect(written).toBeGreaterThanOrEqual(streamed)
    expect(ended).toBe(true)
    socket.destroy()

    // Other clients were not disturbed, and the cut-off socket does not linger as a connection.
    await expectSyncWorks(x, y, 'after the flood')
    await waitFor(() => server.server.sync.connections.size, (n) => n === 2, 10_000, 'only the two clients remain')
    expect(socketErrors.filter((error) => (error as NodeJS.ErrnoException).code !== 'ECONNRESET')).toEqual([])
  })

  it('opens and closes 1,000 documents and lets go of all of them', async () => {
    // About 24 KB each, so that 1,000 documents kept in memory by mistake (some 30 MB) cannot hide
    // under the 20 MB allowance.
    const contentOf = (doc: string): string => `${doc} `.repeat(Math.ceil(24_000 / (doc.length + 1)))
    const openEditClose = async (doc: string): Promise<void> => {
      const client = await RawClient.connect(server.wsUrl, doc, token, { record: 'counts' })
      const ydoc = client.syncedDoc()
      await client.waitForSynced()
      ydoc.getText('t').insert(0, contentOf(doc))
      await client.roundTrip() // the answer to a step 1 waits until the edit is durable
      client.close()
      await client.waitForClose()
      ydoc.destroy()
    }
    const openAll = async (names: string[]): Promise<void> => {
      for (let i = 0; i < names.length; i += 100) await Promise.all(names.slice(i, i + 100).map(openEditClose))
    }
    const token = server.token()
    const names = (years: number[], weeks: number): string[] =>
      years.flatMap((year) => Array.from({ length: weeks }, (_, w) => `week:${year}-W${String(w + 1).padStart(2, '0')}`))

    // Warm-up: the first documents pay for code loading, JIT, caches and pools.
    await openAll(names([2031, 2032, 2033], 40))
    await waitFor(() => server.server.documents.size, (n) => n === 0, 20_000, 'warm-up documents unloaded')
    const baseline = await measure()

    const started = Date.now()
    const docs = names(Array.from({ length: 25 }, (_, i) => 2001 + i), 40) // 2001..2025 x W01..W40
    expect(docs).toHaveLength(1000)
    await openAll(docs)
    await waitFor(() => server.server.documents.size, (n) => n === 0, 30_000, 'all documents unloaded')
    await waitFor(() => server.server.sync.connections.size, (n) => n === 0, 10_000, 'no connections left')
    const after = await measure()
    console.log(
      `1,000 documents in ${Date.now() - started} ms: heap ${mb(after.heapUsed - baseline.heapUsed)} vs baseline, array buffers ${mb(after.arrayBuffers - baseline.arrayBuffers)}`,
    )
    expect(after.heapUsed - baseline.heapUsed).toBeLessThan(20 * MB)

    // Every edit was stored, and a document loads again with its content.
    const stored = new Set(await server.server.storage.listDocuments())
    for (const doc of docs) expect(stored.has(doc)).toBe(true)
    const again = await synced(docs[537]!)
    expect(again.doc!.getText('t').toString()).toBe(contentOf(docs[537]!))
  })

  it('survives 1,000 clients of one room disconnecting at the same moment', async () => {
    const doc = 'workspace'
    const token = server.token()
    const started = Date.now()
    const crowd = await connectMany(1000, 100, (i) =>
      RawClient.connect(server.wsUrl, doc, token, {
        record: 'counts',
        onOpen: (client) => {
          client.sendSyncStep1()
          client.sendAwareness([{ clientId: 1_000_000 + i, clock: 1, state: { seat: i } }])
        },
      }),
    )
    await Promise.all(crowd.map((client) => client.waitUntil(() => client.counts.step2 >= 1, 'crowd client synced', 30_000)))
    const room = await server.server.documents.get(doc)
    await waitFor(() => room.awareness.getStates().size, (n) => n === 1000, 30_000, 'server holds 1,000 presences')
    expect(server.server.sync.connections.size).toBe(1000)
    console.log(`1,000 clients connected and synced in ${Date.now() - started} ms`)

    for (const client of crowd) client.terminate()

    await waitFor(() => server.server.sync.connections.size, (n) => n === 0, 20_000, 'server dropped every connection')
    expect(room.awareness.getStates().size).toBe(0)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)

    // A newcomer connects and syncs, and is told of no ghost presence.
    const newcomer = await synced(doc)
    await newcomer.roundTrip()
    expect(newcomer.awarenessEntries().filter((entry) => entry.state !== null)).toEqual([])
    newcomer.close()
    await newcomer.waitForClose()
    await waitFor(() => server.server.sync.connections.size, (n) => n === 0, 10_000, 'connections back to 0')
    console.log(`1,000-client storm handled in ${Date.now() - started} ms in all`)
  })
})
