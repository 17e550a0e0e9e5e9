/**
 * The live meeting over socket.io against a real server: joining, claiming, focus, the timer and
 * handover reach everyone in the week's room; who is present is kept per person and broadcast;
 * every state carries the server's clock; every mutating event is refused to roles without
 * `meeting.facilitate` and in a closed week; bad payloads get clear errors; a socket that keeps
 * getting refused (or floods) is disconnected while everyone else carries on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MUTATING_EVENTS, type MeetingReply, type MeetingState, type Role, type WeekId } from '@fourwall/shared'
import { startServer, type TestServer } from '../support/server.js'
import { connectSocketClient, validMeetingPayloads, type SocketClient } from '../support/socketclient.js'

type Client = SocketClient

let server: TestServer
const clients: Client[] = []

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  for (const client of clients) client.close()
  await server?.close()
})

async function connect(role: Role, name: string): Promise<Client> {
  const client = await connectSocketClient(server.url, server.token(role, name))
  clients.push(client)
  return client
}

async function joined(week: WeekId, role: Role, name: string): Promise<Client> {
  const client = await connect(role, name)
  expect(await client.send('meeting:join', { weekId: week })).toMatchObject({ ok: true })
  return client
}

function stateOf(reply: MeetingReply): MeetingState {
  if (!reply.ok || !reply.state) throw new Error(`expected a state, got ${JSON.stringify(reply)}`)
  return reply.state
}

function errorOf(reply: MeetingReply): string {
  if (reply.ok) throw new Error(`expected a refusal, got ${JSON.stringify(reply)}`)
  return reply.error
}

/** Waits until a client has received the state with the given version, and returns it. */
async function received(client: Client, version: number): Promise<MeetingState> {
  await expect.poll(() => client.states.some((state) => state.version === version), { timeout: 5000 }).toBe(true)
  return client.states.find((state) => state.version === version)!
}

/** The server's current state of a week, as a fresh joiner sees it. */
async function currentState(week: WeekId): Promise<MeetingState> {
  const observer = await connect('team-lead', 'Observer')
  const state = stateOf(await observer.send('meeting:join', { weekId: week }))
  observer.close()
  return state
}

const validPayloads = validMeetingPayloads

