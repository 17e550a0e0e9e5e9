import type { ReactNode } from 'react'
import { useRequest } from '../../hooks/useRequest.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'

interface Props {
  /** The request; the row goes away or changes once `onDone` reloads the list. */
  run(): Promise<unknown>
  onDone(): void
  /** The button's words, with the row's name in a visually hidden span. */
  children: ReactNode
}

/** The request behind a row's button: `run`, then `onDone` once the server agreed. */
function useRowRequest({ run, onDone }: Pick<Props, 'run' | 'onDone'>) {
  const request = useRequest()
  const act = (): void => {
    void request.run(async () => {
      await run()
      onDone()
    })
  }
  return { ...request, act }
}

/** A table row's one-press action (revoking an invite or a session), with its refusal beside it. */
export function RowAction({ children, ...action }: Props) {
  const request = useRowRequest(action)
  return (
    <div className="row-actions">
      <BusyButton type="button" className="button button--small button--quiet button--danger-quiet" busy={request.busy} onClick={request.act}>
        {children}
      </BusyButton>
      <FormProblem problem={request.problem} />
    </div>
  )
}

interface ConfirmProps extends Props {
  /** What pressing the button will do, as a question. */
  question: ReactNode
  onCancel(): void
}

/** The second step of an action that cannot be undone: the question, "Yes, …" and Cancel. */
export function ConfirmStep({ question, onCancel, children, ...action }: ConfirmProps) {
  const request = useRowRequest(action)
  return (
    <div className="row-actions">
      <span>{question}</span>
      <BusyButton type="button" className="button button--small button--danger" busy={request.busy} onClick={request.act}>
        {children}
      </BusyButton>
      <button type="button" className="button button--small button--quiet" disabled={request.busy} onClick={onCancel}>
        Cancel
      </button>
      <FormProblem problem={request.problem} />
    </div>
  )
}
