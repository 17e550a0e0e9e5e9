import { isWeekId, type WeekId } from './week.js'

/**
 * Names of the Yjs documents the board is made of. The sync endpoint is `/yjs/<name>`; the server
 * refuses any name that is not one of these shapes, so a client cannot create arbitrary rooms.
 */
export const WORKSPACE_DOC = 'workspace'

export function weekDocName(weekId: WeekId): string {
  return `week:${weekId}`
}

/**
 * The week's leadership-private document (notes, draft decisions, "needs alignment" flags). Only
 * the leads and their chiefs of staff can open it; content reaches the public week document only
 * when published.
 */
export function privateDocName(weekId: WeekId): string {
  return `week:${weekId}:private`
}

export type DocKind = { kind: 'workspace' } | { kind: 'week'; weekId: WeekId } | { kind: 'private'; weekId: WeekId }

export function parseDocName(name: string): DocKind | null {
  if (name === WORKSPACE_DOC) return { kind: 'workspace' }
  const match = /^week:([^:]+)(:private)?$/.exec(name)
  if (!match || !isWeekId(match[1])) return null
  return match[2] ? { kind: 'private', weekId: match[1] } : { kind: 'week', weekId: match[1] }
}
