import { DECISION_STATUS_LABELS, type DecisionStatus } from '@fourwall/shared'

/** The decision's status as a word in a box; the colour only repeats the word. */
export function DecisionStatusBadge({ status }: { status: DecisionStatus }) {
  return (
    <span className={`badge decision-status decision-status--${status}`} data-decision-status={status}>
      {DECISION_STATUS_LABELS[status]}
    </span>
  )
}
