import { isWeekId, type WeekId } from './week.js'

/**
 * Names of the Yjs documents the board is made of. The sync endpoint is `/yjs/<name>`; the server
 * refuses any name that is not one of these shapes, so a client cannot create arbitrary rooms.
 */
export const WORKSPACE_DOC = 'workspace'

export function weekDocName(weekId: WeekId): string {
  return `week:${weekId}`
}

export type DocKind = { kind: 'workspace' } | { kind: 'week'; weekId: WeekId }

export function parseDocName(name: string): DocKind | null {
  if (name === WORKSPACE_DOC) return { kind: 'workspace' }
  if (name.startsWith('week:')) {
    const weekId = name.slice('week:'.length)
    if (isWeekId(weekId)) return { kind: 'week', weekId }
  }
  return null
}
