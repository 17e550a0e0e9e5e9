/**
 * CONTRACT (owned by the summary engineer; the board header imports it): the "Close review" button
 * for the leads (confirm step, POST /api/weeks/:weekId/close) and, once the week is closed, a
 * "Summary" button opening the summary dialog (Markdown preview, Copy Markdown, Post to Slack).
 */
import type { WeekClosedInfo, WeekId } from '@fourwall/shared'
import type * as Y from 'yjs'
import type { Identity } from '../lib/identity.js'

export interface CloseReviewProps {
  weekId: WeekId
  /** The week's public document (synced), read for the summary. */
  doc: Y.Doc
  identity: Identity
  closed: WeekClosedInfo | null
}

export function CloseReview(_props: CloseReviewProps) {
  return null
}
