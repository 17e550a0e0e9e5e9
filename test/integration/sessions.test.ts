/**
 * A session that ends reaches every live socket of it: signing out, an admin's revocation, a
 * revocation written by another process (caught by the periodic sweep) and removing the person all
 * close the stock y-websocket client with 4401 and disconnect the socket.io client within 5 s, and
 * the cookie no longer opens either. A role change makes the Yjs client rejoin (4500) under the new
 * role. API-token connections are untouched throughout.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Role, SessionView } from '@fourwall/shared'
import { SqliteAccountStore } from '@fourwall/server'
import { hashSecret } from '../../server/src/auth/secrets.js'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectSocketClient, type SocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const DOC = 'week:2026-W48'
/** Sign-out must reach live sockets within this long (the sweep runs every SESSION_CHECK_MS = 2 s by default). */
const DEADLINE_MS = 5_000

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let server: TestServer
let admin: TestSession
const yClients: YClient[] = []
const sockets: SocketClient[] = []

/** Two API-token editors on the same document plus a token socket.io client, for the whole file. */
const bystanders = {
  writer: null as unknown as YClient,
  reader: null as unknown as YClient,
  socket: null as unknown as SocketClient,
  closes: [] as number[],
}

interface Live {
  person: TestSession
  y: YClient
  socket: SocketClient
  /** Close codes the Yjs client saw, with when. */
  closes: Array<{ code: number; at: number }>
  /** `session:ended` events the socket.io client got. */
  ended: unknown[]
  disconnectedAt: number | null
}

/** A signed-in person with a synced stock Yjs client and a socket.io client, both on the session cookie. */
async function live(role: Role, name: string, session?: TestSession): Promise<Live> {
  const person = session ?? (await server.signIn(role, name))
  const y = connectClient(server.wsUrl, DOC, { cookie: person.cookie })
  yClients.push(y)
  await waitForSync(y.provider)
  const socket = await connectSocketClient(server.url, { cookie: person.cookie })
  sockets.push(socket)
  expect(socket.identity).toEqual({ id: person.identity.id, name, role })
  const state: Live = { person, y, socket, closes: [], ended: [], disconnectedAt: null }
  y.provider.on('connection-close', (event) => {
    if (event) state.closes.push({ code: event.code, at: performance.now() })
  })
  socket.socket.on('session:ended', (payload: unknown) => state.ended.push(payload))
  socket.socket.on('disconnect', () => (state.disconnectedAt = performance.now()))
  // The connection really works: an edit reaches the token editors.
  const marker = `${name} was here. `
  y.doc.getText('note').insert(0, marker)
  await waitFor(() => bystanders.reader.doc.getText('note').toString(), (text) => text.includes(marker), 5_000, `${name}'s edit relayed`)
  return state
}

/** Both sockets of `who` closed (Yjs with `code`) within the deadline, counted from `since`. */
async function expectEnded(who: Live, since: number, code = 4401): Promise<{ yjsMs: number; socketMs: number }> {
  await waitFor(() => who.closes.length, (count) => count > 0, DEADLINE_MS + 2_000, 'Yjs close')
  await waitFor(() => who.disconnectedAt, (at) => at !== null, DEADLINE_MS + 2_000, 'socket.io disconnect')
  const yjsMs = who.closes[0]!.at - since
  const socketMs = who.disconnectedAt! - since
  expect(who.closes[0]!.code).toBe(code)
  expect(yjsMs).toBeLessThan(DEADLINE_MS)
  expect(socketMs).toBeLessThan(DEADLINE_MS)
  expect(who.socket.disconnectReason).toBe('io server disconnect')
  return { yjsMs, socketMs }
}

/** After a 4401 the stock client stays away, and the server holds nothing of that person. */
async function expectGoneForGood(who: Live): Promise<void> {
  await sleep(600)
  expect(who.closes.map((close) => close.code)).toEqual([4401])
  expect(who.y.provider.shouldConnect).toBe(false)
  expect(who.y.provider.wsconnected).toBe(false)
  expect([...server.server.sync.connections].filter((connection) => connection.identity.id === who.person.identity.id)).toEqual([])
  expect([...server.server.io.of('/').sockets.values()].filter((socket) => socket.data.identity?.id === who.person.identity.id)).toEqual([])
}

/** The same cookie opens neither a Yjs connection nor a socket.io one, and /api/me says 401. */
async function expectCookieRefused(who: Live): Promise<void> {
  const again = connectClient(server.wsUrl, DOC, { cookie: who.person.cookie })
  yClients.push(again)
  const codes: number[] = []
  again.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code)
  })
  await waitFor(() => codes.length, (count) => count > 0, 5_000, 'refused reconnect')
  expect(codes[0]).toBe(4401)
  expect(again.provider.synced).toBe(false)
  await expect(connectSocketClient(server.url, { cookie: who.person.cookie })).rejects.toMatchObject({ message: 'unauthorized', data: { code: 4401 } })
  expect((await fetch(`${server.url}/api/me`, { headers: { cookie: who.person.cookie } })).status).toBe(401)
}

