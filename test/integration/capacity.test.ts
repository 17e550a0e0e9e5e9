/**
 * GET /api/weeks/:weekId/capacity over real stored weeks: two weeks of 2026-Q4 (W52 and W53) and the
 * first week of 2027-Q1 (W01, across the year boundary), each with its own resource shifts written by
 * a y-websocket client. The quarter's numbers add up the stored weeks up to the one asked about and
 * never a week of another quarter or a later week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addShift, findTeamByName, setStatus, setTeamHeadcount, updateShift, WORKSPACE_DOC, type ShiftInput, type WeekId } from '@fourwall/shared'
import { createReview, editWeek, seedOkrs, serverHasAll } from '../support/board.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitForSync } from '../support/yclient.js'

interface Report {
  weekId: string
  quarter: string
  weeks: string[]
  teams: Array<{ teamId: string; teamName: string; headcount: number | null; week: Flow; quarter: Flow }>
}
interface Flow {
  in: number
  out: number
  net: number
}

const BY = { id: 'seed', name: 'Seed Editor' }

describe('the capacity endpoint', () => {
  let server: TestServer
  let ids: string[]
  const team: Record<string, string> = {}

  const capacity = async (weekId: string, token = server.token('team-lead', 'Tom Team')): Promise<{ status: number; body: Report & { error?: string } }> => {
    const response = await fetch(`${server.url}/api/weeks/${weekId}/capacity`, { headers: { authorization: `Bearer ${token}` } })
    return { status: response.status, body: (await response.json()) as Report & { error?: string } }
  }
  const byTeam = (report: Report) => Object.fromEntries(report.teams.map((entry) => [entry.teamName, { week: entry.week, quarter: entry.quarter, headcount: entry.headcount }]))

  /** Creates the week, makes Checkout Red and Android Yellow, and records the shifts. */
  const week = async (weekId: WeekId, shifts: Array<Partial<ShiftInput> & { revert?: boolean }>) => {
    await createReview(server, weekId)
    const [checkout, android, offline] = ids as [string, string, string]
    await editWeek(server, weekId, (doc) => {
      setStatus(doc, checkout, 'red')
      setStatus(doc, android, 'yellow')
      setStatus(doc, offline, 'green')
      for (const { revert, ...input } of shifts) {
        const shift = addShift(doc, { from: { kind: 'team', teamId: team.Search! }, to: android, headcount: 1, skill: 'mobile', ...input }, { by: BY })
        if (revert) updateShift(doc, shift.id, { status: 'reverted' })
      }
    })
  }

  beforeAll(async () => {
    server = await startServer()
    ids = await seedOkrs(server, [
      { objective: 'Cut checkout latency', team: 'Payments' },
      { objective: 'Android launch', team: 'Mobile' },
      { objective: 'Offline mode', team: 'Mobile' },
      { objective: 'Faster search', team: 'Search' },
    ])
    const workspace = connectClient(server.wsUrl, WORKSPACE_DOC, server.token('admin', 'Seed Admin'))
    await waitForSync(workspace.provider)
    for (const name of ['Payments', 'Mobile', 'Search']) team[name] = findTeamByName(workspace.doc, name)!.id
    setTeamHeadcount(workspace.doc, team.Search!, 4)
    await serverHasAll(server, WORKSPACE_DOC, workspace)
    workspace.destroy()

    const [checkout, , offline] = ids as [string, string, string]
    // W52: Search gives 2 to Android (Mobile); a reverted shift of 5 counts for nobody.
    await week('2026-W52', [{ headcount: 2 }, { headcount: 5, revert: true }])
    // W53: Mobile's Offline mode gives 3 to Checkout (Payments); contractors give 1 to Android.
    await week('2026-W53', [
      { from: { kind: 'item', okrId: offline }, to: checkout, headcount: 3, skill: 'back-end', status: 'agreed' },
      { from: { kind: 'other', label: 'Contractors' }, headcount: 1 },
    ])
    // 2027-W01 (next quarter): Search gives 1 more to Android.
    await week('2027-W01', [{ headcount: 1, status: 'done' }])
  })
  afterAll(async () => {
    await server?.close()
  })

  it('sums this week, and the quarter so far, per team', async () => {
    const { status, body } = await capacity('2026-W53')
    expect(status).toBe(200)
    expect(body).toMatchObject({ weekId: '2026-W53', quarter: '2026-Q4', weeks: ['2026-W52', '2026-W53'] })
    expect(byTeam(body)).toEqual({
      Mobile: { week: { in: 1, out: 3, net: -2 }, quarter: { in: 3, out: 3, net: 0 }, headcount: null },
      Payments: { week: { in: 3, out: 0, net: 3 }, quarter: { in: 3, out: 0, net: 3 }, headcount: null },
      Search: { week: { in: 0, out: 0, net: 0 }, quarter: { in: 0, out: 2, net: -2 }, headcount: 4 },
    })
  })

  it('never counts a later week of the quarter', async () => {
    const { body } = await capacity('2026-W52')
    expect(body.weeks).toEqual(['2026-W52'])
    expect(byTeam(body).Search).toEqual({ week: { in: 0, out: 2, net: -2 }, quarter: { in: 0, out: 2, net: -2 }, headcount: 4 })
    expect(byTeam(body).Mobile!.quarter).toEqual({ in: 2, out: 0, net: 2 })
  })

  it('starts the next quarter afresh, across the year boundary', async () => {
    const { body } = await capacity('2027-W01')
    expect(body).toMatchObject({ weekId: '2027-W01', quarter: '2027-Q1', weeks: ['2027-W01'] })
    expect(byTeam(body)).toEqual({
      Mobile: { week: { in: 1, out: 0, net: 1 }, quarter: { in: 1, out: 0, net: 1 }, headcount: null },
      Payments: { week: { in: 0, out: 0, net: 0 }, quarter: { in: 0, out: 0, net: 0 }, headcount: null },
      Search: { week: { in: 0, out: 1, net: -1 }, quarter: { in: 0, out: 1, net: -1 }, headcount: 4 },
    })
  })

  it('lists the teams with nothing moved for a week of a quarter nobody reviewed yet', async () => {
    const { status, body } = await capacity('2027-W30')
    expect(status).toBe(200)
    expect(body.weeks).toEqual([])
    expect(body.teams.map((entry) => [entry.teamName, entry.quarter.net])).toEqual([['Mobile', 0], ['Payments', 0], ['Search', 0]])
  })

  it('refuses a malformed week and anyone not signed in', async () => {
    const bad = await capacity('2026-W99')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('"2026-W99" is not an ISO week such as 2026-W48')
    const anonymous = await fetch(`${server.url}/api/weeks/2026-W53/capacity`)
    expect(anonymous.status).toBe(401)
  })
})
