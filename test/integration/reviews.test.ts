/**
 * Listing and creating weekly reviews over HTTP: the server carries the latest earlier week over
 * into the loaded document, so stock clients see the items arrive live and find them stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addOkr, addTeam, listItems, readItem, readReviewInfo, setStatus, type Role } from '@fourwall/shared'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

describe('weekly reviews API', () => {
  let server: TestServer
  const clients: YClient[] = []
  const client = (doc: string, role: Role = 'product-lead') => {
    const c = connectClient(server.wsUrl, doc, server.token(role, role))
    clients.push(c)
    return c
  }
  const createWeek = (weekId: string, auth: Role | TestSession) =>
    fetch(`${server.url}/api/weeks/${weekId}`, {
      method: 'POST',
      headers: typeof auth === 'string' ? { authorization: `Bearer ${server.token(auth, auth)}` } : auth.headers(),
    })
  const listWeeks = async (role: Role) => {
    const response = await fetch(`${server.url}/api/weeks`, { headers: { authorization: `Bearer ${server.token(role, role)}` } })
    expect(response.status).toBe(200)
    return (await response.json()) as { weeks: { weekId: string }[] }
  }

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('creates a week from the workspace, then the next one carrying the Red item over, live', async () => {
    const workspace = client('workspace')
    await waitForSync(workspace.provider)
    const team = addTeam(workspace.doc, 'Payments')
    const okrs = ['Cut checkout latency', 'Ship refunds', 'Retire the old ledger'].map((objective) =>
      addOkr(workspace.doc, { objective, teamId: team.id, domain: 'product', keyResults: ['p95 under 300 ms'] }),
    )
    // The workspace edits are on the server before the week is created from them.
    const watcher = client('workspace', 'editor')
    await waitFor(() => (watcher.provider.synced ? watcher.doc.getMap('okrs').size : 0), (n) => n === 3, 10_000, 'OKRs on the server')

    expect(await listWeeks('team-lead')).toEqual({ weeks: [] })

    const lead = await server.signIn('product-lead', 'Priya')
    const first = await createWeek('2026-W47', lead)
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ weekId: '2026-W47', createdFrom: null, items: 3 })

    const w47 = client('week:2026-W47', 'editor')
    await waitForSync(w47.provider)
    expect(listItems(w47.doc)).toHaveLength(3)
    setStatus(w47.doc, okrs[1]!.id, 'red')
    expect(readItem(w47.doc, okrs[1]!.id)?.atRiskWeeks).toBe(1)
    const otherW47 = client('week:2026-W47', 'team-lead')
    await waitFor(() => readItem(otherW47.doc, okrs[1]!.id)?.status, (s) => s === 'red', 10_000, 'Red on the server')

    // Someone already has next week open, empty, when it is created.
    const early = client('week:2026-W48', 'team-lead')
    await waitForSync(early.provider)
    expect(listItems(early.doc)).toHaveLength(0)

    const second = await createWeek('2026-W48', 'chief-of-staff')
    expect(second.status).toBe(201)
    expect(await second.json()).toEqual({ weekId: '2026-W48', createdFrom: '2026-W47', items: 3 })

    await waitFor(() => listItems(early.doc).length, (n) => n === 3, 10_000, 'items arriving live')
    expect(readItem(early.doc, okrs[1]!.id)).toMatchObject({ status: 'red', atRiskWeeks: 2, streak: 1 })

    const late = client('week:2026-W48', 'editor')
    await waitForSync(late.provider)
    expect(readReviewInfo(late.doc)).toMatchObject({ weekId: '2026-W48', createdFrom: '2026-W47' })
    const red = readItem(late.doc, okrs[1]!.id)
    expect(red).toMatchObject({ status: 'red', atRiskWeeks: 2, objective: 'Ship refunds', teamName: 'Payments' })
    expect(red?.trend.map((entry) => entry.status)).toEqual(['red', 'red'])
    for (const okr of [okrs[0]!, okrs[2]!]) expect(readItem(late.doc, okr.id)).toMatchObject({ status: 'unset', atRiskWeeks: 0 })

    expect(await listWeeks('team-lead')).toEqual({ weeks: [{ weekId: '2026-W48' }, { weekId: '2026-W47' }] })
    const created = (await server.server.accountStore.listAudit({ limit: 50 })).filter((entry) => entry.action === 'week.created')
    expect(created.map((entry) => [entry.target, entry.detail])).toEqual([
      ['2026-W48', { createdFrom: '2026-W47', items: 3 }],
      ['2026-W47', { createdFrom: null, items: 3 }],
    ])

    // Creating it again would replace this week's edits.
    const again = await createWeek('2026-W48', 'admin')
    expect(again.status).toBe(409)
    expect((await again.json()).error).toMatch(/2026-W48 already has 3 items/)
    expect(readItem(late.doc, okrs[1]!.id)?.atRiskWeeks).toBe(2)
  })

  it('refuses bad week ids, people who may not create weeks, and closed weeks', async () => {
    for (const bad of ['not-a-week', '2026-W99', '2026-48']) {
      const response = await createWeek(bad, 'admin')
      expect(response.status, bad).toBe(400)
      expect((await response.json()).error).toMatch(/not an ISO week/)
    }
    for (const role of ['editor', 'team-lead'] as const) {
      expect((await createWeek('2026-W47', role)).status, role).toBe(403)
      expect((await createWeek('2026-W47', await server.signIn(role, `${role} session`))).status, role).toBe(403)
    }
    expect((await fetch(`${server.url}/api/weeks`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/weeks/2026-W47`, { method: 'POST' })).status).toBe(401)

    const close = await fetch(`${server.url}/api/weeks/2026-W50/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token('engineering-lead', 'Eli')}` },
    })
    expect(close.status).toBe(200)
    const closed = await createWeek('2026-W50', 'engineering-lead')
    expect(closed.status).toBe(409)
    expect((await closed.json()).error).toMatch(/closed/)
    const w50 = client('week:2026-W50', 'product-lead')
    await waitForSync(w50.provider)
    expect(readReviewInfo(w50.doc)).toBeNull()
    expect(listItems(w50.doc)).toHaveLength(0)
  })
})
