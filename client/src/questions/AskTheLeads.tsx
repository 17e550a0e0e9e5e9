import { useEffect, useState } from 'react'
import { useWorkspaceDoc } from '../hooks/useWorkspaceDoc.js'
import { useOwnedDomains } from '../domains/useOwnedDomains.js'
import { AskForm } from './AskForm.js'
import { MyQuestions } from './MyQuestions.js'
import { QuestionsDialog } from './QuestionsDialog.js'
import type { Questions } from './useQuestions.js'

/**
 * "Ask the leads", for everyone who may ask but does not answer (team leads above all): a button in
 * the board's header that opens the form and this person's questions. An answer that arrives while
 * the dialog is closed is counted on the button ("1 new answer") until the dialog is opened.
 */
export function AskTheLeads({ questions }: { questions: Questions }) {
  const [open, setOpen] = useState(false)
  const answered = (questions.questions ?? []).filter((question) => question.answer !== null).map((question) => question.id)
  // Answers already there when the page loaded are not news; neither is anything seen in the dialog.
  const [seen, setSeen] = useState<ReadonlySet<string> | null>(null)
  const answeredKey = answered.join(' ')
  useEffect(() => {
    if (questions.questions === null) return
    if (seen === null || open) setSeen(new Set(answered))
    // answeredKey stands for `answered`, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [questions.questions === null, answeredKey, open])
  const fresh = seen === null ? 0 : answered.filter((id) => !seen.has(id)).length

  return (
    <>
      <button type="button" className="button button--small" aria-haspopup="dialog" onClick={() => setOpen(true)} data-ask-the-leads>
        Ask the leads
        {fresh > 0 && (
          <span className="badge questions-badge" data-new-answers={fresh}>
            {fresh} new answer{fresh === 1 ? '' : 's'}
          </span>
        )}
      </button>
      {open && <AskDialog questions={questions} onClose={() => setOpen(false)} />}
    </>
  )
}

function AskDialog({ questions, onClose }: { questions: Questions; onClose(): void }) {
  // Opened only while the dialog is: the domain map is live as long as it is on screen.
  const workspace = useWorkspaceDoc()
  const domains = useOwnedDomains(workspace)
  return (
    <QuestionsDialog
      title="Ask the leads"
      description="Your question goes to the lead who owns its domain; the other lead sees it and supports that call. Only you and the two leads see it."
      kind="ask"
      questions={questions}
      onClose={onClose}
    >
      <AskForm store={questions.store} domains={domains} leads={questions.leads} />
      <MyQuestions questions={questions.questions} leads={questions.leads} />
    </QuestionsDialog>
  )
}
