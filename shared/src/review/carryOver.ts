/**
 * Creating a new week's review from the previous one. Every OKR in the workspace gets an item;
 * what it carries from last week's item of the same OKR:
 *
 * - status, note, owner, ask and due date, as they were (people update what changed; an item
 *   nobody touches keeps last week's status, so the trend shows "still Red", not a gap);
 * - the at-risk counter: an item that was Red or Yellow last week and whose outcome was not
 *   "resolved" brings its counter along (`streak` = last week's `atRiskWeeks`), so if it is still
 *   Red or Yellow this week its counter is one more. Red with counter 1 in week N, unresolved, is
 *   Red with counter 2 in week N+1. A resolved, Green or unset item brings 0 (status.ts has the
 *   full rule);
 * - the trend: last week's trend (its last 7 entries), to which this week's status is added.
 *
 * Not carried: outcomes (each week's discussion decides afresh), and items whose OKR was removed
 * from the workspace (past weeks keep them). An OKR with no item last week starts unset, at 0.
 * The OKR's objective, key results, team and domain are copied from the workspace as it is now.
 *
 * Everything is computed from the previous week and the workspace, never from the new week's own
 * values, so running it again (with `force`) gives the same counters instead of counting twice.
 * Without `force` it refuses a week that already has items, since rebuilding would replace this
 * week's edits. Two people creating the same week at once write the same values under the same
 * keys, and Yjs keeps one of each, so they converge on one week.
 */
import type * as Y from 'yjs'
import { isWeekId, mondayOf, type WeekId } from '../week.js'
import { ValidationError } from './errors.js'
import { assertWeekOpen, itemsMap, readItem, readReviewInfo, reviewMap, type ReviewItem } from './items.js'
import { isAtRisk, TREND_WEEKS, type TrendEntry } from './status.js'
import { listOkrs, readOkr, readTeam, type Okr } from './workspace.js'
import { childMap, childMaps, newEntry, sameValue, setIfChanged } from './ymaps.js'

export interface CreateWeekOptions {
  /** Rebuild a week that already has items, replacing this week's edits and outcomes. */
  force?: boolean
  now?: Date
}

export interface CreateWeekResult {
  weekId: WeekId
  createdFrom: WeekId | null
  /** Items written: one per OKR in the workspace. */
  items: number
  /** Of those, the items that had an item last week to carry from. */
  carried: number
}

/** The fields an item copies from its OKR; refreshed by syncWeekWithWorkspace. */
function snapshotOf(workspace: Y.Doc, okr: Okr): Record<string, unknown> {
  return {
    objective: okr.objective,
    keyResults: okr.keyResults,
    teamId: okr.teamId,
    teamName: readTeam(workspace, okr.teamId)?.name ?? '',
    domain: okr.domain,
    order: okr.order,
  }
}

/** This week's item for an OKR, given last week's item of the same OKR (or none). */
export function carriedFields(previous: ReviewItem | null): Record<string, unknown> {
  if (!previous) return { status: 'unset', note: '', owner: '', ask: '', due: null, outcome: null, streak: 0, history: [] }
  const unresolved = previous.outcome?.kind !== 'resolved'
  const history: TrendEntry[] = previous.trend.slice(-(TREND_WEEKS - 1))
  return {
    status: previous.status,
    note: previous.note,
    owner: previous.owner,
    ask: previous.ask,
    due: previous.due,
    outcome: null,
    streak: isAtRisk(previous.status) && unresolved ? previous.atRiskWeeks : 0,
    history,
  }
}

