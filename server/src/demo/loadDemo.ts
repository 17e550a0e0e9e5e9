/**
 * Writes the first-run demo (demoData.ts) into an empty installation: the workspace's teams and
 * OKRs, then three weekly reviews. The two past weeks are created by carry-over like any week,
 * given their statuses and outcomes, and closed with the signed marker; this week is carried over
 * from last week with no outcomes yet, so the leads can run the meeting on it straight away.
 *
 * Everything goes through the shared commands (addTeam, createWeekFrom, updateItem, recordOutcome),
 * so the demo is exactly what people would have produced by hand, counters and trends included, and
 * into loaded documents as the server (SERVER_ORIGIN), so anyone already looking sees it arrive.
 */
import type * as Y from 'yjs'
import {
  addOkr,
  addTeam,
  createWeekFrom,
  currentWeekId,
  mondayOf,
  okrsMap,
  recordOutcome,
  shiftWeek,
  teamsMap,
  updateItem,
  weekDocName,
  type OutcomeInput,
  type PersonRef,
  type WeekId,
} from '@fourwall/shared'
import type { Identity } from '../auth/tokens.js'
import type { Document } from '../sync/Document.js'
import { SERVER_ORIGIN } from '../weeks/WeekClosure.js'
import { DEMO_OKRS, DEMO_TEAMS, type DemoOkr, type DemoOutcome, type DemoTeam } from './demoData.js'

export interface DemoJob {
  /** Opens a document for the job (DocumentRegistry.use's `open`). */
  open: (name: string) => Promise<Document>
  /** Closes a week's review as a lead's close would, dated `at`. */
  closeWeek: (weekId: WeekId, at: Date) => Promise<void>
  /** Who loads the demo: the outcomes are recorded in their name. */
  by: Identity
  now?: Date
}

export interface DemoLoaded {
  /** The weeks written, oldest first; the last one is this week. */
  weeks: WeekId[]
  okrs: number
}

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** The demo is offered only to a workspace nobody has started: no team and no OKR, not even a malformed one. */
export function isWorkspaceEmpty(workspace: Y.Doc): boolean {
  return teamsMap(workspace).size === 0 && okrsMap(workspace).size === 0
}

/** A time on the Monday of `weekId` (UTC), or a date `days` after it. */
function onMonday(weekId: WeekId, hours: number, days = 0): Date {
  return new Date(mondayOf(weekId).getTime() + days * DAY_MS + hours * HOUR_MS)
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function outcomeInput(outcome: DemoOutcome, weekId: WeekId): OutcomeInput {
  if (outcome.kind === 'follow-up') return { kind: 'follow-up', owner: outcome.owner, due: isoDay(onMonday(weekId, 0, outcome.dueInDays)) }
  return outcome
}

/**
 * Adds the teams and the OKRs that exist from the first demo week. Synchronous on purpose: the
 * caller checks that the workspace is empty and calls this with no await in between, so two
 * concurrent loads cannot both pass the check.
 */
export function writeDemoWorkspace(workspace: Y.Doc): DemoIds {
  const ids: DemoIds = { teams: new Map(), okrs: new Map() }
  workspace.transact(() => {
    for (const name of DEMO_TEAMS) ids.teams.set(name, addTeam(workspace, name).id)
    addDemoOkrs(workspace, ids, (okr) => okr.weeks[0] !== null || okr.weeks[1] !== null)
  }, SERVER_ORIGIN)
  return ids
}

/** The ids the workspace gave the demo's teams and OKRs. */
interface DemoIds {
  teams: Map<DemoTeam, string>
  okrs: Map<DemoOkr, string>
}

function addDemoOkrs(workspace: Y.Doc, ids: DemoIds, which: (okr: DemoOkr) => boolean): void {
  for (const okr of DEMO_OKRS) {
    if (ids.okrs.has(okr) || !which(okr)) continue
    const teamId = ids.teams.get(okr.team)!
    ids.okrs.set(okr, addOkr(workspace, { objective: okr.objective, keyResults: okr.keyResults, teamId, domain: okr.domain }).id)
  }
}

/** Writes one week's statuses, notes, owners, asks and (past weeks only) outcomes. */
function writeDemoWeek(doc: Y.Doc, weekId: WeekId, index: 0 | 1 | 2, ids: Map<DemoOkr, string>, by: PersonRef): void {
  doc.transact(() => {
    for (const [okr, id] of ids) {
      const entry = okr.weeks[index]
      if (!entry) continue
      updateItem(doc, id, {
        status: entry.status,
        note: entry.note ?? '',
        owner: okr.owner,
        ask: entry.ask ?? '',
        due: entry.dueInDays === undefined ? null : isoDay(onMonday(weekId, 0, entry.dueInDays)),
      })
      if (entry.outcome) recordOutcome(doc, id, outcomeInput(entry.outcome, weekId), { by, now: onMonday(weekId, 10) })
    }
  }, SERVER_ORIGIN)
}

/**
 * Writes the whole demo. `workspace` must be loaded and empty, checked by the caller right before
 * (see writeDemoWorkspace). Every document is durable before this resolves.
 */
export async function loadDemo(workspace: Document, job: DemoJob): Promise<DemoLoaded> {
  const ids = writeDemoWorkspace(workspace.ydoc)
  const thisWeek = currentWeekId(job.now)
  const weeks: WeekId[] = [shiftWeek(thisWeek, -2), shiftWeek(thisWeek, -1), thisWeek]
  const by: PersonRef = { id: job.by.id, name: job.by.name }
  let previous: Y.Doc | null = null
  for (const [index, weekId] of weeks.entries()) {
    if (index === 2) {
      // New this quarter: added after last week's review, so this week's review gives them an
      // item without a status, as carry-over does for any new OKR.
      workspace.ydoc.transact(() => addDemoOkrs(workspace.ydoc, ids, () => true), SERVER_ORIGIN)
    }
    const document = await job.open(weekDocName(weekId))
    const doc = document.ydoc
    doc.transact(() => createWeekFrom(previous, workspace.ydoc, doc, weekId, { now: onMonday(weekId, 8) }), SERVER_ORIGIN)
    writeDemoWeek(doc, weekId, index as 0 | 1 | 2, ids.okrs, by)
    await document.whenPersisted()
    if (index < 2) await job.closeWeek(weekId, onMonday(weekId, 11))
    previous = doc
  }
  await workspace.whenPersisted()
  return { weeks, okrs: ids.okrs.size }
}
