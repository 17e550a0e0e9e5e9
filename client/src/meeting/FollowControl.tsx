interface Props {
  following: boolean
  canStepAway: boolean
  onStepAway(): void
  onRejoin(): void
}

/**
 * Step away / Rejoin: this screen stops following the facilitator (and keeps its own place) or
 * follows again. It changes nothing for anybody else, so it needs no connection.
 */
export function FollowControl({ following, canStepAway, onStepAway, onRejoin }: Props) {
  if (!following) {
    return (
      <div className="meeting-follow meeting-follow--away" role="status" data-meeting-following="false">
        <p className="meeting-follow__text">
          <strong>You stepped away</strong> — your screen keeps your own place while the meeting goes on.
        </p>
        <button type="button" className="button button--small" onClick={onRejoin} aria-keyshortcuts="S" data-meeting-follow="rejoin">
          Rejoin
        </button>
      </div>
    )
  }
  if (!canStepAway) return null
  return (
    <div className="meeting-follow" data-meeting-following="true">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onStepAway}
        aria-keyshortcuts="S"
        title="Stop following the facilitator on this screen; Rejoin follows again."
        data-meeting-follow="step-away"
      >
        Step away
      </button>
    </div>
  )
}
