import { parseAskPayload, QUESTION_TEXT_MAX, ROLE_LABELS, type Deferral, type LeadNameList, type OwnedDomain, type Question, type QuestionKind } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import { BusyButton } from '../components/BusyButton.js'
import { FormProblem } from '../components/FormProblem.js'
import { StatusIcon } from '../components/StatusIcon.js'
import { leadsCall, leadWithName } from './QuestionCard.js'
import type { QuestionStore } from './QuestionStore.js'

interface Props {
  store: QuestionStore
  /** The workspace's domain map; null while it loads. */
  domains: OwnedDomain[] | null
  leads: LeadNameList
}

const TEXT_LABELS: Record<QuestionKind, string> = {
  question: 'Your question',
  'decision-request': 'The decision you need',
}

/**
 * Choose a domain (its owner is named at once), a question or a request for a decision, and the
 * words. The server routes it to the domain's owner; what comes back is said in the deferral line:
 * whose call it is, and that the other lead supports it.
 */
export function AskForm({ store, domains, leads }: Props) {
  const id = useId()
  const [domainId, setDomainId] = useState('')
  const [kind, setKind] = useState<QuestionKind>('question')
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [sent, setSent] = useState<{ deferral: Deferral; question: Question } | null>(null)
  const chosen = domains?.find((domain) => domain.id === domainId) ?? null

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    setSent(null)
    if (!chosen) {
      setProblem('Choose the domain your question is about: it decides which lead answers.')
      return
    }
    // The same rule the server applies, so the sentence comes before the round trip.
    const checked = parseAskPayload({ domainId, kind, text })
    if (!checked.ok) {
      setProblem(checked.error)
      return
    }
    setBusy(true)
    const result = await store.ask(domainId, kind, text)
    setBusy(false)
    if (!result.ok) {
      setProblem(result.error)
      return
    }
    setProblem(null)
    setText('')
    setSent({ deferral: result.deferral, question: result.question })
  }

  if (domains === null) {
    return (
      <p role="status" className="loading" aria-busy="true" data-loading="domains">
        <StatusIcon kind="connecting" /> Loading the domains…
      </p>
    )
  }
  if (domains.length === 0) {
    return (
      <p className="empty" data-empty="domains">
        There are no domains to ask about yet. The leads, their chiefs of staff or an admin set them up on the workspace page.
      </p>
    )
  }

  return (
    <form className="form ask-form" onSubmit={(event) => void submit(event)} noValidate aria-label="Ask the leads" data-ask-form>
      <div className="field">
        <label htmlFor={`${id}-domain`}>Domain</label>
        <select
          id={`${id}-domain`}
          value={domainId}
          // The dialog opens before the domains have loaded: the choice is where to start once they are.
          autoFocus
          aria-describedby={`${id}-owner`}
          onChange={(event) => {
            setDomainId(event.currentTarget.value)
            setProblem(null)
          }}
        >
          <option value="">Choose a domain…</option>
          {domains.map((domain) => (
            <option key={domain.id} value={domain.id}>
              {domain.name} · {ROLE_LABELS[domain.owner]}
            </option>
          ))}
        </select>
        <p id={`${id}-owner`} className="field__hint" data-domain-owner>
          {chosen ? (
            <>
              <strong>{chosen.name}</strong>: {leadsCall(chosen.owner, leads)}.
              {chosen.description && <span className="muted"> {chosen.description}</span>}
            </>
          ) : (
            <span className="muted">Each domain is owned by one of the two leads; the owner answers.</span>
          )}
        </p>
      </div>
      <fieldset className="form__group ask-form__kind">
        <legend>What do you need?</legend>
        <label>
          <input type="radio" name={`${id}-kind`} value="question" checked={kind === 'question'} onChange={() => setKind('question')} /> An answer to a question
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} value="decision-request" checked={kind === 'decision-request'} onChange={() => setKind('decision-request')} /> A decision
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>{TEXT_LABELS[kind]}</label>
        <textarea
          id={`${id}-text`}
          className="ask-form__text"
          rows={4}
          value={text}
          maxLength={QUESTION_TEXT_MAX}
          aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value)
            setProblem(null)
          }}
        />
        <p id={`${id}-count`} className="field__hint muted">
          {text.trim().length} of {QUESTION_TEXT_MAX} characters
        </p>
      </div>
      <div className="form__actions">
        <BusyButton type="submit" busy={busy}>
          Send
        </BusyButton>
      </div>
      <FormProblem id={`${id}-problem`} problem={problem} />
      {/* Always there, so the sentence is read out when it appears. */}
      <div role="status" className="ask-form__status">
        {sent && (
          <p className="notice ask-form__sent" data-deferral>
            <StatusIcon kind="live" />
            <span>
              Sent to {leadWithName(sent.deferral.ownerRole, sent.deferral.leads)}. <strong data-deferral-line>{sent.deferral.line}</strong>
            </span>
          </p>
        )}
      </div>
    </form>
  )
}
