/** Small builders shared by the review-*.test.ts files: real Y.Docs, deterministic ids. */
import * as Y from 'yjs'
import { addOkr, addTeam, createWeekFrom, type Domain, type NewId, type WeekId } from '@fourwall/shared'

export function counterIds(prefix = 'id'): NewId {
  let next = 0
  return () => `${prefix}-${++next}`
}

export const LEAD = { id: 'person-pat', name: 'Pat Product' }

/** A workspace with two teams and the given OKRs (objective → domain), in that order. */
export function workspaceWith(objectives: Record<string, Domain>): { doc: Y.Doc; ids: Record<string, string>; teamId: string } {
  const doc = new Y.Doc()
  const newId = counterIds('w')
  const team = addTeam(doc, 'Mobile', { newId })
  addTeam(doc, 'Platform', { newId })
  const ids: Record<string, string> = {}
  for (const [objective, domain] of Object.entries(objectives)) {
    ids[objective] = addOkr(doc, { objective, keyResults: [], teamId: team.id, domain }, { newId }).id
  }
  return { doc, ids, teamId: team.id }
}

/** A new week document created from `previous` (or from nothing). */
export function newWeek(workspace: Y.Doc, weekId: WeekId, previous: Y.Doc | null = null): Y.Doc {
  const doc = new Y.Doc()
  createWeekFrom(previous, workspace, doc, weekId, { now: new Date('2026-11-23T09:00:00Z') })
  return doc
}

/** Exchanges the two documents' missing updates, like two clients after a sync round. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}
