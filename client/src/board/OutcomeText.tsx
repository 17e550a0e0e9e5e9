import { OUTCOME_LABELS, type Outcome } from '@fourwall/shared'

/** What the outcome says beyond its kind: the shift or decision in a line, the follow-up's owner and date. */
export function outcomeDetails(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'resolved':
      return ''
    case 'shift':
    case 'decision':
      return outcome.summary
    case 'follow-up':
      return `${outcome.owner}, due ${outcome.due}`
  }
}

/** The recorded outcome as a line of text: "Decision: Pause the beta · recorded by Pat Product". */
export function OutcomeText({ outcome }: { outcome: Outcome }) {
  const details = outcomeDetails(outcome)
  return (
    <p className="item-outcome" data-outcome={outcome.kind}>
      <strong className="item-outcome__label">Outcome: {OUTCOME_LABELS[outcome.kind]}</strong>
      {details && <span className="item-outcome__details">{details}</span>}
      <span className="item-outcome__by muted">recorded by {outcome.recordedBy.name}</span>
    </p>
  )
}
