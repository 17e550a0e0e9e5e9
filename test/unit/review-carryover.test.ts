import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addOkr,
  createWeekFrom,
  itemsMap,
  listItems,
  readItem,
  readReviewInfo,
  recordOutcome,
  removeOkr,
  setNote,
  setStatus,
  shiftWeek,
  syncWeekWithWorkspace,
  workspaceDrift,
  updateItem,
  updateOkr,
  ValidationError,
  type Status,
  type WeekId,
} from '@fourwall/shared'
import { LEAD, newWeek, workspaceWith } from './review-fixtures.js'

const W48 = '2026-W48' as WeekId
const W49 = '2026-W49' as WeekId

/** Runs `statuses` through consecutive weeks from W48; `resolvedIn` lists week indexes ending resolved. */
function runWeeks(statuses: Status[], resolvedIn: number[] = []): { docs: Y.Doc[]; okrId: string } {
  const { doc: workspace, ids } = workspaceWith({ 'Ship offline mode': 'product' })
  const okrId = ids['Ship offline mode']!
  const docs: Y.Doc[] = []
  statuses.forEach((status, index) => {
    const week = newWeek(workspace, shiftWeek(W48, index), docs.at(-1) ?? null)
    setStatus(week, okrId, status)
    if (resolvedIn.includes(index)) recordOutcome(week, okrId, { kind: 'resolved' }, { by: LEAD })
    docs.push(week)
  })
  return { docs, okrId }
}

function countersOf(docs: Y.Doc[], okrId: string): number[] {
  return docs.map((doc) => readItem(doc, okrId)!.atRiskWeeks)
}

