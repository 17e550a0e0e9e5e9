import { ANSWER_TEXT_MAX, parseAnswerPayload, type Question } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import { BusyButton } from '../components/BusyButton.js'
import { FormProblem } from '../components/FormProblem.js'
import type { QuestionStore } from './QuestionStore.js'

/** The owning lead's answer, sent to the asker (and the other lead) the moment it is stored. */
export function AnswerForm({ store, question }: { store: QuestionStore; question: Question }) {
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    const checked = parseAnswerPayload({ questionId: question.id, text })
    if (!checked.ok) {
      setProblem(checked.error)
      return
    }
    setBusy(true)
    const refused = await store.answer(question.id, text)
    setBusy(false)
    // On success the question turns answered and this form goes away with it.
    setProblem(refused)
  }

  return (
    <form className="answer-form" onSubmit={(event) => void submit(event)} noValidate data-answer-form>
      <div className="field">
        <label htmlFor={`${id}-text`}>
          Your answer<span className="visually-hidden"> to {question.askerName}</span>
        </label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          maxLength={ANSWER_TEXT_MAX}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value)
            setProblem(null)
          }}
        />
      </div>
      <div className="form__actions">
        <BusyButton type="submit" className="button button--small" busy={busy}>
          Send answer<span className="visually-hidden"> to {question.askerName}</span>
        </BusyButton>
      </div>
      <FormProblem id={`${id}-problem`} problem={problem} />
    </form>
  )
}
