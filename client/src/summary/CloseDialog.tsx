import type { WeekId } from '@fourwall/shared'
import type * as Y from 'yjs'
import { BusyButton } from '../components/BusyButton.js'
import { Dialog } from '../components/Dialog.js'
import { FormProblem } from '../components/FormProblem.js'
import { useRequest } from '../hooks/useRequest.js'
import { weekLabel } from '../lib/weekLabel.js'
import type { SlackResult } from './slackResult.js'
import { closeWeek } from './summaryApi.js'
import { tallyWords, useWeekSummary } from './useWeekSummary.js'

interface Props {
  weekId: WeekId
  doc: Y.Doc
  onClosed(slack: SlackResult): void
  onCancel(): void
}

/** The confirm step of closing a review: what it is closed with, and that nothing can change afterwards. */
export function CloseDialog({ weekId, doc, onClosed, onCancel }: Props) {
  const summary = useWeekSummary(doc, weekId)
  const request = useRequest({ repeatable: true })
  const close = (): void => {
    void request.run(async () => onClosed(await closeWeek(weekId)))
  }

  return (
    <Dialog title="Close this review?" description={`${weekLabel(weekId)}: ${tallyWords(summary)}`} onClose={onCancel}>
      <div className="stack" data-close-dialog>
        <p className="notice close-dialog__warning">
          <span aria-hidden="true">⚠</span>
          <span>
            <strong>The week becomes read-only for everyone</strong>, leads included: no status, note or outcome can change
            after this, and it cannot be reopened. Its summary is then ready to share (and is posted to Slack when an admin
            has set that up).
          </span>
        </p>
        {summary.progress.left > 0 && (
          <p>
            {summary.progress.left} Red or Yellow item{summary.progress.left === 1 ? ' has' : 's have'} no outcome yet; the
            summary will say "none yet" for {summary.progress.left === 1 ? 'it' : 'them'}.
          </p>
        )}
        <FormProblem problem={request.problem} />
        <div className="form__actions">
          {/* Cancel first: it is the first button, so it gets focus when the dialog opens. */}
          <button type="button" className="button button--quiet" disabled={request.busy} onClick={onCancel}>
            Cancel
          </button>
          <BusyButton type="button" className="button button--danger" busy={request.busy} onClick={close}>
            Close the review
          </BusyButton>
        </div>
      </div>
    </Dialog>
  )
}