export function createWeekFrom(
  previous: Y.Doc | null,
  workspace: Y.Doc,
  target: Y.Doc,
  weekId: WeekId,
  options: CreateWeekOptions = {},
): CreateWeekResult {
  if (!isWeekId(weekId)) throw new ValidationError(`${String(weekId)} is not an ISO week such as 2026-W48.`)
  if (previous === target) throw new ValidationError('A week cannot be carried over from itself.')
  assertWeekOpen(target)
  const targetInfo = readReviewInfo(target)
  if (targetInfo && targetInfo.weekId !== weekId) throw new ValidationError(`This document is the review of ${targetInfo.weekId}, not ${weekId}.`)
  const previousWeek = previous ? (readReviewInfo(previous)?.weekId ?? null) : null
  if (previousWeek && mondayOf(previousWeek).getTime() >= mondayOf(weekId).getTime()) {
    throw new ValidationError(`${weekId} cannot be carried over from ${previousWeek}: the previous week must come before it.`)
  }
  const existing = childMaps(itemsMap(target)).length
  if (existing > 0 && !options.force) {
    throw new ValidationError(`${weekId} already has ${existing} item${existing === 1 ? '' : 's'}; creating it again would replace this week's edits.`)
  }

  const okrs = listOkrs(workspace)
  let carried = 0
  target.transact(() => {
    const items = itemsMap(target)
    const keep = new Set(okrs.map((okr) => okr.id))
    for (const [id] of childMaps(items)) if (!keep.has(id)) items.delete(id)
    for (const okr of okrs) {
      const last = previous ? readItem(previous, okr.id) : null
      if (last) carried++
      const fields = { ...snapshotOf(workspace, okr), ...carriedFields(last) }
      const map = childMap(items, okr.id)
      if (!map) items.set(okr.id, newEntry(fields))
      // Rebuilding in place keeps each item's Y.Map, so row observers stay attached.
      else for (const [key, value] of Object.entries(fields)) setIfChanged(map, key, value)
    }
    const review = reviewMap(target)
    setIfChanged(review, 'weekId', weekId)
    setIfChanged(review, 'createdFrom', previousWeek)
    if (!review.has('createdAt') || options.force) review.set('createdAt', (options.now ?? new Date()).toISOString())
  })
  return { weekId, createdFrom: previousWeek, items: okrs.length, carried }
}

/** What bringing a week up to date with the workspace would do: OKRs to add, items to refresh. */
export interface WorkspaceDrift {
  added: string[]
  updated: string[]
}

/**
 * Compares a week with the workspace without writing: the OKRs added since the week was created,
 * and the items whose objective, key results, team, domain or order changed since. The board uses
 * it to offer "bring this week up to date"; syncWeekWithWorkspace applies the same comparison.
 */
export function workspaceDrift(workspace: Y.Doc, target: Y.Doc): WorkspaceDrift {
  const drift: WorkspaceDrift = { added: [], updated: [] }
  const items = itemsMap(target)
  for (const okr of listOkrs(workspace)) {
    const map = childMap(items, okr.id)
    if (!map) drift.added.push(okr.id)
    else if (Object.entries(snapshotOf(workspace, okr)).some(([key, value]) => !sameValue(map.get(key), value))) drift.updated.push(okr.id)
  }
  return drift
}

/**
 * Brings an open week up to date with the workspace: OKRs added since the week was created get an
 * item (unset, counter 0), and existing items take the OKR's current objective, key results, team
 * and domain. Statuses, notes and outcomes are never touched, and items of removed OKRs stay (the
 * review may already have discussed them). Meant for the current week; a closed week refuses.
 */
export function syncWeekWithWorkspace(workspace: Y.Doc, target: Y.Doc): { added: number; updated: number } {
  assertWeekOpen(target)
  if (!readReviewInfo(target)) throw new ValidationError('This week has not been created yet: create it from the previous week first.')
  const drift = workspaceDrift(workspace, target)
  target.transact(() => {
    const items = itemsMap(target)
    for (const okrId of [...drift.added, ...drift.updated]) {
      const okr = readOkr(workspace, okrId)!
      const snapshot = snapshotOf(workspace, okr)
      const map = childMap(items, okrId)
      if (!map) items.set(okrId, newEntry({ ...snapshot, ...carriedFields(null) }))
      else for (const [key, value] of Object.entries(snapshot)) setIfChanged(map, key, value)
    }
  })
  return { added: drift.added.length, updated: drift.updated.length }
}
