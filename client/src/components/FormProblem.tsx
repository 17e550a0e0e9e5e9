import { StatusIcon } from './StatusIcon.js'

interface Props {
  id?: string
  /** What went wrong, or null to render nothing. */
  problem: string | null
}

/**
 * A form's error, announced as soon as it appears and shown right next to the form that caused it;
 * a cross beside the words, so it does not rest on the red alone.
 */
export function FormProblem({ id, problem }: Props) {
  if (!problem) return null
  return (
    <p id={id} className="notice notice--problem" role="alert" data-problem>
      <StatusIcon kind="problem" />
      <span>{problem}</span>
    </p>
  )
}
