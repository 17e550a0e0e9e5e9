/**
 * What a viewer's connections carry. Over a scripted four-wall meeting, the leads and a chief of
 * staff write marked text into the week's leadership-private document (notes, draft decisions,
 * "needs alignment" flags, their presence there) while they run the meeting and edit the public
 * week; a team lead watches with a real session on every channel it can open: the public week, the
 * workspace, socket.io, and an attempt at the private document. Every byte the viewer receives is
 * captured, and no private marker may appear in any of it, while the public content does.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { privateDocName, weekDocName, WORKSPACE_DOC, type WeekId } from '@fourwall/shared'
import { RawClient } from '../support/rawclient.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectSocketClient, type SocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK: WeekId = '2026-W48'
const PRIVATE = `PRIVATE-${randomBytes(6).toString('hex')}`
const PUBLIC = `PUBLIC-${randomBytes(6).toString('hex')}`

describe('the wire to a viewer', () => {
  let server: TestServer
  const closers: Array<() => void> = []

  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(async () => {
    for (const close of closers) close()
    await server.close()
  })

  const stock = async (doc: string, role: 'product-lead' | 'engineering-lead' | 'chief-of-staff', name: string): Promise<YClient> => {
    // Presence in the private document carries private text too (what a lead is typing there).
    const note = doc.endsWith(':private') ? `${PRIVATE} in presence` : 'in the public week'
    const client = connectClient(server.wsUrl, doc, server.token(role, name), { name, role, note })
    closers.push(() => client.destroy())
    await waitForSync(client.provider)
    return client
  }

  it('never carries leadership-private content to a team lead, on any connection', async () => {
    const viewer = await server.signIn('team-lead', 'Tia Team', { team: 'Mobile' })
    const captured: Buffer[] = []
    const capture = (client: RawClient) => client.ws.on('message', (data: Buffer) => captured.push(Buffer.from(data)))

    // The viewer watches the public week and the workspace, and is in the meeting room.
    const publicWeek = await RawClient.connect(server.wsUrl, weekDocName(WEEK), { cookie: viewer.cookie }, { onOpen: capture })
    const workspace = await RawClient.connect(server.wsUrl, WORKSPACE_DOC, { cookie: viewer.cookie }, { onOpen: capture })
    closers.push(() => publicWeek.ws.close(), () => workspace.ws.close())
    publicWeek.syncedDoc()
    workspace.syncedDoc()
    await publicWeek.waitForSynced()
    const meeting: SocketClient = await connectSocketClient(server.url, { cookie: viewer.cookie }, { capture: true })
    closers.push(() => meeting.close())
    expect(await meeting.send('meeting:join', { weekId: WEEK })).toMatchObject({ ok: true })

    // It may not open the private document: refused before any content is sent.
    const refused = await RawClient.connect(server.wsUrl, privateDocName(WEEK), { cookie: viewer.cookie }, { onOpen: capture })
    expect((await refused.waitForClose()).code).toBe(4403)

    // The four walls meet: private notes, draft decisions, alignment flags, presence.
    const [pat, eli, cass] = await Promise.all([
      stock(privateDocName(WEEK), 'product-lead', 'Pat Product'),
      stock(privateDocName(WEEK), 'engineering-lead', 'Eli Engineering'),
      stock(privateDocName(WEEK), 'chief-of-staff', 'Cass Staff'),
    ])
    const patPublic = await stock(weekDocName(WEEK), 'product-lead', 'Pat Product')
    const leads = await connectSocketClient(server.url, server.token('product-lead', 'Pat Product'))
    closers.push(() => leads.close())
    expect(await leads.send('meeting:join', { weekId: WEEK })).toMatchObject({ ok: true })
    expect(await leads.send('meeting:claim', { weekId: WEEK })).toMatchObject({ ok: true })

    for (let round = 0; round < 20; round++) {
      pat.doc.getText('notes').insert(0, `${PRIVATE} note ${round}. `)
      eli.doc.getMap('drafts').set(`decision-${round}`, { title: `${PRIVATE} draft ${round}`, rationale: `${PRIVATE} why` })
      cass.doc.getMap('alignment').set(`okr-${round}`, { needsAlignment: true, why: `${PRIVATE} flag ${round}` })
      eli.provider.awareness.setLocalStateField('cursor', { at: round, text: `${PRIVATE} typing` })
      // The public side of the same meeting.
      patPublic.doc.getText('notes').insert(0, `${PUBLIC} ${round} `)
      await leads.send('meeting:focus', { weekId: WEEK, itemId: `okr-${round}` })
    }
    // A decision is published: only its public text moves to the public week.
    patPublic.doc.getMap('decisions').set('published-1', { title: `${PUBLIC} decision`, rationale: 'It helps the mission.' })

    // The viewer has everything public (so the capture works and is complete)...
    await waitFor(() => publicWeek.doc!.getMap('decisions').get('published-1'), (value) => value !== undefined, 10_000, 'published decision reaches the viewer')
    await waitFor(() => meeting.states.at(-1)?.focus?.itemId, (id) => id === 'okr-19', 10_000, 'meeting focus reaches the viewer')
    const all = Buffer.concat([...captured, ...meeting.received.map((text) => Buffer.from(text))])
    expect(all.includes(PUBLIC)).toBe(true)
    expect(publicWeek.doc!.getText('notes').toString()).toContain(`${PUBLIC} 19`)
    // ...and nothing private, in any encoding a marker could travel in.
    expect(all.includes(PRIVATE)).toBe(false)
    expect(all.includes(Buffer.from(PRIVATE, 'utf16le'))).toBe(false)
    expect(all.toString('latin1').includes(PRIVATE)).toBe(false)

    // The private document did get it all (the markers were really written and stored).
    const stored = (await server.server.documents.get(privateDocName(WEEK))).ydoc
    expect(stored.getText('notes').toString()).toContain(`${PRIVATE} note 19`)
    expect(stored.getMap('drafts').size).toBe(20)
  })
})