describe('meeting control', () => {
  it('acks join with the current state', async () => {
    const client = await connect('team-lead', 'Tia')
    const before = Date.now()
    const reply = await client.send('meeting:join', { weekId: '2026-W40' })
    const after = Date.now()
    expect(reply).toEqual({
      ok: true,
      state: {
        weekId: '2026-W40',
        facilitator: null,
        focus: null,
        timer: { durationMs: 300_000, endsAt: null, remainingMs: 300_000 },
        version: 0,
        present: [{ id: client.identity.id, name: 'Tia', role: 'team-lead' }],
        serverNow: expect.any(Number),
      },
    })
    // Same process, same clock: the server's time lies within the round trip.
    expect(stateOf(reply).serverNow).toBeGreaterThanOrEqual(before)
    expect(stateOf(reply).serverNow).toBeLessThanOrEqual(after)
    expect(await client.send('meeting:leave', { weekId: '2026-W40' })).toEqual({ ok: true })
  })

  it('relays claim, focus, timer and handover to everyone in the room', async () => {
    const week = '2026-W41'
    const lead = await joined(week, 'product-lead', 'Pat')
    const cos = await joined(week, 'chief-of-staff', 'Casey')
    const viewer = await joined(week, 'team-lead', 'Tia')
    const outsider = await joined('2026-W42', 'chief-of-staff', 'Other week')

    const claimed = stateOf(await lead.send('meeting:claim', { weekId: week }))
    expect(claimed.facilitator).toEqual({ id: lead.identity.id, name: 'Pat', role: 'product-lead' })
    expect(claimed.version).toBe(1)
    expect(errorOf(await cos.send('meeting:claim', { weekId: week }))).toMatch(/Pat is facilitating/)

    const focused = stateOf(await lead.send('meeting:focus', { weekId: week, itemId: 'okr-7' }))
    expect(focused.version).toBe(2)
    for (const client of [lead, cos, viewer]) expect((await received(client, 2)).focus?.itemId).toBe('okr-7')
    // Focusing the focused item changes nothing.
    expect(stateOf(await lead.send('meeting:focus', { weekId: week, itemId: 'okr-7' })).version).toBe(2)

    const before = Date.now()
    const started = stateOf(await lead.send('meeting:timer', { weekId: week, action: 'start' }))
    expect(started.timer.endsAt).toBeGreaterThanOrEqual(before + 300_000 - 50)
    expect(started.timer.endsAt).toBeLessThanOrEqual(Date.now() + 300_000 + 50)
    for (const client of [lead, cos, viewer]) expect((await received(client, started.version)).timer.endsAt).toBe(started.timer.endsAt)

    await new Promise((resolve) => setTimeout(resolve, 30))
    const paused = stateOf(await lead.send('meeting:timer', { weekId: week, action: 'pause' }))
    expect(paused.timer.endsAt).toBeNull()
    expect(paused.timer.remainingMs).toBeLessThan(300_000)
    expect(paused.timer.remainingMs).toBeGreaterThan(290_000)
    expect((await received(viewer, paused.version)).timer).toEqual(paused.timer)

    const resumed = stateOf(await lead.send('meeting:timer', { weekId: week, action: 'start' }))
    expect(resumed.timer.endsAt! - Date.now()).toBeLessThanOrEqual(paused.timer.remainingMs)

    const reset = stateOf(await lead.send('meeting:timer', { weekId: week, action: 'reset', seconds: 600 }))
    expect(reset.timer).toEqual({ durationMs: 600_000, endsAt: null, remainingMs: 600_000 })
    expect((await received(cos, reset.version)).timer).toEqual(reset.timer)
    const resetDefault = stateOf(await lead.send('meeting:timer', { weekId: week, action: 'reset' }))
    expect(resetDefault.timer).toEqual({ durationMs: 300_000, endsAt: null, remainingMs: 300_000 })

    // Handover to the chief of staff: she runs the meeting, the lead no longer can...
    expect(errorOf(await lead.send('meeting:handover', { weekId: week, toPersonId: viewer.identity.id }))).toMatch(/may not facilitate/)
    expect(errorOf(await lead.send('meeting:handover', { weekId: week, toPersonId: outsider.identity.id }))).toMatch(/not in this meeting/)
    const handed = stateOf(await lead.send('meeting:handover', { weekId: week, toPersonId: cos.identity.id }))
    expect(handed.facilitator).toEqual({ id: cos.identity.id, name: 'Casey', role: 'chief-of-staff' })
    expect((await received(viewer, handed.version)).facilitator?.name).toBe('Casey')
    expect(stateOf(await cos.send('meeting:focus', { weekId: week, itemId: 'okr-9' })).focus?.itemId).toBe('okr-9')
    expect(errorOf(await lead.send('meeting:focus', { weekId: week, itemId: 'okr-1' }))).toMatch(/hand the meeting to yourself/)
    expect(errorOf(await lead.send('meeting:timer', { weekId: week, action: 'start' }))).toMatch(/Casey is facilitating/)

    // ...until a lead takes it back (a lead may hand over at any time, to themselves too).
    const back = stateOf(await lead.send('meeting:handover', { weekId: week, toPersonId: lead.identity.id }))
    expect(back.facilitator?.id).toBe(lead.identity.id)
    expect(errorOf(await cos.send('meeting:focus', { weekId: week, itemId: 'okr-2' }))).toMatch(/Only the facilitator \(Pat\)/)
    expect(stateOf(await lead.send('meeting:focus', { weekId: week, itemId: null })).focus).toBeNull()

    // Versions only ever grow by one, and the other week's room heard nothing.
    const versions = viewer.states.map((state) => state.version)
    expect(versions).toEqual(versions.map((_, index) => index + 1))
    expect(outsider.states).toEqual([])
  })

  it('stamps every state, presence update and clock reply with the server clock at sending', async () => {
    const week = '2026-W37'
    const lead = await joined(week, 'product-lead', 'Pat')
    const cos = await joined(week, 'chief-of-staff', 'Casey')
    // Same process, same clock: each stamp lies between the request and the receipt.
    const within = async (act: () => Promise<unknown>, stamp: () => number | undefined) => {
      const before = Date.now()
      await act()
      await expect.poll(stamp, { timeout: 5000 }).toBeDefined()
      const after = Date.now()
      expect(stamp()).toBeGreaterThanOrEqual(before)
      expect(stamp()).toBeLessThanOrEqual(after)
    }
    await within(() => lead.send('meeting:claim', { weekId: week }), () => cos.states.find((state) => state.version === 1)?.serverNow)
    await new Promise((resolve) => setTimeout(resolve, 50))
    // A state read later is stamped later: the stamp is the sending time, not the time of the change.
    let rejoined: MeetingState | null = null
    await within(async () => (rejoined = stateOf(await cos.send('meeting:join', { weekId: week }))), () => rejoined?.serverNow)
    expect(rejoined!.serverNow - cos.states[0]!.serverNow).toBeGreaterThanOrEqual(45)
    await within(
      () => joined(week, 'team-lead', 'Tia'),
      () => lead.presences.at(-1)?.serverNow,
    )
    let sample: { serverNow: number } | null = null
    await within(async () => (sample = (await lead.socket.timeout(5000).emitWithAck('clock')) as { serverNow: number }), () => sample?.serverNow)
    // A team lead may take clock samples too: it changes nothing.
    const viewer = await connect('team-lead', 'Theo')
    expect(await viewer.socket.timeout(5000).emitWithAck('clock')).toEqual({ serverNow: expect.any(Number) })
  })

  it('lists who is present once per person, and tells the room when that changes', async () => {
    const week = '2026-W36'
    const cassSession = await server.signIn('chief-of-staff', 'Cass')
    const lead = await joined(week, 'product-lead', 'Pat')
    const tab1 = await connectSocketClient(server.url, { cookie: cassSession.cookie })
    const tab2 = await connectSocketClient(server.url, { cookie: cassSession.cookie })
    clients.push(tab1, tab2)
    const pat = { id: lead.identity.id, name: 'Pat', role: 'product-lead' }
    const cass = { id: cassSession.identity.id, name: 'Cass', role: 'chief-of-staff' }

    // The newcomer's ack lists everyone; the others get a presence update; the newcomer none.
    expect(stateOf(await tab1.send('meeting:join', { weekId: week })).present).toEqual([pat, cass])
    await expect.poll(() => lead.presences.length, { timeout: 5000 }).toBe(1)
    expect(lead.presences[0]).toMatchObject({ weekId: week, present: [pat, cass] })
    // A second tab of the same person is not a second person, and is not news.
    expect(stateOf(await tab2.send('meeting:join', { weekId: week })).present).toEqual([pat, cass])
    // Joining again from the same socket is not news either.
    expect(stateOf(await tab1.send('meeting:join', { weekId: week })).present).toEqual([pat, cass])
    const tia = await joined(week, 'team-lead', 'Tia')
    const tiaPerson = { id: tia.identity.id, name: 'Tia', role: 'team-lead' }
    await expect.poll(() => lead.presences.length, { timeout: 5000 }).toBe(2)
    expect(lead.presences[1]!.present).toEqual([pat, cass, tiaPerson])
    expect(tab1.presences.map((update) => update.present)).toEqual([[pat, cass, tiaPerson]])
    // Cass closes one tab: still present. Then the other disconnects: gone, and everyone hears it.
    expect(await tab1.send('meeting:leave', { weekId: week })).toEqual({ ok: true })
    stateOf(await lead.send('meeting:claim', { weekId: week }))
    await expect.poll(() => tia.states.length, { timeout: 5000 }).toBe(1)
    expect(tia.states[0]!.present).toEqual([pat, cass, tiaPerson])
    expect(lead.presences).toHaveLength(2)
    tab2.close()
    await expect.poll(() => lead.presences.length, { timeout: 5000 }).toBe(3)
    expect(lead.presences[2]!.present).toEqual([pat, tiaPerson])
    await expect.poll(() => tia.presences.at(-1)?.present, { timeout: 5000 }).toEqual([pat, tiaPerson])
    // The facilitator's last tab drops: no longer present, still the facilitator (shown as away).
    lead.close()
    await expect.poll(() => tia.presences.at(-1)?.present, { timeout: 5000 }).toEqual([tiaPerson])
    const after = await currentState(week)
    expect(after.facilitator).toEqual(pat)
    expect(after.present.map((person) => person.name)).toEqual(['Tia', 'Observer'])
    // Presence never changes the version: only the claim did.
    expect(after.version).toBe(1)
  })

  it('keeps the facilitator through a disconnect, and refuses mutations from a socket that left', async () => {
    const week = '2026-W43'
    const lead = await joined(week, 'engineering-lead', 'Eli')
    expect(stateOf(await lead.send('meeting:claim', { weekId: week })).version).toBe(1)
    lead.close()
    expect((await currentState(week)).facilitator?.name).toBe('Eli')

    const other = await joined(week, 'product-lead', 'Pat')
    expect(await other.send('meeting:leave', { weekId: week })).toEqual({ ok: true })
    expect(errorOf(await other.send('meeting:handover', { weekId: week, toPersonId: other.identity.id }))).toBe('Join the meeting first.')
    expect(other.states).toEqual([])
  })

  it('refuses every mutating event to a team lead and an editor, and no state change reaches anyone', async () => {
    const week = '2026-W44'
    const lead = await joined(week, 'product-lead', 'Pat')
    const cos = await joined(week, 'chief-of-staff', 'Casey')
    stateOf(await lead.send('meeting:claim', { weekId: week }))
    const version = (await received(cos, 1)).version

    for (const role of ['team-lead', 'editor'] as const) {
      const client = await joined(week, role, `A ${role}`)
      const payloads = validPayloads(week, client.identity.id)
      for (const event of MUTATING_EVENTS) {
        const error = errorOf(await client.send(event, payloads[event]))
        expect(error, `${role} ${event}`).toMatch(/may not/)
      }
      // Still connected (below the refusal limit) and still allowed to watch.
      expect(client.socket.connected).toBe(true)
      expect(stateOf(await client.send('meeting:join', { weekId: week })).version).toBe(version)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await currentState(week)).version).toBe(version)
    expect(cos.states.map((state) => state.version)).toEqual([1])
    expect(lead.states.map((state) => state.version)).toEqual([1])
  })

  it('answers invalid payloads with clear errors and never crashes', async () => {
    const week = '2026-W45'
    const cases: [string, unknown, RegExp][] = [
      ['meeting:claim', null, /must be an object/],
      ['meeting:claim', [week], /must be an object/],
      ['meeting:claim', 'week', /must be an object/],
      ['meeting:claim', 42, /must be an object/],
      ['meeting:claim', undefined, /must be an object/],
      ['meeting:claim', {}, /"weekId" must be an ISO week such as 2026-W48/],
      ['meeting:claim', { weekId: 202648 }, /"weekId" must be an ISO week/],
      ['meeting:claim', { weekId: '2026-W99' }, /"weekId" must be an ISO week/],
      ['meeting:claim', { weekId: 'x'.repeat(200_000) }, /"weekId" must be an ISO week/],
      ['meeting:join', { weekId: ['2026-W45'] }, /"weekId" must be an ISO week/],
      ['meeting:focus', { weekId: week }, /"itemId" must be null or 1 to 100 characters/],
      ['meeting:focus', { weekId: week, itemId: 'a'.repeat(101) }, /"itemId"/],
      ['meeting:focus', { weekId: week, itemId: 'okr 1' }, /"itemId"/],
      ['meeting:focus', { weekId: week, itemId: '' }, /"itemId"/],
      ['meeting:focus', { weekId: week, itemId: { id: 'okr-1' } }, /"itemId"/],
      ['meeting:timer', { weekId: week }, /"action" must be "start", "pause" or "reset"/],
      ['meeting:timer', { weekId: week, action: 'stop' }, /"action"/],
      ['meeting:timer', { weekId: week, action: 'reset', seconds: 5 }, /"seconds" must be a whole number from 10 to 3600/],
      ['meeting:timer', { weekId: week, action: 'reset', seconds: 3601 }, /"seconds"/],
      ['meeting:timer', { weekId: week, action: 'reset', seconds: 60.5 }, /"seconds"/],
      ['meeting:timer', { weekId: week, action: 'reset', seconds: '60' }, /"seconds"/],
      ['meeting:handover', { weekId: week }, /"toPersonId" must be a person id/],
      ['meeting:handover', { weekId: week, toPersonId: 'p'.repeat(201) }, /"toPersonId"/],
      ['meeting:handover', { weekId: week, toPersonId: 7 }, /"toPersonId"/],
      ['no-such-event', { weekId: week }, /Unknown event/],
    ]
    // A fresh socket every few cases keeps each below the refusal limit (tested separately below).
    let lead = await joined(week, 'product-lead', 'Pat')
    for (const [index, [event, payload, expected]] of cases.entries()) {
      if (index % 8 === 7) lead = await joined(week, 'product-lead', 'Pat')
      expect(errorOf(await lead.send(event, payload)), `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatch(expected)
    }
    expect(lead.socket.connected).toBe(true)

    // Unknown keys are ignored.
    expect(stateOf(await lead.send('meeting:claim', { weekId: week, extra: 'ignored', facilitator: 'me' })).facilitator?.name).toBe('Pat')
    // No ack at all, or something that is not a function where the ack would be: handled, no crash.
    const cos = await joined(week, 'chief-of-staff', 'Casey')
    lead.socket.emit('meeting:focus', { weekId: week, itemId: 'okr-3' })
    expect((await received(cos, 2)).focus?.itemId).toBe('okr-3')
    lead.socket.emit('meeting:focus', { weekId: week, itemId: 'okr-4' }, 'not a function', 42)
    expect((await received(cos, 3)).focus?.itemId).toBe('okr-4')
    lead.socket.emit('meeting:focus', null)
    lead.socket.emit('meeting:timer')
    lead.socket.emit('whoami', 'not a function')
    expect(await lead.socket.timeout(5000).emitWithAck('whoami')).toMatchObject({ name: 'Pat', role: 'product-lead' })
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('disconnects a socket refused more than 10 times a minute; everyone else keeps working', async () => {
    const week = '2026-W46'
    const lead = await joined(week, 'product-lead', 'Pat')
    const viewer = await joined(week, 'team-lead', 'Tia')
    stateOf(await lead.send('meeting:claim', { weekId: week }))
    for (let i = 0; i < 10; i++) expect(errorOf(await viewer.send('meeting:focus', { weekId: week, itemId: `okr-${i}` }))).toMatch(/may not/)
    // Ten refusals are tolerated (a stale client, a double click)...
    expect(viewer.socket.connected).toBe(true)
    expect(await viewer.socket.timeout(5000).emitWithAck('whoami')).toMatchObject({ name: 'Tia' })
    // ...the eleventh is not.
    viewer.socket.emit('meeting:focus', { weekId: week, itemId: 'okr-11' }, () => {})
    await expect.poll(() => viewer.disconnectReason, { timeout: 5000 }).toBe('io server disconnect')

    const focused = stateOf(await lead.send('meeting:focus', { weekId: week, itemId: 'okr-1' }))
    expect(focused.focus?.itemId).toBe('okr-1')
    expect((await currentState(week)).version).toBe(focused.version)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('disconnects a socket that floods events', async () => {
    const flooder = await connect('chief-of-staff', 'Flood')
    const bystander = await joined('2026-W47', 'product-lead', 'Pat')
    for (let i = 0; i < 200; i++) flooder.socket.emit('whoami', () => {})
    await expect.poll(() => flooder.disconnectReason, { timeout: 5000 }).toBe('io server disconnect')
    expect(stateOf(await bystander.send('meeting:claim', { weekId: '2026-W47' })).version).toBe(1)
  })

  it('refuses every mutating event in a closed week, and still lets people watch it', async () => {
    const week = '2026-W39'
    const lead = await joined(week, 'product-lead', 'Pat')
    const cos = await joined(week, 'chief-of-staff', 'Casey')
    const claimed = stateOf(await lead.send('meeting:claim', { weekId: week }))
    expect(await server.server.closeWeek(week, lead.identity)).not.toBeNull()

    const payloads = validPayloads(week, cos.identity.id)
    for (const event of MUTATING_EVENTS) {
      expect(errorOf(await lead.send(event, payloads[event])), event).toBe('This week is closed.')
    }
    expect(errorOf(await cos.send('meeting:timer', { weekId: week, action: 'reset' }))).toBe('This week is closed.')
    const watching = stateOf(await (await connect('team-lead', 'Tia')).send('meeting:join', { weekId: week }))
    expect(watching.version).toBe(claimed.version)
    expect(cos.states.map((state) => state.version)).toEqual([claimed.version])

    // Another week is not affected.
    const open = await joined('2026-W38', 'product-lead', 'Pat')
    expect(stateOf(await open.send('meeting:claim', { weekId: '2026-W38' })).version).toBe(1)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
