import type { ReactNode } from 'react'
import { BusyButton } from './BusyButton.js'
import { FormProblem } from './FormProblem.js'

interface Props {
  busy: boolean
  problem: string | null
  /** Given when the form points at its problem (aria-describedby). */
  problemId?: string
  /** The submit button's words: "Sign in", "Join Fourwall". */
  submit: ReactNode
  /** Buttons after the submit one, such as Cancel. */
  children?: ReactNode
}

/** The end of a full-size form: its problem right above the submit button, which spins while it sends. */
export function FormFooter({ busy, problem, problemId, submit, children }: Props) {
  return (
    <>
      <FormProblem id={problemId} problem={problem} />
      <div className="form__actions">
        <BusyButton type="submit" busy={busy}>
          {submit}
        </BusyButton>
        {children}
      </div>
    </>
  )
}