describe('creating a week from the previous one', () => {
  it('gives every OKR an item, unset and at 0 in the first week', () => {
    const { doc: workspace, ids } = workspaceWith({ A: 'product', B: 'engineering', C: 'shared' })
    const week = newWeek(workspace, W48)
    const items = listItems(week)
    expect(items.map((item) => item.objective)).toEqual(['A', 'B', 'C'])
    expect(items.every((item) => item.status === 'unset' && item.atRiskWeeks === 0 && item.outcome === null)).toBe(true)
    expect(readItem(week, ids.B!)).toMatchObject({ teamName: 'Mobile', domain: 'engineering', trend: [{ weekId: W48, status: 'unset' }] })
    expect(readReviewInfo(week)).toEqual({ weekId: W48, createdFrom: null, createdAt: '2026-11-23T09:00:00.000Z' })
  })

  it('carries an unresolved Red into week N+1 with its counter at 2 (the acceptance case)', () => {
    const { doc: workspace, ids } = workspaceWith({ 'Ship offline mode': 'product' })
    const okrId = ids['Ship offline mode']!
    const weekN = newWeek(workspace, W48)
    setStatus(weekN, okrId, 'red')
    expect(readItem(weekN, okrId)!.atRiskWeeks).toBe(1) // the first Red week counts as 1

    const weekN1 = newWeek(workspace, W49, weekN)
    const item = readItem(weekN1, okrId)!
    expect(item.status).toBe('red')
    expect(item.atRiskWeeks).toBe(2)
    expect(item.streak).toBe(1)
    expect(readReviewInfo(weekN1)?.createdFrom).toBe(W48)
  })

  it('keeps counting while an item stays Red or Yellow unresolved, Yellow and Red alike', () => {
    const { docs, okrId } = runWeeks(['yellow', 'yellow', 'red', 'red'])
    expect(countersOf(docs, okrId)).toEqual([1, 2, 3, 4])
    const { docs: redToYellow, okrId: id2 } = runWeeks(['red', 'yellow', 'red'])
    expect(countersOf(redToYellow, id2)).toEqual([1, 2, 3])
  })

  it('resets the counter after a resolved outcome, and on Green or unset', () => {
    // Resolved in week 1: week 2 carries Red but starts a new streak at 1.
    const resolved = runWeeks(['red', 'red', 'red', 'red'], [1])
    expect(countersOf(resolved.docs, resolved.okrId)).toEqual([1, 2, 1, 2])
    const green = runWeeks(['red', 'green', 'red'])
    expect(countersOf(green.docs, green.okrId)).toEqual([1, 0, 1])
    const unset = runWeeks(['yellow', 'unset', 'yellow'])
    expect(countersOf(unset.docs, unset.okrId)).toEqual([1, 0, 1])
  })

  it('counts other outcomes as unresolved', () => {
    const { doc: workspace, ids } = workspaceWith({ A: 'product' })
    const okrId = ids.A!
    const weekN = newWeek(workspace, W48)
    setStatus(weekN, okrId, 'yellow')
    recordOutcome(weekN, okrId, { kind: 'follow-up', owner: 'Eli', due: '2026-11-27' }, { by: LEAD })
    const weekN1 = newWeek(workspace, W49, weekN)
    expect(readItem(weekN1, okrId)).toMatchObject({ status: 'yellow', atRiskWeeks: 2, outcome: null })
  })

  it('follows a status change made during the week (the counter is derived, never stale)', () => {
    const { docs, okrId } = runWeeks(['red', 'red'])
    const week = docs[1]!
    expect(readItem(week, okrId)!.atRiskWeeks).toBe(2)
    setStatus(week, okrId, 'green')
    expect(readItem(week, okrId)!.atRiskWeeks).toBe(0)
    setStatus(week, okrId, 'yellow')
    expect(readItem(week, okrId)!.atRiskWeeks).toBe(2)
  })

  it('appends to the trend and keeps only the last 8 weeks, oldest first', () => {
    const statuses: Status[] = ['red', 'red', 'yellow', 'green', 'green', 'unset', 'yellow', 'red', 'green', 'yellow']
    const { docs, okrId } = runWeeks(statuses)
    expect(readItem(docs[2]!, okrId)!.trend).toEqual([
      { weekId: '2026-W48', status: 'red' },
      { weekId: '2026-W49', status: 'red' },
      { weekId: '2026-W50', status: 'yellow' },
    ])
    const last = readItem(docs[9]!, okrId)!.trend
    expect(last).toHaveLength(8)
    expect(last.map((entry) => entry.status)).toEqual(statuses.slice(2))
    expect(last[0]!.weekId).toBe('2026-W50')
    expect(last[7]!.weekId).toBe('2027-W04') // 2026 has 53 weeks
    // The stored history never grows past 7 entries either.
    expect((itemsMap(docs[9]!).get(okrId) as Y.Map<unknown>).get('history')).toHaveLength(7)
  })

  it('carries note, owner, ask and due date, but not the outcome', () => {
    const { doc: workspace, ids } = workspaceWith({ A: 'product' })
    const okrId = ids.A!
    const weekN = newWeek(workspace, W48)
    updateItem(weekN, okrId, { status: 'red', note: 'Blocked on the API review', owner: 'Eli', ask: 'Two mobile engineers', due: '2026-12-04' })
    recordOutcome(weekN, okrId, { kind: 'decision', summary: 'Hire a contractor for the API review', decisionId: 'decision-1' }, { by: LEAD })
    const item = readItem(newWeek(workspace, W49, weekN), okrId)!
    expect(item).toMatchObject({ note: 'Blocked on the API review', owner: 'Eli', ask: 'Two mobile engineers', due: '2026-12-04', outcome: null })
  })

  it('adds new OKRs as unset and drops OKRs removed from the workspace, while the old week keeps them', () => {
    const { doc: workspace, ids, teamId } = workspaceWith({ Keep: 'product', Drop: 'engineering' })
    const weekN = newWeek(workspace, W48)
    setStatus(weekN, ids.Keep!, 'red')
    setStatus(weekN, ids.Drop!, 'red')
    removeOkr(workspace, ids.Drop!)
    const added = addOkr(workspace, { objective: 'New', teamId, domain: 'shared' }, { newId: () => 'okr-new' })
    const weekN1 = newWeek(workspace, W49, weekN)
    expect(listItems(weekN1).map((item) => [item.objective, item.status, item.atRiskWeeks])).toEqual([
      ['Keep', 'red', 2],
      ['New', 'unset', 0],
    ])
    expect(readItem(weekN1, added.id)!.trend).toEqual([{ weekId: W49, status: 'unset' }])
    expect(readItem(weekN, ids.Drop!)!.objective).toBe('Drop') // past weeks stay browsable
  })

  it('refuses to run again on a week with items, and a forced rerun does not count twice', () => {
    const { docs, okrId } = runWeeks(['red', 'red'])
    const [weekN, weekN1] = docs as [Y.Doc, Y.Doc]
    const { doc: workspace } = workspaceWith({})
    expect(() => createWeekFrom(weekN, workspace, weekN1, W49)).toThrow(ValidationError)
    expect(() => createWeekFrom(weekN, workspace, weekN1, W49)).toThrow(/already has 1 item;/)

    // Rebuild from the same workspace the week was made from, twice: the counter stays at 2.
    const fresh = workspaceWith({ 'Ship offline mode': 'product' })
    expect(fresh.ids['Ship offline mode']).toBe(okrId)
    setNote(weekN1, okrId, 'edited this week')
    const map = itemsMap(weekN1).get(okrId)
    createWeekFrom(weekN, fresh.doc, weekN1, W49, { force: true })
    createWeekFrom(weekN, fresh.doc, weekN1, W49, { force: true })
    expect(readItem(weekN1, okrId)).toMatchObject({ status: 'red', atRiskWeeks: 2, note: '' })
    expect(itemsMap(weekN1).get(okrId)).toBe(map) // rebuilt in place: row observers stay attached
  })

  it('refuses a previous week that is not earlier, a document of another week, and itself', () => {
    const { doc: workspace } = workspaceWith({ A: 'product' })
    const weekN1 = newWeek(workspace, W49)
    expect(() => createWeekFrom(weekN1, workspace, new Y.Doc(), W48)).toThrow(/previous week must come before/)
    expect(() => createWeekFrom(null, workspace, weekN1, '2026-W50' as WeekId, { force: true })).toThrow(/review of 2026-W49, not 2026-W50/)
    expect(() => createWeekFrom(weekN1, workspace, weekN1, W49, { force: true })).toThrow(/from itself/)
    expect(() => createWeekFrom(null, workspace, new Y.Doc(), '2026-W99' as WeekId)).toThrow(/not an ISO week/)
  })

  it('syncs a created week with OKRs added or renamed since, without touching statuses', () => {
    const { doc: workspace, ids, teamId } = workspaceWith({ A: 'product' })
    const week = newWeek(workspace, W48)
    setStatus(week, ids.A!, 'yellow')
    updateOkr(workspace, ids.A!, { objective: 'A, renamed' })
    const b = addOkr(workspace, { objective: 'B', teamId, domain: 'engineering' })
    // What the board offers before anyone applies it: nothing written yet.
    expect(workspaceDrift(workspace, week)).toEqual({ added: [b.id], updated: [ids.A!] })
    expect(readItem(week, ids.A!)?.objective).toBe('A')
    expect(syncWeekWithWorkspace(workspace, week)).toEqual({ added: 1, updated: 1 })
    expect(workspaceDrift(workspace, week)).toEqual({ added: [], updated: [] })
    expect(listItems(week).map((item) => [item.objective, item.status])).toEqual([
      ['A, renamed', 'yellow'],
      ['B', 'unset'],
    ])
    expect(syncWeekWithWorkspace(workspace, week)).toEqual({ added: 0, updated: 0 })
    expect(() => syncWeekWithWorkspace(workspace, new Y.Doc())).toThrow(/not been created/)
  })
})
