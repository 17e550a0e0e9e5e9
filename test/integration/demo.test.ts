/**
 * The first-run demo against a real server: offered only to an empty installation, loaded by
 * someone who may edit the workspace, and what it writes is a real board (read back with stock
 * y-websocket clients): a current week ready for the meeting and two closed weeks behind it, all of
 * which survives a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  currentWeekId,
  listItems,
  listOkrs,
  listTeams,
  readReviewInfo,
  readWeekClosed,
  shiftWeek,
  weekDocName,
  type AuditEntry,
  type ReviewItem,
  type WeekId,
} from '@fourwall/shared'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

type Json = Record<string, unknown>

describe('the first-run demo', () => {
  let server: TestServer
  let admin: TestSession
  const clients: YClient[] = []

  async function api(who: TestSession | null, method: string, path: string): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${server.url}${path}`, { method, headers: who ? who.headers() : {} })
    return { status: response.status, body: (await response.json()) as Json }
  }

  /** A synced read-only copy of a document, as a team lead sees it. */
  async function read(docName: string): Promise<YClient> {
    const client = connectClient(server.wsUrl, docName, server.token('team-lead', 'Reader'))
    clients.push(client)
    await waitForSync(client.provider)
    return client
  }

  async function itemsOf(weekId: WeekId): Promise<ReviewItem[]> {
    const client = await read(weekDocName(weekId))
    return waitFor(() => listItems(client.doc), (items) => items.length > 0, 10_000, `items of ${weekId}`)
  }

  const countBy = (items: ReviewItem[], status: ReviewItem['status']) => items.filter((item) => item.status === status).length

  beforeEach(async () => {
    server = await startServer()
    admin = await server.signIn('admin', 'Ada Admin')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  it('loads a full board into an empty installation, once, and it survives a restart', async () => {
    const teamLead = await server.signIn('team-lead', 'Tess Team')
    expect(await api(teamLead, 'GET', '/api/demo')).toEqual({ status: 200, body: { available: true } })
    expect((await api(null, 'GET', '/api/demo')).status).toBe(401)
    for (const role of ['team-lead', 'editor'] as const) {
      const someone = role === 'team-lead' ? teamLead : await server.signIn(role, 'Ed Editor')
      const refused = await api(someone, 'POST', '/api/demo')
      expect(refused.status, role).toBe(403)
      expect(refused.body.error).toMatch(/only an admin, the leads or their chiefs of staff/)
    }

    const thisWeek = currentWeekId()
    const weeks = [shiftWeek(thisWeek, -2), shiftWeek(thisWeek, -1), thisWeek]
    const loaded = await api(admin, 'POST', '/api/demo')
    expect(loaded.status).toBe(201)
    expect(loaded.body.weeks).toEqual(weeks)
    expect(loaded.body.okrs).toBeGreaterThanOrEqual(24)

    const check = async () => {
      // The workspace: six teams and their OKRs across all three domains.
      const workspace = await read('workspace')
      const okrs = await waitFor(() => listOkrs(workspace.doc), (list) => list.length > 0, 10_000, 'OKRs')
      expect(okrs.length).toBeGreaterThanOrEqual(20)
      expect(okrs).toHaveLength(loaded.body.okrs as number)
      expect(listTeams(workspace.doc)).toHaveLength(6)
      expect(new Set(okrs.map((okr) => okr.domain))).toEqual(new Set(['product', 'engineering', 'shared']))

      // This week: ready for the meeting.
      const current = await itemsOf(thisWeek)
      expect(current).toHaveLength(okrs.length)
      expect(countBy(current, 'red')).toBeGreaterThanOrEqual(3)
      expect(countBy(current, 'yellow')).toBeGreaterThanOrEqual(3)
      expect(countBy(current, 'unset')).toBeGreaterThanOrEqual(2)
      expect(countBy(current, 'green')).toBeGreaterThan(countBy(current, 'red') + countBy(current, 'yellow'))
      expect(Math.max(...current.map((item) => item.atRiskWeeks))).toBeGreaterThanOrEqual(3)
      const longest = current.find((item) => item.atRiskWeeks >= 3)!
      expect(longest.trend.map((entry) => entry.weekId)).toEqual(weeks)
      expect(current.every((item) => item.outcome === null)).toBe(true)
      for (const item of current.filter((entry) => entry.status === 'red' || entry.status === 'yellow')) {
        expect(item.note, item.objective).not.toBe('')
        expect(item.owner, item.objective).not.toBe('')
        expect(item.ask, item.objective).not.toBe('')
      }
      const currentDoc = await read(weekDocName(thisWeek))
      expect(readReviewInfo(currentDoc.doc)).toMatchObject({ weekId: thisWeek, createdFrom: weeks[1] })
      expect(readWeekClosed(currentDoc.doc)).toBeNull()

      // The two past weeks: closed (the server verifies the marker), every Red and Yellow decided.
      for (const weekId of weeks.slice(0, 2)) {
        const items = await itemsOf(weekId)
        const atRisk = items.filter((item) => item.status === 'red' || item.status === 'yellow')
        expect(atRisk.length, weekId).toBeGreaterThan(0)
        expect(atRisk.every((item) => item.outcome !== null), weekId).toBe(true)
        const summary = await api(teamLead, 'GET', `/api/weeks/${weekId}/summary`)
        expect(summary.status).toBe(200)
        expect(summary.body.summary).toMatchObject({ weekId, closed: { byName: 'Ada Admin' } })
        expect((summary.body.summary as { progress: { left: number } }).progress.left).toBe(0)
      }
      const kinds = new Set((await Promise.all(weeks.slice(0, 2).map(itemsOf))).flat().map((item) => item.outcome?.kind))
      expect(kinds).toEqual(new Set([undefined, 'resolved', 'decision', 'shift', 'follow-up']))
      expect((await api(teamLead, 'GET', '/api/weeks')).body).toEqual({ weeks: [...weeks].reverse().map((weekId) => ({ weekId })) })

      // Offered only once.
      expect((await api(teamLead, 'GET', '/api/demo')).body).toEqual({ available: false })
      const again = await api(admin, 'POST', '/api/demo')
      expect(again.status).toBe(409)
      expect(again.body.error).toBe('The demo can only be loaded into an empty workspace: this one already has teams, OKRs or weeks.')
    }
    await check()

    const audit = (await api(admin, 'GET', '/api/audit')).body.entries as AuditEntry[]
    expect(audit.filter((entry) => entry.action === 'demo.loaded')).toMatchObject([{ actorName: 'Ada Admin', detail: { okrs: loaded.body.okrs } }])

    // Everything is stored: a new server on the same data finds the same board.
    for (const client of clients.splice(0)) client.destroy()
    const dataDir = server.dataDir
    await server.server.close()
    server = await startServer({ dataDir })
    await check()
  })

  it('is not offered once someone has created a week, and two concurrent loads write one demo', async () => {
    const lead = await server.signIn('product-lead', 'Priya Lead')
    const [first, second] = await Promise.all([api(lead, 'POST', '/api/demo'), api(admin, 'POST', '/api/demo')])
    expect([first.status, second.status].sort()).toEqual([201, 409])
    const workspace = await read('workspace')
    const okrs = await waitFor(() => listOkrs(workspace.doc), (list) => list.length > 0, 10_000, 'OKRs')
    expect(okrs).toHaveLength((first.status === 201 ? first : second).body.okrs as number)
    expect(listTeams(workspace.doc)).toHaveLength(6)

    // A fresh installation where a lead created an (empty) week first is not empty any more.
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    server = await startServer()
    admin = await server.signIn('admin', 'Ada Admin')
    expect((await api(admin, 'POST', '/api/weeks/2026-W10')).status).toBe(201)
    expect((await api(admin, 'GET', '/api/demo')).body).toEqual({ available: false })
    expect((await api(admin, 'POST', '/api/demo')).status).toBe(409)
  })
})
