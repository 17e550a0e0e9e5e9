/**
 * Two Fourwall servers on one Redis, as two processes behind a load balancer would be: each with
 * its own data directory, both with the same FOURWALL_SECRET, REDIS_URL and REDIS_PREFIX. What one
 * process does must be seen by a client of the other: sessions and sign-in limits (the account
 * store and the attempt counters in Redis), the meeting's control and who is present (the meeting
 * store in Redis, changes by compare-and-set), and every socket.io broadcast (the Redis adapter):
 * meeting state, presence, questions and answers. Revoking a session on one process closes its
 * socket on the other within the session sweep. Then the meeting store on its own: the people of a
 * process that stops refreshing its presence age out.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import type { AskReply, AnswerReply, MeetingReply, MeetingState, Question, Role, WeekId } from '@fourwall/shared'
import { createLogger } from '../../server/src/logger.js'
import { MeetingRooms } from '../../server/src/realtime/MeetingRooms.js'
import { RedisMeetingStore } from '../../server/src/realtime/RedisMeetingStore.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { ROOT } from '../support/process.js'
import { makeDataDir, startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectSocketClient, type Credential, type SocketClient } from '../support/socketclient.js'

const execFileAsync = promisify(execFile)
const cliDirs: string[] = []
afterAll(() => {
  for (const dir of cliDirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** How often each server checks live sockets against their sessions, here (the default is 2 s). */
const SESSION_CHECK_MS = 250

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})

/** Two servers on a fresh prefix per test; afterwards both are closed and every key is deleted. */
function twoProcesses(): {
  start(): Promise<[TestServer, TestServer]>
  connect(server: TestServer, credential: Credential): Promise<SocketClient>
  /** The environment both servers run with (REDIS_URL, REDIS_PREFIX, FOURWALL_SECRET...). */
  env(): Record<string, string>
} {
  let servers: TestServer[] = []
  let sockets: SocketClient[] = []
  let prefix = ''
  let env: Record<string, string> = {}
  afterEach(async () => {
    for (const socket of sockets) socket.close()
    for (const server of servers) await server.close()
    servers = []
    sockets = []
    if (prefix) {
      await redis.deleteKeys(prefix)
      expect(await redis.keys(prefix)).toEqual([])
    }
    prefix = ''
  })
  return {
    start: async () => {
      prefix = redis.freshPrefix()
      env = {
        REDIS_URL: redis.url,
        REDIS_PREFIX: prefix,
        FOURWALL_SECRET: randomBytes(32).toString('hex'),
        SESSION_CHECK_MS: String(SESSION_CHECK_MS),
      }
      // One at a time: each server writes the default domains into the shared workspace on first load.
      servers.push(await startServer({}, env))
      servers.push(await startServer({}, env))
      return [servers[0]!, servers[1]!]
    },
    env: () => env,
    connect: async (server, credential) => {
      const socket = await connectSocketClient(server.url, credential)
      sockets.push(socket)
      return socket
    },
  }
}

function cliDir(): string {
  const dir = makeDataDir()
  cliDirs.push(dir)
  return dir
}

function stateOf(reply: MeetingReply): MeetingState {
  if (!reply.ok || !reply.state) throw new Error(`expected a state, got ${JSON.stringify(reply)}`)
  return reply.state
}

/** Waits until `socket` has received a meeting state that `accept`s, and returns it. */
async function heardState(socket: SocketClient, accept: (state: MeetingState) => boolean): Promise<MeetingState> {
  await expect.poll(() => socket.states.some(accept), { timeout: 5_000 }).toBe(true)
  return socket.states.find(accept)!
}

async function me(server: TestServer, session: TestSession): Promise<Response> {
  return fetch(`${server.url}/api/me`, { headers: { cookie: session.cookie } })
}

