/**
 * Closing a week's review. The close is recorded inside both of the week's documents as a marker
 * signed with the server secret, so it is durable, travels with the documents (to every process,
 * whatever the storage), and cannot be forged by a client writing into a document: only a marker
 * whose signature verifies counts. Once closed, the server makes every connection read-only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type * as Y from 'yjs'
import { CLOSED_KEY, META_MAP, privateDocName, readWeekClosed, weekDocName, type WeekClosedInfo, type WeekId } from '@fourwall/shared'
import type { Identity } from '../auth/tokens.js'

export interface ClosedMark extends WeekClosedInfo {
  sig: string
}

/** Origin of the server's own transactions (not any connection's). */
export const SERVER_ORIGIN = Symbol('fourwall-server')

export class WeekClosure {
  constructor(private readonly secret: string) {}

  /** Both documents of a week: closing one closes the other. */
  static documentsOf(weekId: WeekId): [string, string] {
    return [weekDocName(weekId), privateDocName(weekId)]
  }

  /** The verified close marker of a document, or null when it is open (or the marker is forged). */
  closedMark(docName: string, doc: Y.Doc): ClosedMark | null {
    const raw = readWeekClosed(doc)
    if (!raw || typeof raw.sig !== 'string') return null
    const expected = Buffer.from(this.sign(docName, raw.at, raw.by, raw.byName))
    const given = Buffer.from(raw.sig)
    return expected.length === given.length && timingSafeEqual(expected, given) ? { ...raw, sig: raw.sig } : null
  }

  /** Writes a signed close marker into a loaded document as the server. */
  close(docName: string, doc: Y.Doc, by: Identity, at = new Date()): ClosedMark {
    const existing = this.closedMark(docName, doc)
    if (existing) return existing
    const iso = at.toISOString()
    const mark: ClosedMark = { at: iso, by: by.id, byName: by.name, sig: this.sign(docName, iso, by.id, by.name) }
    doc.transact(() => doc.getMap(META_MAP).set(CLOSED_KEY, mark), SERVER_ORIGIN)
    return mark
  }

  private sign(docName: string, at: string, by: string, byName: string): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(['week-closed', docName, at, by, byName])).digest('base64url')
  }
}
