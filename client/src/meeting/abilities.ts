/**
 * What this person may do in the meeting right now, from the shared permission table and the
 * meeting's rules (shared/src/meeting.ts). The bar shows only these controls and the keyboard
 * enables only these shortcuts; the server checks the same rules again.
 */
import { can, isMeetingLead, type MeetingPerson, type MeetingState, type Role } from '@fourwall/shared'

export interface MeetingAbilities {
  isFacilitator: boolean
  /** Nobody facilitates and this role may: "Facilitate". */
  canClaim: boolean
  /** The facilitator, or either lead: "Hand over". */
  canHandOver: boolean
  /** A lead while someone else facilitates: "Take over". */
  canTakeOver: boolean
  /** The facilitator: focus (previous/next) and the timer. */
  canSteer: boolean
  /** Anyone who may edit the week, other than the facilitator, while someone facilitates: "Step away". */
  canStepAway: boolean
  /** Set an item's status (the r/y/g/u shortcuts). */
  canSetStatus: boolean
}

export const NO_ABILITIES: MeetingAbilities = {
  isFacilitator: false,
  canClaim: false,
  canHandOver: false,
  canTakeOver: false,
  canSteer: false,
  canStepAway: false,
  canSetStatus: false,
}

export function meetingAbilities(me: { id: string; role: Role }, state: MeetingState | null, closed: boolean): MeetingAbilities {
  // A closed week shows the meeting as it ended, with no controls at all.
  if (!state || closed) return NO_ABILITIES
  const facilitator = state.facilitator
  const isFacilitator = facilitator?.id === me.id
  const mayFacilitate = can(me.role, 'meeting.facilitate')
  const lead = mayFacilitate && isMeetingLead(me.role)
  return {
    isFacilitator,
    canClaim: mayFacilitate && facilitator === null,
    canHandOver: facilitator !== null && (isFacilitator || lead),
    canTakeOver: lead && facilitator !== null && !isFacilitator,
    canSteer: isFacilitator,
    canStepAway: !isFacilitator && facilitator !== null && can(me.role, 'week.write'),
    canSetStatus: can(me.role, 'week.write'),
  }
}

/** Who the meeting can be handed to: people present who may facilitate, not the facilitator, not me. */
export function handoverCandidates(state: MeetingState, myId: string): MeetingPerson[] {
  return state.present.filter((person) => can(person.role, 'meeting.facilitate') && person.id !== state.facilitator?.id && person.id !== myId)
}
