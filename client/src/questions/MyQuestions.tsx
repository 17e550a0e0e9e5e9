import type { LeadNameList, Question } from '@fourwall/shared'
import { StatusIcon } from '../components/StatusIcon.js'
import { QuestionCard } from './QuestionCard.js'

interface Props {
  /** Null until the list has arrived. */
  questions: Question[] | null
  leads: LeadNameList
}

/** What this person asked, newest first; an answer appears in place the moment a lead sends it. */
export function MyQuestions({ questions, leads }: Props) {
  const open = questions?.filter((question) => question.answer === null).length ?? 0
  return (
    <section className="my-questions" aria-labelledby="my-questions-heading" data-my-questions>
      <h3 id="my-questions-heading">
        My questions{' '}
        {questions && questions.length > 0 && (
          <span className="muted small">
            ({questions.length} asked, {open} waiting)
          </span>
        )}
      </h3>
      {questions === null ? (
        <p role="status" className="loading" aria-busy="true">
          <StatusIcon kind="connecting" /> Loading your questions…
        </p>
      ) : questions.length === 0 ? (
        <p className="empty" data-empty="my-questions">
          You have not asked the leads anything yet. Only you and the two leads see what you ask.
        </p>
      ) : (
        <ul className="stack-list question-list">
          {questions.map((question) => (
            <QuestionCard key={question.id} question={question} leads={leads} />
          ))}
        </ul>
      )}
    </section>
  )
}
