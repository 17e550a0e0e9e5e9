/**
 * Signing and publishing decisions through the real server: who may sign (only the two leads, over
 * socket.io, checked by the server), what the server writes (a signature that verifies against
 * `GET /api/keys/decisions`, in the private document; the published copy in the public week once
 * both leads signed the same text), and what it refuses (a forged signature never counts, a
 * missing or superseded decision, a closed week).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createDecision,
  privateDocName,
  readDecision,
  setDecisionStatus,
  signatureState,
  updateDecision,
  weekDocName,
  writeDecisionSignature,
  type AuditEntry,
  type DecisionSignReply,
  type Role,
  type WeekId,
} from '@fourwall/shared'
import { serverHasAll } from '../support/board.js'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectSocketClient, type SocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK: WeekId = '2026-W48'
const TEXT = {
  title: 'Two mobile engineers move to the Android launch',
  context: 'The Android launch in Brazil is Red for the third week; Search is Green.',
  decision: 'Two mobile engineers move from Search to the Android launch for six weeks.',
  rationale: 'Brazil is our largest new market; Search can wait six weeks without harm.',
  domainId: 'roadmap-priority',
  domainName: 'Roadmap priority',
  domainOwner: 'product-lead' as const,
}

describe('signing decisions', () => {
  let server: TestServer
  let maya: TestSession
  let eli: TestSession
  let cass: TestSession
  let publicKey: string
  let drafts: YClient
  let viewerWeek: YClient
  const closers: Array<() => void> = []

  const socketOf = async (session: TestSession): Promise<SocketClient> => {
    const client = await connectSocketClient(server.url, { cookie: session.cookie })
    closers.push(() => client.close())
    return client
  }
  const sign = async (session: TestSession, decisionId: string, weekId: WeekId = WEEK) => (await socketOf(session)).send('decision:sign', { weekId, decisionId })
  /** The server's own copy of a document, as stored and relayed. */
  const stored = async (name: string): Promise<Y.Doc> => (await server.server.documents.get(name)).ydoc
  const draft = async (patch: Partial<typeof TEXT> = {}, weekClient = drafts): Promise<string> => {
    const { id } = createDecision(weekClient.doc, { ...TEXT, ...patch }, { by: { id: cass.identity.id, name: cass.identity.name } })
    await serverHasAll(server, privateDocName(WEEK), weekClient)
    return id
  }
  const audit = async (): Promise<AuditEntry[]> => {
    const response = await fetch(`${server.url}/api/audit?limit=200`, { headers: { authorization: `Bearer ${server.token('admin', 'Auditor')}` } })
    return ((await response.json()) as { entries: AuditEntry[] }).entries
  }

  beforeAll(async () => {
    server = await startServer()
    ;[maya, eli, cass] = await Promise.all([
      server.signIn('product-lead', 'Maya Brooks'),
      server.signIn('engineering-lead', 'Eli Chen'),
      server.signIn('chief-of-staff', 'Cass Ruiz', { worksFor: 'engineering-lead' }),
    ])
    // The chief of staff drafts in the private document, as the board does.
    drafts = connectClient(server.wsUrl, privateDocName(WEEK), { cookie: cass.cookie })
    const teamLead = await server.signIn('team-lead', 'Tia Team', { team: 'Mobile' })
    viewerWeek = connectClient(server.wsUrl, weekDocName(WEEK), { cookie: teamLead.cookie })
    closers.push(() => drafts.destroy(), () => viewerWeek.destroy())
    await Promise.all([waitForSync(drafts.provider), waitForSync(viewerWeek.provider)])
    const response = await fetch(`${server.url}/api/keys/decisions`, { headers: { cookie: teamLead.cookie } })
    expect(response.status).toBe(200)
    publicKey = ((await response.json()) as { publicKey: string }).publicKey
  })
  afterAll(async () => {
    for (const close of closers) close()
    await server.close()
  })

  it("serves the decision key to anyone signed in, and nobody else", async () => {
    expect(publicKey).toBe(server.server.decisions.publicKey)
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await fetch(`${server.url}/api/keys/decisions`)).status).toBe(401)
  })

  it('refuses a chief of staff, an editor, a team lead and an admin, and writes nothing', async () => {
    const id = await draft()
    const before = Y.encodeStateVector(await stored(privateDocName(WEEK)))
    const refused: Array<[Role, string]> = [
      ['chief-of-staff', 'Ana Chief'],
      ['editor', 'Ed Itor'],
      ['team-lead', 'Tom Team'],
      ['admin', 'Ada Admin'],
    ]
    for (const [role, name] of refused) {
      const session = await server.signIn(role, name, role === 'team-lead' ? { team: 'Search' } : {})
      const reply = await sign(session, id)
      expect(reply, role).toEqual({ ok: false, error: 'Your role may not do this (decision:sign).' })
    }
    // An API token claiming a role the table refuses gets the same answer.
    const script = await connectSocketClient(server.url, server.token('chief-of-staff', 'Script'))
    closers.push(() => script.close())
    expect(await script.send('decision:sign', { weekId: WEEK, decisionId: id })).toMatchObject({ ok: false })
    // Behind the permission table, the signing service itself checks the identity's role.
    for (const role of ['chief-of-staff', 'editor', 'team-lead', 'admin'] as const) {
      expect(await server.server.decisions.sign(WEEK, id, { id: `someone-${role}`, name: 'Someone', role })).toEqual({
        ok: false,
        error: 'Only the Product Lead and the Engineering Lead sign decisions, each as themselves.',
        counts: true,
      })
    }
    expect(Y.encodeStateVector(await stored(privateDocName(WEEK)))).toEqual(before)
    expect(readDecision(await stored(privateDocName(WEEK)), id)!.signatures).toEqual({})
  })

  it('refuses a bad payload with a sentence', async () => {
    const socket = await socketOf(maya)
    expect(await socket.send('decision:sign', { weekId: 'last week', decisionId: 'x' })).toEqual({ ok: false, error: '"weekId" must be an ISO week such as 2026-W48' })
    expect(await socket.send('decision:sign', { weekId: WEEK, decisionId: '../etc' })).toMatchObject({ ok: false, error: expect.stringContaining('"decisionId" must be') })
    expect(await socket.send('decision:sign', { weekId: WEEK, decisionId: 'no-such-decision' })).toEqual({
      ok: false,
      error: `Week ${WEEK} has no such decision: it may have been removed.`,
    })
  })

  it('publishes once both leads signed: the public week has it with both signatures, verified', async () => {
    const id = await draft()
    const first = await sign(maya, id)
    expect(first).toMatchObject({ ok: true, published: false, signature: { role: 'product-lead', signerId: maya.identity.id, signerName: 'Maya Brooks' } })
    const privateDoc = await stored(privateDocName(WEEK))
    expect(signatureState(readDecision(privateDoc, id)!, publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'missing' })
    // One signature publishes nothing.
    expect(readDecision(await stored(weekDocName(WEEK)), id)).toBeNull()

    const second = await sign(eli, id)
    expect(second).toMatchObject({ ok: true, published: true, signature: { role: 'engineering-lead', signerName: 'Eli Chen' } })
    expect(readDecision(privateDoc, id)!.status).toBe('published')

    // The team lead's copy of the public week receives it, signatures and all, and they verify.
    const published = await waitFor(() => readDecision(viewerWeek.doc, id), (decision) => decision !== null, 5_000, 'published decision reaches the team lead')
    expect(published).toMatchObject({ ...TEXT, status: 'published', createdBy: { id: cass.identity.id, name: 'Cass Ruiz' } })
    expect(signatureState(published!, publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'valid' })

    const entries = (await audit()).filter((entry) => entry.target === id)
    expect(entries.map((entry) => entry.action).sort()).toEqual(['decision.published', 'decision.signed', 'decision.signed'])
    // The audit log is read by admins, who may not read drafts: the signing entries hold no text.
    for (const entry of entries.filter((entry) => entry.action === 'decision.signed')) expect(JSON.stringify(entry.detail)).not.toContain(TEXT.title)
  })

  it('two leads signing at the same moment publish it exactly once', async () => {
    const id = await draft({ title: 'Retire the old search cluster this quarter' })
    const [a, b] = await Promise.all([sign(maya, id), sign(eli, id)])
    expect([a, b].filter((reply) => (reply as { published?: boolean }).published)).toHaveLength(1)
    expect(readDecision(await stored(weekDocName(WEEK)), id)?.status).toBe('published')
    expect((await audit()).filter((entry) => entry.target === id && entry.action === 'decision.published')).toHaveLength(1)
  })

  it('shows a forged signature written into the document as unverified, and never counts it', async () => {
    const id = await draft({ title: 'Freeze hiring on the platform team' })
    // Whoever may write the private document can write something that looks like a signature.
    const genuine = (await sign(maya, id)) as unknown as DecisionSignReply
    if (!genuine.ok) throw new Error(genuine.error)
    writeDecisionSignature(drafts.doc, id, { ...genuine.signature, role: 'engineering-lead', signerId: eli.identity.id, signerName: 'Eli Chen' })
    await serverHasAll(server, privateDocName(WEEK), drafts)
    const forged = readDecision(await stored(privateDocName(WEEK)), id)!
    expect(signatureState(forged, publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'unverified' })
    // The Product Lead signing again does not publish: the server verifies the other signature too.
    updateDecision(drafts.doc, id, { rationale: 'Platform must finish the migration first; new hires would slow it.' })
    await serverHasAll(server, privateDocName(WEEK), drafts)
    expect(await sign(maya, id)).toMatchObject({ ok: true, published: false })
    expect(readDecision(await stored(weekDocName(WEEK)), id)).toBeNull()
    // The real Engineering Lead's signature replaces the forgery, and that publishes.
    expect(await sign(eli, id)).toMatchObject({ ok: true, published: true })
  })

  it('reads "changed since signed" after the text changes, and republishes the new text once both sign again', async () => {
    const id = await draft({ title: 'Pause the EU checkout launch by two weeks' })
    await sign(maya, id)
    await sign(eli, id)
    const signedHash = readDecision(await stored(weekDocName(WEEK)), id)!.signatures['product-lead']!.textHash
    updateDecision(drafts.doc, id, { decision: 'Pause the EU checkout launch by three weeks.' })
    await serverHasAll(server, privateDocName(WEEK), drafts)
    const changed = readDecision(await stored(privateDocName(WEEK)), id)!
    expect(signatureState(changed, publicKey, WEEK)).toEqual({ 'product-lead': 'changed-since-signed', 'engineering-lead': 'changed-since-signed' })
    // The public copy still reads as it was signed, and still verifies.
    const publicCopy = readDecision(await stored(weekDocName(WEEK)), id)!
    expect(publicCopy.decision).toBe(TEXT.decision)
    expect(signatureState(publicCopy, publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'valid' })

    // Re-signing replaces each lead's signature; the second re-signature publishes the new text.
    expect(await sign(eli, id)).toMatchObject({ ok: true, published: false })
    expect(await sign(maya, id)).toMatchObject({ ok: true, published: true })
    const republished = await waitFor(() => readDecision(viewerWeek.doc, id), (decision) => decision?.decision === 'Pause the EU checkout launch by three weeks.', 5_000, 'new text published')
    expect(republished!.signatures['product-lead']!.textHash).not.toBe(signedHash)
    expect(signatureState(republished!, publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'valid' })
  })

  it('refuses a superseded decision and one without its rationale', async () => {
    const superseded = await draft({ title: 'Hire two SREs' })
    setDecisionStatus(drafts.doc, superseded, 'superseded')
    const unfinished = await draft({ title: 'Move the data team', rationale: '' })
    await serverHasAll(server, privateDocName(WEEK), drafts)
    expect(await sign(maya, superseded)).toEqual({ ok: false, error: 'This decision was superseded: it can no longer be signed.' })
    expect(await sign(eli, unfinished)).toEqual({ ok: false, error: 'Write its rationale before signing: the org reads what both leads stand behind.' })
  })

  it('refuses to sign in a closed week', async () => {
    const closedWeek: WeekId = '2026-W47'
    const client = connectClient(server.wsUrl, privateDocName(closedWeek), { cookie: cass.cookie })
    closers.push(() => client.destroy())
    await waitForSync(client.provider)
    const { id } = createDecision(client.doc, TEXT, { by: { id: cass.identity.id, name: cass.identity.name } })
    await serverHasAll(server, privateDocName(closedWeek), client)
    const closed = await fetch(`${server.url}/api/weeks/${closedWeek}/close`, { method: 'POST', headers: maya.headers() })
    expect(closed.status).toBe(200)
    expect(await sign(maya, id, closedWeek)).toEqual({ ok: false, error: 'This week is closed.' })
    expect(readDecision(await stored(privateDocName(closedWeek)), id)!.signatures).toEqual({})
  })
})
