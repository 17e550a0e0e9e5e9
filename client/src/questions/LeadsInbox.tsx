import { otherLead, ownersCall, leadName, ROLE_LABELS, type LeadRole, type Question } from '@fourwall/shared'
import { useState, type ReactNode } from 'react'
import { AnswerForm } from './AnswerForm.js'
import { QuestionCard } from './QuestionCard.js'
import { QuestionsDialog } from './QuestionsDialog.js'
import type { Questions } from './useQuestions.js'

/** How many answered questions the inbox keeps on show, newest first. */
const ANSWERED_SHOWN = 20

/**
 * A lead's inbox: a header button that counts the open questions theirs to answer, opening every
 * open question. Their own come with an answer box; the other lead's are shown too, as "Sam’s
 * call", with no box (the server would refuse the answer anyway): the unified front in practice.
 */
export function LeadsInbox({ role, questions }: { role: LeadRole; questions: Questions }) {
  const [open, setOpen] = useState(false)
  const mine = (questions.questions ?? []).filter((question) => question.answer === null && question.ownerRole === role)
  return (
    <>
      {/* Filled while something waits for this lead, quiet otherwise; the count is said in words too. */}
      <button
        type="button"
        className={`button button--small${mine.length === 0 ? ' button--quiet' : ''}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-leads-inbox
        data-open-count={mine.length}
      >
        Inbox
        {mine.length === 0 ? (
          <span className="visually-hidden">, nothing to answer</span>
        ) : (
          <span className="badge questions-badge">
            {mine.length}
            <span className="visually-hidden"> to answer</span>
          </span>
        )}
      </button>
      {open && <InboxDialog role={role} questions={questions} onClose={() => setOpen(false)} />}
    </>
  )
}

function InboxDialog({ role, questions, onClose }: { role: LeadRole; questions: Questions; onClose(): void }) {
  const all = questions.questions
  const other = otherLead(role)
  const { leads } = questions
  const mine = all?.filter((question) => question.answer === null && question.ownerRole === role) ?? []
  const theirs = all?.filter((question) => question.answer === null && question.ownerRole === other) ?? []
  const answered = all?.filter((question) => question.answer !== null).slice(0, ANSWERED_SHOWN) ?? []
  const otherName = leadName(leads, other) ?? `the ${ROLE_LABELS[other]}`

  return (
    <QuestionsDialog
      title="Questions to the leads"
      description="Each question goes to the lead who owns its domain. The other lead sees it and supports that call."
      kind="inbox"
      questions={questions}
      onClose={onClose}
    >
      {all === null ? null : (
        <>
          <InboxSection
            id="inbox-mine"
            title={`Yours to answer (${mine.length})`}
            empty="Nothing to answer. When someone asks about one of your domains, it appears here at once."
            questions={mine}
            kind="mine"
            render={(question) => (
              <QuestionCard key={question.id} question={question} leads={leads} showAsker>
                <AnswerForm store={questions.store} question={question} />
              </QuestionCard>
            )}
          />
          <InboxSection
            id="inbox-theirs"
            title={`${ownersCall(other, leads)} (${theirs.length})`}
            empty={`Nothing open in ${otherName}’s domains.`}
            questions={theirs}
            kind="theirs"
            render={(question) => (
              <QuestionCard key={question.id} question={question} leads={leads} showAsker>
                <p className="question-card__defer" data-others-call>
                  {ownersCall(other, leads)}: {otherName} answers this, and you support that call.
                </p>
              </QuestionCard>
            )}
          />
          <InboxSection
            id="inbox-answered"
            title={`Answered (${answered.length})`}
            empty="No answered questions yet."
            questions={answered}
            kind="answered"
            render={(question) => <QuestionCard key={question.id} question={question} leads={leads} showAsker />}
          />
        </>
      )}
    </QuestionsDialog>
  )
}

interface SectionProps {
  id: string
  title: string
  empty: string
  questions: Question[]
  kind: 'mine' | 'theirs' | 'answered'
  render(question: Question): ReactNode
}

function InboxSection({ id, title, empty, questions, kind, render }: SectionProps) {
  return (
    <section className="inbox-section" aria-labelledby={id} data-inbox={kind}>
      <h3 id={id}>{title}</h3>
      {questions.length === 0 ? (
        <p className="empty" data-empty={`inbox-${kind}`}>
          {empty}
        </p>
      ) : (
        <ul className="stack-list question-list">{questions.map(render)}</ul>
      )}
    </section>
  )
}
