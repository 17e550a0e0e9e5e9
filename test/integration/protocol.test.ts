/**
 * Frame-level behaviour of the sync endpoint, driven by the raw protocol client: awareness relay
 * rules (no echo, batching, ownership, query), the keepalive frame, and how malformed input is
 * refused (only the offending connection is closed, with a 44xx code and a reason).
 */
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { KEEPALIVE_MESSAGE } from '../../server/src/sync/protocol.js'
import {
  awarenessFrame,
  connectMany,
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  rawClients,
  syncStep1Frame,
  type AwarenessEntry,
  type RawClient,
  type RawClientOptions,
} from '../support/rawclient.js'
import { startServer, type TestServer } from '../support/server.js'

describe('sync protocol details (raw client)', () => {
  let server: TestServer
  const raw = rawClients(() => server.wsUrl)
  let week = 0
  /** A fresh document per test, so tests never see each other's presence. */
  const freshDoc = (): string => `week:2027-W${String(++week).padStart(2, '0')}`

  const connect = (doc: string, options?: RawClientOptions, token = server.token()): Promise<RawClient> => raw.connect(doc, token, options)
  const attached = (doc: string, options?: RawClientOptions): Promise<RawClient> => raw.attached(doc, server.token(), options)
  const synced = (doc: string): Promise<RawClient> => raw.synced(doc, server.token())
  const ids = (entries: AwarenessEntry[]): number[] => entries.map((entry) => entry.clientId)
  const lastAwareness = (client: RawClient): AwarenessEntry[] => decodeAwarenessUpdate(client.awarenessFrames().at(-1)!.payload!)

  beforeAll(async () => {
    server = await startServer()
  })
  afterEach(() => {
    raw.terminateAll()
  })
  afterAll(async () => {
    await server.close()
  })

  it('never echoes awareness to its sender', async () => {
    const doc = freshDoc()
    const [a, b, c] = await Promise.all([attached(doc), attached(doc), attached(doc)])
    const A = 101
    const C = 103
    // A and C change presence at the same moment, so each is a sender in the same batch.
    a.sendAwareness([{ clientId: A, clock: 1, state: { cursor: 'a1' } }])
    c.sendAwareness([{ clientId: C, clock: 1, state: { cursor: 'c1' } }])
    await b.waitUntil(() => b.awarenessStates().has(A) && b.awarenessStates().has(C), 'B sees A and C')
    await a.waitUntil(() => a.awarenessStates().has(C), 'A sees C')
    await c.waitUntil(() => c.awarenessStates().has(A), 'C sees A')

    // An update and a removal of A's own state are relayed to B, and still not to A.
    a.sendAwareness([{ clientId: A, clock: 2, state: { cursor: 'a2' } }])
    await b.waitUntil(() => b.awarenessStates().get(A)?.clock === 2, 'B sees A update')
    a.sendAwareness([{ clientId: A, clock: 3, state: null }])
    await b.waitUntil(() => b.awarenessStates().get(A)?.state === null, 'B sees A removal')
    expect(b.awarenessStates().get(A)).toMatchObject({ clock: 3, state: null })

    // Anything relayed to A or C before now has arrived once a round trip completes.
    await Promise.all([a.roundTrip(), c.roundTrip()])
    expect(a.awarenessFrames().length).toBeGreaterThan(0)
    expect(ids(a.awarenessEntries())).not.toContain(A)
    expect(ids(c.awarenessEntries())).not.toContain(C)
    expect(ids(b.awarenessEntries())).toEqual(expect.arrayContaining([A, C]))
  })

  it('relays awareness in batches: 50 near-simultaneous changes reach an observer in a few frames', async () => {
    const doc = freshDoc()
    const observer = await attached(doc)
    const senders = await connectMany(50, 25, () => attached(doc))
    const idOf = (i: number): number => 5000 + i
    for (const [i, sender] of senders.entries()) {
      sender.sendAwareness([{ clientId: idOf(i), clock: 1, state: { seat: i } }])
    }
    await observer.waitUntil(() => observer.awarenessStates().size === 50, 'observer has all 50 states', 15_000)
    const frames = observer.awarenessFrames().length
    console.log(`observer received 50 awareness states in ${frames} frame(s)`)
    expect(frames).toBeLessThanOrEqual(10)
    for (const [i, sender] of senders.entries()) {
      expect(observer.awarenessStates().get(idOf(i))?.state).toMatchObject({ seat: i })
    }
    // Every sender also gets the 49 others, and never its own entry.
    await Promise.all(
      senders.map((sender) => sender.waitUntil(() => sender.awarenessStates().size === 49, 'sender sees the 49 others')),
    )
    for (const [i, sender] of senders.entries()) expect(ids(sender.awarenessEntries())).not.toContain(idOf(i))
  })

  it("a connection cannot overwrite or remove another connection's awareness client id", async () => {
    const doc = freshDoc()
    const [a, mallory, observer] = await Promise.all([attached(doc), attached(doc), attached(doc)])
    const X = 777
    const M = 778
    a.sendAwareness([{ clientId: X, clock: 1, state: { cursor: 'real' } }])
    await observer.waitUntil(() => observer.awarenessStates().has(X), 'observer sees X')

    mallory.sendAwareness([{ clientId: X, clock: 5, state: { cursor: 'forged' } }])
    mallory.sendAwareness([{ clientId: X, clock: 6, state: null }])
    // A mixed update: its own entry goes through, the foreign one is dropped.
    mallory.sendAwareness([
      { clientId: X, clock: 9, state: null },
      { clientId: M, clock: 1, state: { cursor: 'mallory' } },
    ])
    await observer.waitUntil(() => observer.awarenessStates().has(M), 'observer sees M')
    await mallory.roundTrip()

    // The server's current view, straight from a query (no batching involved).
    const before = observer.counts.awareness
    observer.sendQueryAwareness()
    await observer.waitUntil(() => observer.counts.awareness > before, 'query answer')
    const answer = new Map(lastAwareness(observer).map((entry) => [entry.clientId, entry]))
    expect(answer.get(X)).toMatchObject({ clock: 1, state: { cursor: 'real' } })
    expect(answer.get(M)).toMatchObject({ clock: 1, state: { cursor: 'mallory' } })
    // Nothing forged was ever relayed either.
    for (const entry of observer.awarenessEntries().filter((e) => e.clientId === X)) {
      expect(entry).toMatchObject({ clock: 1, state: { cursor: 'real' } })
    }

    // When mallory leaves, only its own presence goes.
    mallory.close()
    await observer.waitUntil(() => observer.awarenessStates().get(M)?.state === null, 'M removed')
    expect(observer.awarenessStates().get(X)).toMatchObject({ clock: 1, state: { cursor: 'real' } })
  })

  it('lets the same person reconnecting take over their presence from a stale connection', async () => {
    const doc = freshDoc()
    const token = server.token('editor', 'Reconnecting Rae')
    const stale = await connect(doc, undefined, token)
    const observer = await attached(doc)
    await stale.waitUntil(() => stale.counts.step1 >= 1, 'stale attached')
    const X = 4242
    stale.sendAwareness([{ clientId: X, clock: 1, state: { cursor: 'old socket' } }])
    await observer.waitUntil(() => observer.awarenessStates().get(X)?.state !== undefined, 'observer sees X')

    // The old socket is not closed yet (as after a network drop); the same person comes back.
    const fresh = await connect(doc, undefined, token)
    await fresh.waitUntil(() => fresh.counts.step1 >= 1, 'fresh attached')
    fresh.sendAwareness([{ clientId: X, clock: 2, state: { cursor: 'new socket' } }])
    await observer.waitUntil(
      () => (observer.awarenessStates().get(X)?.state as { cursor?: string } | null)?.cursor === 'new socket',
      'takeover relayed',
    )
    // When the stale socket finally goes, the person stays present.
    stale.close()
    await fresh.roundTrip()
    await observer.roundTrip()
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((observer.awarenessStates().get(X)?.state as { cursor?: string } | null)?.cursor).toBe('new socket')
  })

  it('answers query-awareness (type 3) with the states of the others', async () => {
    const doc = freshDoc()
    const [a, b] = await Promise.all([attached(doc), attached(doc)])
    const A = 201
    const B = 202
    a.sendAwareness([{ clientId: A, clock: 1, state: { name: 'a' } }])
    b.sendAwareness([{ clientId: B, clock: 1, state: { name: 'b' } }])
    await a.waitUntil(() => a.awarenessStates().has(B), 'A sees B')
    await b.waitUntil(() => b.awarenessStates().has(A), 'B sees A')

    // A newcomer that owns nothing gets everyone.
    const c = await attached(doc)
    await c.roundTrip() // whatever the server sent on connect has arrived
    const initial = c.counts.awareness
    c.sendQueryAwareness()
    await c.waitUntil(() => c.counts.awareness === initial + 1, 'answer to C')
    expect(ids(lastAwareness(c)).sort()).toEqual([A, B])
    expect(new Map(lastAwareness(c).map((e) => [e.clientId, e.state])).get(A)).toMatchObject({ name: 'a' })

    // A member gets the others but not itself.
    await a.roundTrip()
    const beforeA = a.counts.awareness
    a.sendQueryAwareness()
    await a.waitUntil(() => a.counts.awareness === beforeA + 1, 'answer to A')
    expect(ids(lastAwareness(a))).toEqual([B])
  })

  it('KEEPALIVE_MESSAGE is a no-op awareness message for a y-protocols client', () => {
    // The server sends it after 15 s of silence (KEEPALIVE_AFTER_MS, not configurable), too long
    // to wait for here; this checks the frame itself, as the y-websocket client would apply it.
    const decoder = decoding.createDecoder(KEEPALIVE_MESSAGE)
    expect(decoding.readVarUint(decoder)).toBe(1) // awareness
    const update = decoding.readVarUint8Array(decoder)
    expect(decoding.hasContent(decoder)).toBe(false)

    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    try {
      awareness.setLocalState({ name: 'me' })
      awarenessProtocol.applyAwarenessUpdate(
        awareness,
        encodeAwarenessUpdate([{ clientId: 42, clock: 1, state: { name: 'other' } }]),
        'setup',
      )
      const before = JSON.stringify([...awareness.getStates()])
      const events: string[] = []
      awareness.on('change', () => events.push('change'))
      awareness.on('update', () => events.push('update'))
      awarenessProtocol.applyAwarenessUpdate(awareness, update, 'server')
      expect(events).toEqual([])
      expect(JSON.stringify([...awareness.getStates()])).toBe(before)
    } finally {
      awareness.destroy()
      doc.destroy()
    }
  })

  describe('malformed input closes only the offending connection', () => {
    const cases: Array<[string, Uint8Array | string]> = [
      ['unknown message type', Uint8Array.of(9)],
      ['unknown message type (multi-byte varuint)', Uint8Array.of(0x80, 0x01)],
      ['auth message (unsupported)', Uint8Array.of(2, 0)],
      ['unknown sync message type', Uint8Array.of(0, 7, 0)],
      ['empty frame', new Uint8Array(0)],
      ['truncated type varuint', Uint8Array.of(0x80)],
      ['truncated sync step 1 (length says 5, 1 byte follows)', Uint8Array.of(0, 0, 5, 0)],
      ['truncated update (no length)', Uint8Array.of(0, 2)],
      [
        'truncated awareness entries (count 2, one entry)',
        awarenessFrame(Uint8Array.of(2, ...encodeAwarenessUpdate([{ clientId: 9, clock: 1, state: {} }]).subarray(1))),
      ],
      ['awareness state that is not JSON', awarenessFrame(Uint8Array.of(1, 9, 1, 3, 0x7b, 0x7b, 0x7b))],
      ['text frame', 'hello'],
      ['trailing bytes after sync step 1', Uint8Array.of(...syncStep1Frame(), 0)],
      ['trailing bytes after query-awareness', Uint8Array.of(3, 0)],
    ]

    it.each(cases)('%s', async (_label, frame) => {
      const doc = freshDoc()
      const [b, c] = await Promise.all([synced(doc), synced(doc)])
      const bad = await attached(doc)

      bad.send(frame)
      const closed = await bad.waitForClose()
      expect(closed.code).toBeGreaterThanOrEqual(4400)
      expect(closed.code).toBeLessThanOrEqual(4499)
      expect(closed.reason.length).toBeGreaterThan(0)

      // The others were not affected and keep syncing, both ways.
      b.doc!.getText('t').insert(0, 'after ')
      await c.waitUntil(() => c.doc!.getText('t').toString() === 'after ', 'C gets B edit')
      c.doc!.getText('t').insert(6, 'close')
      await b.waitUntil(() => b.doc!.getText('t').toString() === 'after close', 'B gets C edit')
      expect(b.closeInfo).toBeNull()
      expect(c.closeInfo).toBeNull()
    })
  })
})
