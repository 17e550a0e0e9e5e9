import { leadName, QUESTION_KIND_LABELS, ROLE_LABELS, type LeadNameList, type LeadRole, type Question } from '@fourwall/shared'
import type { ReactNode } from 'react'
import { StatusIcon } from '../components/StatusIcon.js'

/** "the Engineering Lead (Sam Okafor)", or the role alone while nobody holds it. */
export function leadWithName(role: LeadRole, leads: LeadNameList): string {
  const name = leadName(leads, role)
  return `the ${ROLE_LABELS[role]}${name ? ` (${name})` : ''}`
}

/** "the Engineering Lead’s call (Sam Okafor)". */
export function leadsCall(role: LeadRole, leads: LeadNameList): string {
  const name = leadName(leads, role)
  return `the ${ROLE_LABELS[role]}’s call${name ? ` (${name})` : ''}`
}

function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' })
}

interface Props {
  question: Question
  leads: LeadNameList
  /** Show who asked (the leads' inbox); the asker's own list leaves it out. */
  showAsker?: boolean
  /** Below the question: an answer box, or whose call it is. */
  children?: ReactNode
}

/**
 * One question as the asker and the leads see it: its kind and domain, who owns the call, the text,
 * and the answer once there is one. Answered or waiting is said in words beside an icon.
 */
export function QuestionCard({ question, leads, showAsker = false, children }: Props) {
  const { answer } = question
  return (
    <li className="question-card" data-question-id={question.id} data-answered={answer !== null}>
      <p className="question-card__meta">
        <span className="badge question-card__kind">{QUESTION_KIND_LABELS[question.kind]}</span>{' '}
        <strong>{question.domainName}</strong>
        <span className="muted">
          {' '}
          · {ROLE_LABELS[question.ownerRole]}’s domain
          {showAsker && (
            <>
              {' '}
              · asked by {question.askerName} ({ROLE_LABELS[question.askerRole]})
            </>
          )}{' '}
          · {when(question.askedAt)}
        </span>
      </p>
      <p className="question-card__text">{question.text}</p>
      {answer ? (
        <div className="question-card__answer" data-answer>
          <p className="question-card__answered-by">
            <StatusIcon kind="on-track" /> <strong>Answered by {answer.byName}</strong> <span className="muted">· {when(answer.at)}</span>
          </p>
          <p className="question-card__text">{answer.text}</p>
        </div>
      ) : (
        <p className="question-card__waiting muted" data-waiting>
          <StatusIcon kind="unknown" /> Waiting for an answer from {leadWithName(question.ownerRole, leads)}.
        </p>
      )}
      {children}
    </li>
  )
}