describe('two processes on one Redis', () => {
  const processes = twoProcesses()

  it('share the account store: a session started on A is signed in on B, and sign-out on B ends it on A', async () => {
    const [a, b] = await processes.start()
    expect(a.server.accountStore.kind).toBe('redis')
    expect(b.server.accountStore.kind).toBe('redis')

    const ada = await a.signIn('editor', 'Ada Lopez')
    const onB = await me(b, ada)
    expect(onB.status).toBe(200)
    expect(await onB.json()).toMatchObject({ identity: { id: ada.identity.id, name: 'Ada Lopez', role: 'editor' }, via: 'session' })
    // The socket.io handshake on B takes the same cookie.
    const socket = await processes.connect(b, { cookie: ada.cookie })
    expect(socket.identity).toEqual({ id: ada.identity.id, name: 'Ada Lopez', role: 'editor' })

    expect((await fetch(`${b.url}/api/session`, { method: 'DELETE', headers: ada.headers() })).status).toBe(204)
    expect((await me(a, ada)).status).toBe(401)
  })

  it('the admin CLI writes to the same Redis: the admin it creates signs in on both processes', async () => {
    const [a, b] = await processes.start()
    expect(await (await fetch(`${a.url}/api/setup`)).json()).toEqual({ needsSetup: true })
    const cli = execFileAsync(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), 'admin', 'create', '--name', 'Ada Admin', '--login', 'ada@example.com', '--password-stdin'], {
      cwd: ROOT,
      // A data directory of its own: nothing of the accounts is in a file any more.
      env: { PATH: process.env.PATH, DATA_DIR: cliDir(), ...processes.env() },
    })
    cli.child.stdin!.end('correct horse battery\n')
    expect((await cli).stdout).toMatch(/\/join#code=[\w-]{43}\n$/)
    for (const server of [a, b]) {
      expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needsSetup: false })
      const signedIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'ada@example.com', password: 'correct horse battery' }),
      })
      expect(signedIn.status).toBe(200)
    }
  })

  it('count failed sign-ins together: the account locks after five failures spread over both processes', async () => {
    const [a, b] = await processes.start()
    await a.signIn('editor', 'Lee Login', { login: 'lee@example.com', password: 'the right passphrase' })
    const signIn = (server: TestServer, password: string) =>
      fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'lee@example.com', password }) })

    for (const server of [a, b, a, b, a]) expect((await signIn(server, 'a wrong guess')).status).toBe(401)
    // Each process alone has seen at most three failures; together they are five.
    const locked = await signIn(b, 'the right passphrase')
    expect(locked.status).toBe(429)
    expect(await locked.json()).toEqual({
      error: expect.stringMatching(/^Too many failed sign-ins for this account\. Try again in \d+ minutes?\.$/),
      retryAfterSeconds: expect.any(Number),
    })
    expect((await signIn(a, 'the right passphrase')).status).toBe(429)
  })

  it('a meeting claimed on A is seen by a socket on B, with the same version, and B’s joiners get it too', async () => {
    const [a, b] = await processes.start()
    const week: WeekId = '2026-W48'
    const watcher = await processes.connect(b, b.token('team-lead', 'Tia Team'))
    expect(stateOf(await watcher.send('meeting:join', { weekId: week })).version).toBe(0)

    const lead = await processes.connect(a, a.token('product-lead', 'Maya Brooks'))
    await lead.send('meeting:join', { weekId: week })
    const claimed = stateOf(await lead.send('meeting:claim', { weekId: week }))
    expect(claimed.version).toBe(1)
    expect(claimed.facilitator).toEqual({ id: lead.identity.id, name: 'Maya Brooks', role: 'product-lead' })

    const seen = await heardState(watcher, (state) => state.version === 1)
    expect(seen.facilitator).toEqual(claimed.facilitator)
    // Who is present spans both processes.
    expect(seen.present.map((person) => person.name).sort()).toEqual(['Maya Brooks', 'Tia Team'])

    const late = await processes.connect(b, b.token('chief-of-staff', 'Cass Ruiz'))
    const joined = stateOf(await late.send('meeting:join', { weekId: week }))
    expect(joined).toMatchObject({ version: 1, facilitator: claimed.facilitator })
    // B's own rule checks read the shared state: the meeting is taken.
    expect(await late.send('meeting:claim', { weekId: week })).toEqual({ ok: false, error: 'Maya Brooks is facilitating; ask them to hand over.' })
  })

  it('of two sockets on A and B racing to claim, exactly one facilitates, in every round', async () => {
    const [a, b] = await processes.start()
    const onA = await processes.connect(a, a.token('chief-of-staff', 'Cass Ruiz'))
    const onB = await processes.connect(b, b.token('engineering-lead', 'Sam Okafor'))
    for (let round = 1; round <= 12; round++) {
      const week = `2026-W${String(round).padStart(2, '0')}` as WeekId
      await Promise.all([onA.send('meeting:join', { weekId: week }), onB.send('meeting:join', { weekId: week })])
      const replies = await Promise.all([onA.send('meeting:claim', { weekId: week }), onB.send('meeting:claim', { weekId: week })])
      const winners = replies.filter((reply) => reply.ok)
      expect(winners, `round ${round}: ${JSON.stringify(replies)}`).toHaveLength(1)
      const winner = stateOf(winners[0]!)
      expect(winner.version).toBe(1)
      const loser = replies.find((reply) => !reply.ok)!
      expect(loser).toEqual({ ok: false, error: `${winner.facilitator!.name} is facilitating; ask them to hand over.` })
      // Both sockets end up with the one claim: one version, one facilitator.
      for (const socket of [onA, onB]) {
        const state = await heardState(socket, (s) => s.weekId === week && s.version === 1)
        expect(state.facilitator).toEqual(winner.facilitator)
      }
      expect(onA.states.filter((s) => s.weekId === week)).toHaveLength(1)
      expect(onB.states.filter((s) => s.weekId === week)).toHaveLength(1)
    }
  })

  it('a focus and a timer change made on B reach a socket on A', async () => {
    const [a, b] = await processes.start()
    const week: WeekId = '2026-W49'
    const viewer = await processes.connect(a, a.token('team-lead', 'Tia Team'))
    await viewer.send('meeting:join', { weekId: week })
    const facilitator = await processes.connect(b, b.token('chief-of-staff', 'Cass Ruiz'))
    await facilitator.send('meeting:join', { weekId: week })
    await facilitator.send('meeting:claim', { weekId: week })

    const focused = stateOf(await facilitator.send('meeting:focus', { weekId: week, itemId: 'okr-7' }))
    expect((await heardState(viewer, (s) => s.version === focused.version)).focus).toEqual(focused.focus)

    const started = stateOf(await facilitator.send('meeting:timer', { weekId: week, action: 'start' }))
    expect(started.timer.endsAt).not.toBeNull()
    const timer = (await heardState(viewer, (s) => s.version === started.version)).timer
    expect(timer).toEqual(started.timer)
    expect(started.version).toBe(focused.version + 1)
  })

  it('who is present follows sockets on both processes, and a leaving socket on B updates A', async () => {
    const [a, b] = await processes.start()
    const week: WeekId = '2026-W50'
    const stay = await processes.connect(a, a.token('product-lead', 'Maya Brooks'))
    await stay.send('meeting:join', { weekId: week })
    const leaver = await processes.connect(b, b.token('team-lead', 'Theo Team'))
    await leaver.send('meeting:join', { weekId: week })
    await expect.poll(() => stay.presences.at(-1)?.present.map((p) => p.name), { timeout: 5_000 }).toEqual(['Maya Brooks', 'Theo Team'])

    leaver.close()
    await expect.poll(() => stay.presences.at(-1)?.present.map((p) => p.name), { timeout: 5_000 }).toEqual(['Maya Brooks'])
  })

  it('a question asked on A reaches the lead’s socket on B, and the answer given on B comes back to the asker on A', async () => {
    const [a, b] = await processes.start()
    const asker = await processes.connect(a, a.token('team-lead', 'Tia Team'))
    const lead = await processes.connect(b, b.token('engineering-lead', 'Sam Okafor'))
    const otherLead = await processes.connect(b, b.token('product-lead', 'Maya Brooks'))
    const heard = listen([asker, lead, otherLead])

    const ask = (await asker.socket.timeout(5_000).emitWithAck('question:ask', { domainId: 'tech-debt', kind: 'question', text: 'Can Mobile spend a sprint on flaky tests?' })) as AskReply
    if (!ask.ok) throw new Error(ask.error)
    expect(ask.question.ownerRole).toBe('engineering-lead')
    await expect.poll(() => heard.get(lead)!.new.map((q) => q.id), { timeout: 5_000 }).toEqual([ask.question.id])
    await expect.poll(() => heard.get(otherLead)!.new.map((q) => q.id), { timeout: 5_000 }).toEqual([ask.question.id])

    const answer = (await lead.socket.timeout(5_000).emitWithAck('question:answer', { questionId: ask.question.id, text: 'Yes, the next one.' })) as AnswerReply
    if (!answer.ok) throw new Error(answer.error)
    await expect.poll(() => heard.get(asker)!.answered.map((q) => q.answer?.text), { timeout: 5_000 }).toEqual(['Yes, the next one.'])
    expect(heard.get(asker)!.answered[0]).toEqual(answer.question)
    // The store is shared too: A lists the answered question.
    expect((await a.server.accountStore.getQuestion(ask.question.id))?.answer?.byName).toBe('Sam Okafor')
  })

  it('revoking a session on A closes that session’s socket on B within the sweep interval', async () => {
    const [a, b] = await processes.start()
    const admin = await a.signIn('admin', 'Ada Admin')
    const eve = await a.signIn('editor', 'Eve Editor')
    const socket = await processes.connect(b, { cookie: eve.cookie })
    const bystander = await processes.connect(b, { cookie: admin.cookie })

    // B lists the session A started; A revokes it.
    const sessions = (await (await fetch(`${b.url}/api/sessions`, { headers: admin.headers() })).json()) as { sessions: { id: string; personId: string }[] }
    const target = sessions.sessions.find((session) => session.personId === eve.identity.id)!
    const revokedAt = Date.now()
    expect((await fetch(`${a.url}/api/sessions/${target.id}`, { method: 'DELETE', headers: admin.headers() })).status).toBe(204)

    await expect.poll(() => socket.disconnectReason, { timeout: SESSION_CHECK_MS * 4 + 1_000, interval: 20 }).toBe('io server disconnect')
    expect(Date.now() - revokedAt).toBeLessThan(SESSION_CHECK_MS * 4 + 1_000)
    expect(socket.socket.connected).toBe(false)
    expect(bystander.socket.connected).toBe(true)
    expect((await me(b, eve)).status).toBe(401)
  })
})

