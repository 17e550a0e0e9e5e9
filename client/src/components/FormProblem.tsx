interface Props {
  id?: string
  /** What went wrong, or null to render nothing. */
  problem: string | null
}

/** A form's error, announced as soon as it appears and shown right next to the form that caused it. */
export function FormProblem({ id, problem }: Props) {
  if (!problem) return null
  return (
    <p id={id} className="notice notice--problem" role="alert" data-problem>
      {problem}
    </p>
  )
}
