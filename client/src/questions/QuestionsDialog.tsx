import type { ReactNode } from 'react'
import { Dialog } from '../components/Dialog.js'
import { StatusIcon } from '../components/StatusIcon.js'
import type { Questions } from './useQuestions.js'

interface Props {
  title: string
  description: string
  /** Which dialog it is ("ask", "inbox"), for data-questions-dialog. */
  kind: string
  questions: Questions
  onClose(): void
  children: ReactNode
}

/**
 * The ask and inbox dialogs around their content: the connection said in words while it is not
 * live (a question typed offline would otherwise seem lost), and a Close button at the end.
 */
export function QuestionsDialog({ title, description, kind, questions, onClose, children }: Props) {
  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <div className="questions-dialog" data-questions-dialog={kind}>
        {questions.status !== 'live' && <ConnectionLine status={questions.status} problem={questions.problem} />}
        {children}
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}

/** Said in words while the questions' connection is not live (connecting, offline, signed out). */
function ConnectionLine({ status, problem }: { status: Questions['status']; problem: string | null }) {
  return (
    <p className={`notice${problem ? ' notice--problem' : ''}`} role="status" data-questions-connection={status}>
      <StatusIcon kind={status === 'connecting' ? 'connecting' : 'offline'} />
      <span>{problem ?? (status === 'connecting' ? 'Connecting to the server…' : 'Offline: questions and answers arrive once the connection is back.')}</span>
    </p>
  )
}