/** Every `question:new` and `question:answered` each socket hears. */
function listen(sockets: SocketClient[]): Map<SocketClient, { new: Question[]; answered: Question[] }> {
  const heard = new Map<SocketClient, { new: Question[]; answered: Question[] }>()
  for (const socket of sockets) {
    const log = { new: [] as Question[], answered: [] as Question[] }
    socket.socket.on('question:new', (question: Question) => log.new.push(question))
    socket.socket.on('question:answered', (question: Question) => log.answered.push(question))
    heard.set(socket, log)
  }
  return heard
}

describe('the meeting store on Redis', () => {
  const log = createLogger('silent')
  const clients: Redis[] = []
  const stores: RedisMeetingStore[] = []
  let prefix = ''
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close()
    for (const client of clients.splice(0)) client.disconnect()
    await redis.deleteKeys(prefix)
  })

  /** A store on a connection of its own, as each process has. */
  async function open(presenceTtlMs: number): Promise<{ store: RedisMeetingStore; client: Redis }> {
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null })
    client.on('error', () => {})
    clients.push(client)
    await client.connect()
    const store = new RedisMeetingStore({ client, prefix, log, presenceTtlMs })
    stores.push(store)
    return { store, client }
  }

  const person = (id: string, name: string, role: Role, since: number) => ({ id, name, role, since, seq: since, updatedAt: since })

  it('the people of a process that stops refreshing (killed) age out; a live process keeps its own', async () => {
    prefix = redis.freshPrefix()
    const ttl = 400
    const { store: live } = await open(ttl)
    const { store: doomed, client: doomedClient } = await open(ttl)
    const week: WeekId = '2026-W48'
    await live.enter(week, person('maya', 'Maya Brooks', 'product-lead', 1))
    await doomed.enter(week, person('theo', 'Theo Team', 'team-lead', 2))
    expect((await live.present(week)).map((p) => p.name)).toEqual(['Maya Brooks', 'Theo Team'])

    // Refreshing keeps both well past one time to live.
    await new Promise((resolve) => setTimeout(resolve, ttl * 2))
    expect((await live.present(week)).map((p) => p.name)).toEqual(['Maya Brooks', 'Theo Team'])

    // The doomed process loses Redis (as a killed one would): its people go once the TTL passes.
    doomedClient.disconnect()
    await expect.poll(async () => (await live.present(week)).map((p) => p.name), { timeout: ttl * 4, interval: 50 }).toEqual(['Maya Brooks'])
    // The week's process set forgot it too.
    expect(await redis.keys(prefix)).toEqual([`${prefix}meeting:{${week}}:present:${live.processId}`, `${prefix}meeting:{${week}}:processes`])
  })

  it('MeetingRooms notices presence changes made elsewhere, for the rooms it has sockets in', async () => {
    prefix = redis.freshPrefix()
    const { store } = await open(60_000)
    const { store: elsewhere } = await open(60_000)
    const rooms = new MeetingRooms({ isWeekClosed: async () => false, store })
    const week: WeekId = '2026-W47'
    await rooms.join(week, { socketId: 's1', id: 'maya', name: 'Maya Brooks', role: 'product-lead' })
    expect((await rooms.presence(week)).present.map((p) => p.id)).toEqual(['maya'])
    expect(await rooms.presenceChanges()).toEqual([])

    await elsewhere.enter(week, person('theo', 'Theo Team', 'team-lead', Date.now()))
    expect(await rooms.presenceChanges()).toEqual([week])
    expect(await rooms.presenceChanges()).toEqual([])
    await elsewhere.exit(week, 'theo')
    expect(await rooms.presenceChanges()).toEqual([week])

    // The control is a compare-and-set on its version: a stale writer loses.
    const control = await store.control(week)
    expect(await elsewhere.replace(week, control.version, { ...control, version: control.version + 1, focus: { itemId: 'a', since: 1 } })).toBe(true)
    expect(await store.replace(week, control.version, { ...control, version: control.version + 1, focus: { itemId: 'b', since: 1 } })).toBe(false)
    expect((await store.control(week)).focus?.itemId).toBe('a')
    await rooms.leave(week, 's1')
  })
})

