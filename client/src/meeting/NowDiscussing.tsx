interface Props {
  /** The item the facilitator focused, or null. */
  focusId: string | null
  labelOf(itemId: string): string | null
  /** The facilitator's Previous/Next: absent for everyone else. */
  steer: { previous: string | null; next: string | null; busy: boolean; onFocus(itemId: string): void } | null
}

/** "Now discussing: <objective>", announced to screen readers when it changes; Previous/Next for the facilitator. */
export function NowDiscussing({ focusId, labelOf, steer }: Props) {
  const label = focusId === null ? null : (labelOf(focusId) ?? "An item that is not on this week's board")
  return (
    <div className="meeting-now" data-meeting-focus={focusId ?? ''}>
      <p className="meeting-now__line" aria-live="polite">
        <span className="meeting-now__title">Now discussing</span>{' '}
        {label === null ? <span className="muted">nothing yet</span> : <strong className="meeting-now__item">{label}</strong>}
      </p>
      {steer && (
        <div className="meeting-now__steer">
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={steer.busy || steer.previous === null}
            onClick={() => steer.previous !== null && steer.onFocus(steer.previous)}
            aria-keyshortcuts="P K"
            data-meeting-control="previous"
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={steer.busy || steer.next === null}
            onClick={() => steer.next !== null && steer.onFocus(steer.next)}
            aria-keyshortcuts="N J"
            data-meeting-control="next"
          >
            {focusId === null ? 'Start with the first item' : 'Next →'}
          </button>
        </div>
      )}
    </div>
  )
}
