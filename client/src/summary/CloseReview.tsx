/**
 * CONTRACT (owned by the summary engineer; the board header imports it): the "Close review" button
 * for the leads (confirm step, POST /api/weeks/:weekId/close) and, once the week is closed, a
 * "Summary" button opening the summary dialog (Markdown preview, Copy Markdown, Post to Slack).
 */
import { can, isLeadership, type WeekClosedInfo, type WeekId } from '@fourwall/shared'
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { Identity } from '../lib/identity.js'
import { CloseDialog } from './CloseDialog.js'
import type { SlackResult } from './slackResult.js'
import { SummaryDialog } from './SummaryDialog.js'
import { useHasReview } from './useHasReview.js'

export interface CloseReviewProps {
  weekId: WeekId
  /** The week's public document (synced), read for the summary. */
  doc: Y.Doc
  identity: Identity
  closed: WeekClosedInfo | null
}

type Open = { dialog: 'none' } | { dialog: 'close' } | { dialog: 'summary'; closedSlack?: SlackResult }

export function CloseReview({ weekId, doc, identity, closed }: CloseReviewProps) {
  const [open, setOpen] = useState<Open>({ dialog: 'none' })
  const hasReview = useHasReview(doc)
  const mayClose = can(identity.role, 'week.close')
  // Everyone may read a closed week's summary; while it is open, leadership previews it.
  const maySeeSummary = closed !== null || isLeadership(identity.role)
  const done = (): void => setOpen({ dialog: 'none' })
  const summaryButton = useRef<HTMLButtonElement>(null)
  // A dialog gives focus back to the button that opened it; after closing the week that was "Close
  // review", which is gone now. Keyboard users carry on from "Summary" rather than the page's top.
  const hadDialog = useRef(false)
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body
    if (open.dialog === 'none' && hadDialog.current && lost) summaryButton.current?.focus()
    hadDialog.current = open.dialog !== 'none'
  }, [open.dialog])
  // A week nobody has created a review for has nothing to close or summarise (the board offers to create it).
  if (!hasReview && open.dialog === 'none') return null

  return (
    <div className="close-review" data-close-review>
      {mayClose && !closed && (
        <button type="button" className="button button--small button--danger" aria-haspopup="dialog" onClick={() => setOpen({ dialog: 'close' })}>
          Close review
        </button>
      )}
      {maySeeSummary && (
        <button
          ref={summaryButton}
          type="button"
          className="button button--small button--quiet"
          aria-haspopup="dialog"
          onClick={() => setOpen({ dialog: 'summary' })}
        >
          Summary
        </button>
      )}
      {open.dialog === 'close' && (
        <CloseDialog weekId={weekId} doc={doc} onCancel={done} onClosed={(slack) => setOpen({ dialog: 'summary', closedSlack: slack })} />
      )}
      {open.dialog === 'summary' && (
        <SummaryDialog
          weekId={weekId}
          // Just closed here: the marker may reach this page a moment after the answer did.
          closed={closed !== null || open.closedSlack !== undefined}
          mayPost={mayClose}
          closedSlack={open.closedSlack}
          onClose={done}
        />
      )}
    </div>
  )
}
