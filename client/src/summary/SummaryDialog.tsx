import type { WeekId } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { BusyButton } from '../components/BusyButton.js'
import { Dialog } from '../components/Dialog.js'
import { FormProblem } from '../components/FormProblem.js'
import { ListFailed, ListLoading } from '../components/admin/Loaded.js'
import { useRequest } from '../hooks/useRequest.js'
import { isAbort, problemSentence } from '../lib/api.js'
import { weekLabel } from '../lib/weekLabel.js'
import { CopyMarkdown } from './CopyMarkdown.js'
import type { SlackResult } from './slackResult.js'
import { fetchSummary, postSummaryToSlack, type SummaryAnswer } from './summaryApi.js'

interface Props {
  weekId: WeekId
  /** Whether the week is closed: an open week's summary is a preview that may still change. */
  closed: boolean
  /** The leads may post it to Slack (again). */
  mayPost: boolean
  /** What closing the week just did with Slack; undefined when the dialog was opened later. */
  closedSlack?: SlackResult
  onClose(): void
}

type Loading = { status: 'loading' } | { status: 'failed'; problem: string } | { status: 'ready'; answer: SummaryAnswer }

/** The week's summary as Markdown: read it, copy it, and (the leads) post it to Slack. */
export function SummaryDialog({ weekId, closed, mayPost, closedSlack, onClose }: Props) {
  const [loading, setLoading] = useState<Loading>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const controller = new AbortController()
    setLoading({ status: 'loading' })
    fetchSummary(weekId, controller.signal).then(
      (answer) => {
        if (!controller.signal.aborted) setLoading({ status: 'ready', answer })
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setLoading({ status: 'failed', problem: problemSentence(error) })
      },
    )
    return () => controller.abort()
  }, [weekId, attempt])

  return (
    <Dialog
      title={`Summary of ${weekLabel(weekId)}`}
      description={closed ? 'The review is closed: this is what it decided.' : 'A preview: the review is still open, so this may still change.'}
      onClose={onClose}
    >
      <div className="stack summary-dialog" data-summary-markdown={loading.status === 'ready' ? loading.answer.markdown : undefined}>
        {closedSlack !== undefined && <ClosedNotice slack={closedSlack} />}
        {loading.status === 'loading' && <ListLoading what="the summary" />}
        {loading.status === 'failed' && <ListFailed what="the summary" problem={loading.problem} onRetry={() => setAttempt((n) => n + 1)} />}
        {loading.status === 'ready' && (
          <>
            <pre className="summary-dialog__markdown" tabIndex={0} aria-label="The summary in Markdown" data-summary-text>
              {loading.answer.markdown}
            </pre>
            {mayPost && !loading.answer.slackConfigured && (
              <p className="muted small">Slack is not set up: an admin can add a channel under Admin → Settings.</p>
            )}
          </>
        )}
        <div className="form__actions">
          {loading.status === 'ready' && <CopyMarkdown markdown={loading.answer.markdown} />}
          {/* The server posts a closed week's summary only: a preview is not news yet. */}
          {loading.status === 'ready' && mayPost && closed && loading.answer.slackConfigured && <PostToSlack weekId={weekId} />}
          <button type="button" className="button button--quiet" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  )
}

/** Right after closing: the week is read-only now, and what became of the Slack post. */
function ClosedNotice({ slack }: { slack: SlackResult }) {
  return (
    <div className="stack" data-closed-slack={slack === null ? 'not-configured' : slack.posted ? 'posted' : 'failed'}>
      <p role="status" className="notice">
        <span aria-hidden="true">✓</span> The review is closed. It stays readable; nothing can be changed.
      </p>
      {slack?.posted === true && (
        <p className="notice summary-dialog__posted">
          <span aria-hidden="true">✓</span> The summary was posted to Slack.
        </p>
      )}
      {slack?.posted === false && <FormProblem problem={`The summary was not posted to Slack: ${sentence(slack.error)} You can post it again below.`} />}
    </div>
  )
}

function PostToSlack({ weekId }: { weekId: WeekId }) {
  const request = useRequest({ repeatable: true })
  const [posted, setPosted] = useState(false)
  const post = (): void => {
    setPosted(false)
    void request.run(async () => {
      await postSummaryToSlack(weekId)
      setPosted(true)
    })
  }
  return (
    <>
      <BusyButton type="button" className="button button--quiet" busy={request.busy} onClick={post}>
        Post to Slack
      </BusyButton>
      <span role="status" className="summary-dialog__result" data-slack-post={posted ? 'posted' : undefined}>
        {posted && (
          <>
            <span aria-hidden="true">✓ </span>Posted to Slack
          </>
        )}
      </span>
      <FormProblem problem={request.problem ? `Not posted to Slack: ${sentence(request.problem)}` : null} />
    </>
  )
}

/** A reason as a sentence with its full stop, whether or not the server ended it with one. */
function sentence(reason: string): string {
  return /[.!?]$/.test(reason.trim()) ? reason.trim() : `${reason.trim()}.`
}