describe('servers whose Redis goes away', () => {
  // A private server even when REDIS_URL is set: this test kills it.
  let own: TestRedis
  const servers: TestServer[] = []
  const sockets: SocketClient[] = []
  beforeAll(async () => {
    own = await startRedis({ private: true })
  })
  afterAll(async () => {
    for (const socket of sockets) socket.close()
    for (const server of servers) await server.close()
    await own?.stop()
  })

  it('answer meeting events with an error while Redis is down, never crash, and work across processes again once it is back', async () => {
    const env = { REDIS_URL: own.url, REDIS_PREFIX: own.freshPrefix(), FOURWALL_SECRET: randomBytes(32).toString('hex') }
    const [a, b] = [await startServer({}, env), await startServer({}, env)]
    servers.push(a, b)
    const lead = await connectSocketClient(a.url, a.token('product-lead', 'Maya Brooks'))
    const leaver = await connectSocketClient(a.url, a.token('team-lead', 'Tia Team'))
    const watcher = await connectSocketClient(b.url, b.token('team-lead', 'Theo Team'))
    sockets.push(lead, leaver, watcher)
    const week: WeekId = '2026-W51'
    for (const socket of [lead, leaver, watcher]) await socket.send('meeting:join', { weekId: week })

    await own.server!.kill()
    expect(await lead.send('meeting:claim', { weekId: week })).toEqual({ ok: false, error: 'The server could not handle this event.' })
    // A broadcast while Redis is away cannot reach the other process; its failed publish is only logged.
    a.server.io.to(`meeting:${week}`).emit('meeting:present', { weekId: week, present: [], serverNow: Date.now() })
    // A socket leaving while Redis is away: its presence update fails, and is only logged.
    leaver.close()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(lead.socket.connected).toBe(true)
    expect(watcher.socket.connected).toBe(true)

    // Same port, empty data: the connections come back by themselves (the adapter's subscriber
    // subscribes again), and so does the meeting, on both processes.
    await own.server!.run()
    await expect
      .poll(async () => (await lead.send('meeting:claim', { weekId: week })).ok, { timeout: 10_000, interval: 200 })
      .toBe(true)
    const focused = stateOf(await lead.send('meeting:focus', { weekId: week, itemId: 'okr-1' }))
    expect((await heardState(watcher, (state) => state.version === focused.version)).focus?.itemId).toBe('okr-1')
  })
})
