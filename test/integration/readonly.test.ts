/**
 * Read-only at the protocol level, attacked on a raw socket with a viewer's session or token (a team
 * lead on a week document): its writes never touch the document or reach anyone, a harmless SyncStep2 (the
 * normal reply to the server's SyncStep1) is not held against it, a viewer that keeps writing is
 * closed with 4403, and viewers' presence goes to editors only.
 */
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Role, WeekId } from '@fourwall/shared'
import { MAX_CLIENTS_PER_CONNECTION } from '../../server/src/sync/AwarenessFilter.js'
import { DEFAULT_MESSAGE_RATE, READ_ONLY_WRITE_RATE } from '../../server/src/sync/RateLimiter.js'
import {
  connectMany,
  decodeAwarenessUpdate,
  rawClients,
  syncStep2Frame,
  type AwarenessEntry,
  type RawClient,
  type RawClientOptions,
} from '../support/rawclient.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectSocketClient, validMeetingPayloads, type SocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

/** The attacker's Y.Doc client id: nothing written by it may ever show up anywhere. */
const EVIL = 0x7e57

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Client ids of the structs an update carries. */
function structClients(update: Uint8Array): Set<number> {
  return new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client))
}

function stateVectorHas(doc: Y.Doc, client: number): boolean {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).has(client)
}

/** Valid updates that would add content (and a signed-looking close marker) from a separate doc. */
function evilWrites(count: number): { updates: Uint8Array[]; state: Uint8Array } {
  const evil = new Y.Doc()
  evil.clientID = EVIL
  const updates: Uint8Array[] = []
  evil.on('update', (update: Uint8Array) => updates.push(update))
  evil.getMap('meta').set('closed', { at: 'never', by: 'evil', byName: 'Evil', sig: 'forged' })
  for (let i = 0; updates.length < count; i++) {
    if (i % 3 === 2) evil.getText('t').delete(0, 1)
    else evil.getText('t').insert(0, `evil ${i} `)
  }
  const state = Y.encodeStateAsUpdate(evil)
  evil.destroy()
  return { updates, state }
}