async function activeSessions(): Promise<SessionView[]> {
  const response = await fetch(`${server.url}/api/sessions`, { headers: { cookie: admin.cookie } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { sessions: SessionView[] }).sessions
}

/** The token clients never closed, never disconnected, and still exchange edits. */
async function expectBystandersUntouched(): Promise<void> {
  expect(bystanders.closes).toEqual([])
  expect(bystanders.socket.disconnectReason).toBeNull()
  expect(bystanders.socket.socket.connected).toBe(true)
  const marker = `ping ${Math.random().toString(36).slice(2)} `
  bystanders.writer.doc.getText('note').insert(0, marker)
  await waitFor(() => bystanders.reader.doc.getText('note').toString(), (text) => text.startsWith(marker), 5_000, 'token edit relayed')
  expect(await bystanders.socket.socket.timeout(2_000).emitWithAck('whoami')).toMatchObject({ name: 'Token Socket', role: 'editor' })
}

beforeAll(async () => {
  server = await startServer()
  expect(server.server.config.sessionCheckMs).toBe(2_000)
  admin = await server.signIn('admin', 'Ada Admin')
  bystanders.writer = connectClient(server.wsUrl, DOC, server.token('editor', 'Token Writer'))
  bystanders.reader = connectClient(server.wsUrl, DOC, server.token('editor', 'Token Reader'))
  for (const client of [bystanders.writer, bystanders.reader]) {
    client.provider.on('connection-close', (event) => bystanders.closes.push(event?.code ?? -1))
    await waitForSync(client.provider)
  }
  bystanders.socket = await connectSocketClient(server.url, server.token('editor', 'Token Socket'))
})

afterEach(() => {
  for (const client of yClients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.close()
})

afterAll(async () => {
  bystanders.writer?.destroy()
  bystanders.reader?.destroy()
  bystanders.socket?.close()
  await server?.close()
})

describe('a session that ends closes its live sockets', () => {
  it('signing out closes the Yjs socket with 4401 and disconnects socket.io at once; the cookie opens nothing after', async () => {
    const ed = await live('editor', 'Ed Out')
    const started = performance.now()
    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: ed.person.headers() })
    expect(out.status).toBe(204)
    const { yjsMs, socketMs } = await expectEnded(ed, started)
    // In this process sign-out does not wait for the sweep.
    expect(yjsMs).toBeLessThan(1_000)
    expect(socketMs).toBeLessThan(1_000)
    expect(ed.ended).toEqual([{ reason: 'ended' }])
    await expectGoneForGood(ed)
    await expectCookieRefused(ed)
    await expectBystandersUntouched()
  })

  it("an admin's revocation of the session does the same", async () => {
    const ed = await live('editor', 'Ed Revoked')
    const own = (await activeSessions()).filter((session) => session.personId === ed.person.identity.id)
    expect(own).toHaveLength(1)
    expect(own[0]).toMatchObject({ personName: 'Ed Revoked', role: 'editor', current: false })

    const started = performance.now()
    const revoked = await fetch(`${server.url}/api/sessions/${own[0]!.id}`, { method: 'DELETE', headers: admin.headers() })
    expect(revoked.status).toBe(204)
    await expectEnded(ed, started)
    expect(ed.ended).toEqual([{ reason: 'ended' }])
    expect((await activeSessions()).map((session) => session.personId)).not.toContain(ed.person.identity.id)
    await expectGoneForGood(ed)
    await expectCookieRefused(ed)
    // The admin's own session is untouched.
    expect((await activeSessions()).find((session) => session.personId === admin.identity.id)).toMatchObject({ current: true })
    await expectBystandersUntouched()
  })

  it('a revocation written by another process reaches the sockets through the periodic sweep', async () => {
    const ed = await live('editor', 'Ed Elsewhere')
    const elsewhere = SqliteAccountStore.open({ file: path.join(server.dataDir, 'fourwall.db') })
    try {
      const own = (await elsewhere.listActiveSessions(Date.now())).filter((session) => session.personId === ed.person.identity.id)
      expect(own).toHaveLength(1)
      const started = performance.now()
      expect(await elsewhere.revokeSession(own[0]!.id, Date.now())).toMatchObject({ id: own[0]!.id, revokedAt: expect.any(Number) })
      await expectEnded(ed, started)
      expect(ed.ended).toEqual([{ reason: 'ended' }])
      await expectGoneForGood(ed)
      await expectCookieRefused(ed)
    } finally {
      await elsewhere.close()
    }
    await expectBystandersUntouched()
  })

  it('a session that expires while its sockets are open is caught by the sweep', async () => {
    const ed = await server.signIn('editor', 'Ed Expiring')
    // A second session of Ed's that runs out in 2.5 s (the shortest TTL the config allows is an hour).
    const secret = randomBytes(32).toString('base64url')
    const now = Date.now()
    const expiresAt = now + 2_500
    await server.server.accountStore.createSession({
      id: randomUUID(),
      secretHash: hashSecret(secret),
      personId: ed.identity.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
      ip: null,
      userAgent: null,
      revokedAt: null,
    })
    const short = await live('editor', 'Ed Expiring', { ...ed, cookie: `fw_session=${secret}` })
    const expiredAt = performance.now() + (expiresAt - Date.now())
    await expectEnded(short, expiredAt)
    expect(short.closes[0]!.at).toBeGreaterThanOrEqual(expiredAt - 50)
    expect(short.ended).toEqual([{ reason: 'ended' }])
    await expectGoneForGood(short)
    await expectCookieRefused(short)
    // Ed's other session is still good.
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: ed.cookie } })).status).toBe(200)
    await expectBystandersUntouched()
  })

  it('removing the person closes their sockets and drops their sessions from the list', async () => {
    const ed = await live('editor', 'Ed Removed')
    expect((await activeSessions()).map((session) => session.personId)).toContain(ed.person.identity.id)
    const started = performance.now()
    const removed = await fetch(`${server.url}/api/people/${ed.person.identity.id}`, { method: 'DELETE', headers: admin.headers() })
    expect(removed.status).toBe(204)
    await expectEnded(ed, started)
    expect(ed.ended[0]).toEqual({ reason: 'ended' })
    expect((await activeSessions()).map((session) => session.personId)).not.toContain(ed.person.identity.id)
    const people = (await (await fetch(`${server.url}/api/people`, { headers: { cookie: admin.cookie } })).json()) as { people: Array<{ id: string }> }
    expect(people.people.map((person) => person.id)).not.toContain(ed.person.identity.id)
    await expectGoneForGood(ed)
    await expectCookieRefused(ed)
    await expectBystandersUntouched()
  })

  it('a role change makes the Yjs client rejoin (4500) as a read-only viewer, by itself', async () => {
    const ed = await live('editor', 'Ed Demoted')
    const reader = bystanders.reader
    const started = performance.now()
    const patched = await fetch(`${server.url}/api/people/${ed.person.identity.id}`, {
      method: 'PATCH',
      headers: admin.headers(),
      body: JSON.stringify({ role: 'team-lead' }),
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ person: { id: ed.person.identity.id, role: 'team-lead', activeSessions: 1 } })

    const { yjsMs } = await expectEnded(ed, started, 4500)
    expect(yjsMs).toBeLessThan(1_000)
    expect(ed.ended).toEqual([{ reason: 'changed' }])

    // The stock provider reconnects on its own (4500 is transient) and syncs again, now read-only.
    await waitFor(() => ed.y.provider.wsconnected && ed.y.provider.synced, (ok) => ok, 5_000, 'rejoined and synced')
    expect(ed.closes.map((close) => close.code)).toEqual([4500])
    const connection = [...server.server.sync.connections].find((c) => c.identity.id === ed.person.identity.id)
    expect(connection?.identity.role).toBe('team-lead')
    expect(connection?.readOnly).toBe(true)

    const before = reader.doc.getText('note').toString()
    ed.y.doc.getText('note').insert(0, 'VIEWER WRITE ')
    await sleep(500)
    // The write is dropped: neither another editor nor the server's document has it.
    expect(reader.doc.getText('note').toString()).toBe(before)
    expect((await server.server.documents.get(DOC)).ydoc.getText('note').toString()).toBe(before)
    // One dropped write does not cost it the connection, and it still receives edits.
    bystanders.writer.doc.getText('note').insert(0, 'still live ')
    await waitFor(() => ed.y.doc.getText('note').toString(), (text) => text.includes('still live '), 5_000, 'viewer receives edits')
    expect(ed.closes.map((close) => close.code)).toEqual([4500])

    // The session itself lives on: socket.io lets the person back in under the new role.
    const again = await connectSocketClient(server.url, { cookie: ed.person.cookie })
    sockets.push(again)
    expect(again.identity).toEqual({ id: ed.person.identity.id, name: 'Ed Demoted', role: 'team-lead' })
    await expectBystandersUntouched()
  })

  it('left every API-token connection alone throughout', async () => {
    await expectBystandersUntouched()
    // Only the two token editors are still connected once this file's session clients are gone.
    await waitFor(() => server.server.sync.connections.size, (size) => size === 2, 5_000, 'only the token connections left')
  })
})
