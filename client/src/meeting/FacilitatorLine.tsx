import { ROLE_LABELS, type MeetingPerson, type MeetingState } from '@fourwall/shared'
import { handoverCandidates, type MeetingAbilities } from './abilities.js'
import { HandOverMenu } from './HandOverMenu.js'

interface Props {
  state: MeetingState
  myId: string
  abilities: MeetingAbilities
  busy: boolean
  onClaim(): void
  onHandOver(person: MeetingPerson): void
}

/** Who runs the meeting, and the buttons that change it: Facilitate, Take over, Hand over. */
export function FacilitatorLine({ state, myId, abilities, busy, onClaim, onHandOver }: Props) {
  const facilitator = state.facilitator
  // The role survives a dropped laptop (shared/src/meeting.ts); say so rather than hide it.
  const away = facilitator !== null && !state.present.some((person) => person.id === facilitator.id)
  return (
    <div className="meeting-bar__facilitator" data-meeting-facilitator={facilitator?.id ?? 'none'}>
      <p className="meeting-bar__who">
        {facilitator ? (
          <>
            Facilitated by <strong>{facilitator.name}</strong> ({ROLE_LABELS[facilitator.role]})
            {facilitator.id === myId && <span className="meeting-bar__you"> · you</span>}
            {away && <span className="meeting-bar__away"> · away (not connected)</span>}
          </>
        ) : (
          'Nobody is facilitating yet.'
        )}
      </p>
      {abilities.canClaim && (
        <button type="button" className="button button--small" disabled={busy} onClick={onClaim} data-meeting-control="claim">
          Facilitate
        </button>
      )}
      {abilities.canTakeOver && (
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => {
            const me = state.present.find((person) => person.id === myId)
            if (me) onHandOver(me)
          }}
          data-meeting-control="take-over"
        >
          Take over
        </button>
      )}
      {abilities.canHandOver && <HandOverMenu candidates={handoverCandidates(state, myId)} disabled={busy} onHandOver={onHandOver} />}
    </div>
  )
}