describe('read-only connections', () => {
  let server: TestServer
  const raw = rawClients(() => server.wsUrl)
  const stock: YClient[] = []
  const sockets: SocketClient[] = []
  let week = 0
  const freshDoc = (): string => `week:2028-W${String(++week).padStart(2, '0')}`

  const connect = (doc: string, role: Role, name: string, options?: RawClientOptions): Promise<RawClient> =>
    raw.connect(doc, server.token(role, name), options)
  const attached = (doc: string, role: Role, name: string, options?: RawClientOptions): Promise<RawClient> =>
    raw.attached(doc, server.token(role, name), options)
  /** A synced client answers the server's step 1 with a harmless step 2. */
  const synced = (doc: string, role: Role, name: string): Promise<RawClient> => raw.synced(doc, server.token(role, name))
  const serverDoc = async (doc: string): Promise<Y.Doc> => (await server.server.documents.get(doc)).ydoc
  /** The server's document, once everything sent so far is applied and stored. */
  const serverState = async (doc: string, ...settle: RawClient[]): Promise<Uint8Array> => {
    await Promise.all(settle.map((client) => client.roundTrip()))
    const document = await server.server.documents.get(doc)
    await document.whenPersisted()
    return Y.encodeStateAsUpdate(document.ydoc)
  }
  const text = (client: RawClient, name = 't'): string => client.doc!.getText(name).toString()
  const ids = (entries: AwarenessEntry[]): number[] => entries.map((entry) => entry.clientId)
  /** Everything relayed before now has arrived: a round trip, then past one awareness batch. */
  const settle = async (...clients: RawClient[]): Promise<void> => {
    await Promise.all(clients.map((client) => client.roundTrip()))
    await sleep(server.server.config.awarenessBatchMs * 3)
    await Promise.all(clients.map((client) => client.roundTrip()))
  }
  const lastAwareness = (client: RawClient): AwarenessEntry[] => decodeAwarenessUpdate(client.awarenessFrames().at(-1)!.payload!)

  beforeAll(async () => {
    server = await startServer()
  })
  afterEach(() => {
    raw.terminateAll()
    for (const socket of sockets.splice(0)) socket.close()
    for (const client of stock.splice(0)) client.destroy()
  })
  afterAll(async () => {
    await server.close()
  })

  it('drops 1,000 writes from 100 viewers, each within its allowance, without closing one; they keep receiving live edits', async () => {
    const doc = freshDoc()
    const [alice, bob] = await Promise.all([synced(doc, 'editor', 'Alice'), synced(doc, 'editor', 'Bob')])
    alice.doc!.getText('t').insert(0, 'base')
    const viewer = await synced(doc, 'team-lead', 'Tia')
    await viewer.waitUntil(() => text(viewer) === 'base', 'viewer has the base text')
    const others = await connectMany(99, 33, (i) => attached(doc, 'team-lead', `Viewer ${i}`, { record: 'counts' }))
    const before = await serverState(doc, alice, bob)

    // Exactly the allowance from each: half Updates, half SyncSteps 2 that would add content.
    const { updates, state } = evilWrites(READ_ONLY_WRITE_RATE.burst)
    for (const client of [viewer, ...others]) {
      for (let i = 0; i < READ_ONLY_WRITE_RATE.burst; i++) {
        if (i % 2 === 0) client.sendUpdate(updates[i]!)
        else client.sendSyncStep2(state)
      }
    }
    await Promise.all([viewer, ...others].map((client) => client.roundTrip()))
    for (const client of [viewer, ...others]) expect(client.closeInfo).toBeNull()
    expect(Buffer.from(await serverState(doc, alice, bob)).equals(Buffer.from(before))).toBe(true)

    // The viewer still gets every live edit.
    for (let i = 0; i < 5; i++) {
      alice.doc!.getText('t').insert(alice.doc!.getText('t').length, ` live${i}`)
      await viewer.waitUntil(() => text(viewer).endsWith(` live${i}`), `viewer gets live edit ${i}`)
    }
    expect(text(viewer)).toBe(text(alice))
    expect(viewer.closeInfo).toBeNull()
    expect(stateVectorHas(await serverDoc(doc), EVIL)).toBe(false)
    expect(stateVectorHas(bob.doc!, EVIL)).toBe(false)
  })

  it("survives a viewer's session sending 1,000 writes, an awareness flood and every mutating socket.io event: document unchanged, editors untouched, viewer closed with 4403", async () => {
    const doc = freshDoc()
    const weekId = doc.slice('week:'.length) as WeekId
    const [alice, bob] = await Promise.all([synced(doc, 'editor', 'Alice'), synced(doc, 'editor', 'Bob')])
    alice.doc!.getText('t').insert(0, 'the real text')
    alice.doc!.getMap('meta').set('status', 'green')
    // The attacker is a signed-in team lead, on a raw socket with the session cookie.
    const tia = await server.signIn('team-lead', 'Tia')
    const viewer = await raw.connect(doc, { cookie: tia.cookie })
    viewer.syncedDoc()
    await viewer.waitForSynced()

    // socket.io first: a chief of staff runs the meeting; the viewer's session sends every
    // mutating event, with valid payloads, until it is cut off. Nobody sees any of it.
    const cass = await connectSocketClient(server.url, server.token('chief-of-staff', 'Cass'))
    const tiaSocket = await connectSocketClient(server.url, { cookie: tia.cookie })
    sockets.push(cass, tiaSocket)
    await cass.send('meeting:join', { weekId })
    const running = await cass.send('meeting:claim', { weekId })
    expect(running).toMatchObject({ ok: true })
    expect(await tiaSocket.send('meeting:join', { weekId })).toMatchObject({ ok: true })
    const statesBefore = cass.states.length
    const replies: unknown[] = []
    for (let round = 0; round < 3; round++) {
      for (const [event, payload] of Object.entries(validMeetingPayloads(weekId, tia.identity.id))) {
        replies.push(await tiaSocket.send(event, payload).catch(() => 'no reply: disconnected'))
      }
    }
    expect(replies.slice(0, 10).every((reply) => (reply as { ok?: boolean }).ok === false)).toBe(true)
    await waitFor(() => tiaSocket.disconnectReason, (reason) => reason === 'io server disconnect', 5_000, 'viewer socket cut off')
    await sleep(100)
    expect(cass.states.length).toBe(statesBefore)
    expect((await cass.send('meeting:focus', { weekId, itemId: 'okr-1' })).ok).toBe(true)
    const otherViewer = await attached(doc, 'team-lead', 'Theo')
    await viewer.waitUntil(() => text(viewer) === 'the real text', 'viewer synced')
    const { updates, state } = evilWrites(500)
    const WRITES = 1_000
    expect(viewer.closeInfo).toBeNull()

    // A few writes at a time while the editors keep editing: dropped, and the viewer keeps
    // receiving the live edits until its allowance runs out.
    let sent = 0
    for (let round = 0; sent + 2 <= READ_ONLY_WRITE_RATE.burst; round++) {
      viewer.sendUpdate(updates[sent++]!)
      viewer.sendSyncStep2(state)
      sent++
      viewer.sendAwareness([{ clientId: 9_000, clock: round + 1, state: { user: { name: 'The Boss', role: 'admin' } } }])
      bob.doc!.getText('t').insert(0, `${round}:`)
      await viewer.waitUntil(() => text(viewer).startsWith(`${round}:`), `viewer gets live edit ${round}`)
      expect(viewer.closeInfo).toBeNull()
    }
    const before = await serverState(doc, alice, bob)

    // An awareness flood from 50 client ids, then the rest of the writes, all in a tight loop.
    const AWARENESS = 300
    for (let i = 0; i < AWARENESS; i++) {
      viewer.sendAwareness([{ clientId: 9_000 + (i % 50), clock: 1_000 + i, state: { user: { name: 'The Boss' }, i } }])
    }
    while (sent < WRITES) {
      viewer.sendUpdate(updates[sent % updates.length]!)
      viewer.sendSyncStep2(state)
      sent += 2
    }
    // The allowance runs out at the first write after the awareness flood, before the frame rate
    // limit (a burst of 400 frames) is reached, so the write rule is what closes it.
    expect(3 * (READ_ONLY_WRITE_RATE.burst / 2) + 1 + AWARENESS + 1).toBeLessThan(DEFAULT_MESSAGE_RATE.burst)
    const closed = await viewer.waitForClose()
    expect(closed.code).toBe(4403)
    expect(closed.reason).toMatch(/read-only/)

    // Byte-identical document, on the server and for a fresh editor.
    expect(Buffer.from(await serverState(doc, alice, bob)).equals(Buffer.from(before))).toBe(true)
    const fresh = await synced(doc, 'editor', 'Fay')
    expect(stateVectorHas(fresh.doc!, EVIL)).toBe(false)
    expect(fresh.doc!.getMap('meta').get('closed')).toBeUndefined()
    expect(text(fresh)).toBe(text(alice))
    expect(Y.encodeStateVector(fresh.doc!)).toEqual(Y.encodeStateVector(await serverDoc(doc)))

    // The editors got none of the viewer's writes: no struct of the evil client in anything sent to them.
    for (const editor of [alice, bob]) {
      expect(stateVectorHas(editor.doc!, EVIL)).toBe(false)
      for (const frame of editor.frames) {
        if (frame.type === 0 && frame.syncType !== 0) expect(structClients(frame.payload!).has(EVIL)).toBe(false)
      }
      expect(editor.closeInfo).toBeNull()
    }
    // Its presence (the flood included) reached the editors, stamped with its identity and within
    // the client id limit, and was removed when it was closed; the other viewer saw none of it.
    await bob.waitUntil(() => bob.awarenessStates().get(9_000)?.state === null, "Bob sees the viewer's presence removed")
    await settle(bob, otherViewer)
    const fromViewer = bob.awarenessEntries().filter((entry) => entry.clientId >= 9_000 && entry.clientId < 9_050)
    expect(new Set(ids(fromViewer)).size).toBe(MAX_CLIENTS_PER_CONNECTION)
    for (const entry of fromViewer) {
      if (entry.state !== null) expect((entry.state as { user: unknown }).user).toMatchObject({ name: 'Tia', role: 'team-lead' })
    }
    expect(ids(otherViewer.awarenessEntries()).filter((id) => id >= 9_000 && id < 9_050)).toEqual([])

    // The process is up and the editors keep editing.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    alice.doc!.getText('t').insert(0, 'after ')
    await bob.waitUntil(() => text(bob) === text(alice), 'edits still flow')
  })

  it("ignores a stale viewer's SyncStep2 that adds nothing, however often, and one with offline edits does not close it", async () => {
    const doc = freshDoc()
    const alice = await synced(doc, 'editor', 'Alice')
    const t = alice.doc!.getText('t')
    t.insert(0, 'hello brave new world')
    t.delete(5, 10) // deletions, so a stale client's step 2 carries a delete set
    alice.doc!.getMap('meta').set('status', 'yellow')
    await serverState(doc, alice)

    // A viewer that was here before: its document already holds everything.
    const stale = new Y.Doc()
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(alice.doc!))
    const viewer = await attached(doc, 'team-lead', 'Tia')
    const serverStateVector = viewer.frames.find((frame) => frame.type === 0 && frame.syncType === 0)!.payload!
    const before = await serverState(doc, alice)
    // Its reply to the server's step 1, the whole state, and an empty one: 30 times each, far more
    // than the allowance for writes.
    for (let i = 0; i < 30; i++) {
      viewer.sendSyncStep2(Y.encodeStateAsUpdate(stale, serverStateVector))
      viewer.sendSyncStep2(Y.encodeStateAsUpdate(stale))
      viewer.send(syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc())))
    }
    await viewer.roundTrip()
    expect(viewer.closeInfo).toBeNull()

    // Offline edits made while disconnected: one step 2 that would add content is dropped, not closed.
    stale.getText('t').insert(0, 'offline ')
    viewer.sendSyncStep2(Y.encodeStateAsUpdate(stale, serverStateVector))
    await viewer.roundTrip()
    expect(viewer.closeInfo).toBeNull()
    expect(Buffer.from(await serverState(doc, alice)).equals(Buffer.from(before))).toBe(true)

    // It still receives live edits.
    const updatesBefore = viewer.counts.update
    t.insert(0, 'live ')
    await viewer.waitUntil(() => viewer.counts.update > updatesBefore, 'live edit reaches the viewer')

    // The stock y-websocket client of a viewer with a stale document syncs and stays connected.
    const client = connectClient(server.wsUrl, doc, server.token('team-lead', 'Theo'))
    stock.push(client)
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(stale)) // before its socket opens: not sent as an update
    const closes: unknown[] = []
    client.provider.on('connection-close', (event) => closes.push(event?.code))
    await waitForSync(client.provider)
    t.insert(t.length, ' again')
    await waitFor(() => client.doc.getText('t').toString(), (value) => value.endsWith(' again'), 10_000, 'stock viewer gets edits')
    expect(closes).toEqual([])
    expect(alice.doc!.getText('t').toString()).not.toContain('offline')
    stale.destroy()
  })

  it('relays viewers’ presence to editors only, and editors’ presence to everyone', async () => {
    const doc = freshDoc()
    const [ed, eve] = await Promise.all([attached(doc, 'editor', 'Ed'), attached(doc, 'product-lead', 'Eve')])
    const [tia, theo] = await Promise.all([attached(doc, 'team-lead', 'Tia'), attached(doc, 'team-lead', 'Theo')])
    const ED = 301
    const EVE = 302
    const TIA = 401
    const THEO = 402
    const viewerIds = [TIA, THEO]
    const say = (client: RawClient, clientId: number, clock: number, name: string): void =>
      client.sendAwareness([{ clientId, clock, state: { user: { name }, cursor: clock } }])
    say(ed, ED, 1, 'ed')
    say(eve, EVE, 1, 'eve')
    say(tia, TIA, 1, 'forged boss')
    say(theo, THEO, 1, 'forged boss')

    const has = (client: RawClient, wanted: number[]) => () => wanted.every((id) => client.awarenessStates().has(id))
    await ed.waitUntil(has(ed, [EVE, TIA, THEO]), 'Ed sees Eve and both viewers')
    await eve.waitUntil(has(eve, [ED, TIA, THEO]), 'Eve sees Ed and both viewers')
    await tia.waitUntil(has(tia, [ED, EVE]), 'Tia sees the editors')
    await theo.waitUntil(has(theo, [ED, EVE]), 'Theo sees the editors')
    // Editors see who is watching, by their verified names.
    expect(ed.awarenessStates().get(TIA)?.state).toMatchObject({ user: { name: 'Tia', role: 'team-lead' } })
    expect(ed.awarenessStates().get(THEO)?.state).toMatchObject({ user: { name: 'Theo', role: 'team-lead' } })

    // An editor's change reaches the viewers; a viewer's change reaches the editors only.
    say(ed, ED, 2, 'ed moved')
    say(tia, TIA, 2, 'tia moved')
    await tia.waitUntil(() => tia.awarenessStates().get(ED)?.clock === 2, 'Tia sees Ed move')
    await eve.waitUntil(() => eve.awarenessStates().get(TIA)?.clock === 2, 'Eve sees Tia move')

    // Twenty more viewers change presence in the same batch: the editors get them all, no viewer
    // gets any other viewer.
    const crowd = await connectMany(20, 10, (i) => attached(doc, 'team-lead', `Viewer ${i}`))
    const crowdIds = crowd.map((_, i) => 600 + i)
    crowd.forEach((viewer, i) => say(viewer, crowdIds[i]!, 1, 'crowd'))
    await ed.waitUntil(has(ed, crowdIds), 'Ed sees the crowd')
    await settle(ed, eve, tia, theo, ...crowd)
    for (const [i, viewer] of [tia, theo, ...crowd].entries()) {
      const own = [TIA, THEO, ...crowdIds][i]!
      const seen = ids(viewer.awarenessEntries())
      expect(seen, `viewer ${i}`).toEqual(expect.arrayContaining([ED, EVE]))
      expect(seen.filter((id) => id !== ED && id !== EVE), `viewer ${i} saw other viewers`).toEqual([])
      expect(seen).not.toContain(own)
    }

    // Query-awareness follows the same rule.
    const query = async (client: RawClient): Promise<number[]> => {
      const before = client.counts.awareness
      client.sendQueryAwareness()
      await client.waitUntil(() => client.counts.awareness > before, 'query answer')
      return ids(lastAwareness(client)).sort((a, b) => a - b)
    }
    expect(await query(tia)).toEqual([ED, EVE])
    expect(await query(ed)).toEqual([EVE, ...viewerIds, ...crowdIds])

    // Newcomers: a viewer gets the editors' presence only, an editor everyone's.
    const lateViewer = await attached(doc, 'team-lead', 'Late viewer')
    const lateEditor = await attached(doc, 'editor', 'Late editor')
    await Promise.all([lateViewer.roundTrip(), lateEditor.roundTrip()])
    expect(ids(lateViewer.awarenessEntries()).sort((a, b) => a - b)).toEqual([ED, EVE])
    expect(ids(lateEditor.awarenessEntries()).sort((a, b) => a - b)).toEqual([ED, EVE, ...viewerIds, ...crowdIds])

    // A viewer leaving is removed for the editors, and other viewers hear nothing of it.
    theo.close()
    await ed.waitUntil(() => ed.awarenessStates().get(THEO)?.state === null, 'Ed sees Theo leave')
    await eve.waitUntil(() => eve.awarenessStates().get(THEO)?.state === null, 'Eve sees Theo leave')
    await settle(tia, lateViewer)
    expect(ids(tia.awarenessEntries())).not.toContain(THEO)
    expect(ids(lateViewer.awarenessEntries())).not.toContain(THEO)

    // A viewer's presence is still limited in client ids.
    tia.sendAwareness(Array.from({ length: 20 }, (_, i) => ({ clientId: 700 + i, clock: 1, state: { n: i } })))
    await settle(ed, tia)
    const tiaIds = [...ed.awarenessStates().keys()].filter((id) => id === TIA || (id >= 700 && id < 720))
    expect(tiaIds.length).toBe(MAX_CLIENTS_PER_CONNECTION)
  })

  it('counts frames it drops anyway: a viewer flooding harmless step 2s is closed with 4429', async () => {
    const doc = freshDoc()
    const [alice, bob] = await Promise.all([synced(doc, 'editor', 'Alice'), synced(doc, 'editor', 'Bob')])
    const viewer = await attached(doc, 'team-lead', 'Tia', { record: 'counts' })
    const empty = syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc()))
    const started = performance.now()
    for (let i = 0; i < 2_000; i++) viewer.send(empty)
    const closed = await viewer.waitForClose()
    expect(closed.code).toBe(4429)
    expect(performance.now() - started).toBeLessThan(1_000)
    alice.doc!.getText('t').insert(0, 'still editing')
    await bob.waitUntil(() => text(bob) === 'still editing', 'edits flow')
  })

  it('an editor made read-only while connected (a week closed) has its writes dropped and its presence kept from viewers', async () => {
    const doc = freshDoc()
    const [ed, eve] = await Promise.all([synced(doc, 'editor', 'Ed'), synced(doc, 'editor', 'Eve')])
    const tia = await attached(doc, 'team-lead', 'Tia')
    ed.doc!.getText('t').insert(0, 'open ')
    await eve.waitUntil(() => text(eve) === 'open ', 'edit while open')

    const connection = [...server.server.sync.connections].find((c) => c.identity.name === 'Ed' && c.docName === doc)!
    connection.setReadOnly(true)
    ed.doc!.getText('t').insert(0, 'CLOSED ')
    ed.sendAwareness([{ clientId: 801, clock: 1, state: { who: 'ed' } }])
    await eve.waitUntil(() => eve.awarenessStates().has(801), "Eve sees Ed's presence")
    await settle(ed, eve, tia)
    expect(text(eve)).toBe('open ')
    expect((await serverDoc(doc)).getText('t').toString()).toBe('open ')
    expect(ids(tia.awarenessEntries())).not.toContain(801)
    expect(ed.closeInfo).toBeNull()
  })
})
