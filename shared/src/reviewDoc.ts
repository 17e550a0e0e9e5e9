/**
 * Typed access to the parts of a week's documents that the server itself writes. The review board
 * model (items, statuses, agenda) grows here with the Monday review work.
 */
import type * as Y from 'yjs'

/** Document-wide facts, such as whether the week's review is closed. */
export const META_MAP = 'meta'
export const CLOSED_KEY = 'closed'

/** Who closed the week and when. The server also stores a signature; only it can verify one. */
export interface WeekClosedInfo {
  at: string
  by: string
  byName: string
}

/** The close marker as written into the document, or null while the week is open. */
export function readWeekClosed(doc: Y.Doc): (WeekClosedInfo & { sig?: unknown }) | null {
  const raw = doc.getMap(META_MAP).get(CLOSED_KEY) as Record<string, unknown> | undefined
  if (!raw || typeof raw !== 'object') return null
  const { at, by, byName } = raw
  if (typeof at !== 'string' || typeof by !== 'string' || typeof byName !== 'string') return null
  return { at, by, byName, sig: raw.sig }
}
