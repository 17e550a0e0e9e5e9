/**
 * The live Monday review's meeting control over socket.io: who facilitates, which item everyone
 * looks at, and the shared timer. This state is ephemeral (it is not part of any Yjs document and
 * is lost on restart); the server keeps it per week and broadcasts it to the week's room.
 *
 * Wire protocol (every client→server event takes an ack `(reply: MeetingReply) => void`):
 *
 * - `meeting:join` {weekId}: anyone who may read the week joins its room; the ack carries the state.
 * - `meeting:leave` {weekId}: leaves the room.
 * - `meeting:claim` {weekId}: become the facilitator when there is none.
 * - `meeting:handover` {weekId, toPersonId}: the facilitator, or either lead at any time, hands the
 *   meeting to someone who is in the week's room and may facilitate.
 * - `meeting:focus` {weekId, itemId | null}: facilitator only; null clears the focus.
 * - `meeting:timer` {weekId, action, seconds?}: facilitator only; `reset` stops the timer and sets
 *   its duration to `seconds` (300 when omitted); `start` and `pause` ignore `seconds`.
 *
 * Server→client, to the week's room:
 * - `meeting:state` (MeetingState) after every change of the meeting control (facilitator, focus,
 *   timer). Each carries a new `version`.
 * - `meeting:present` (MeetingPresence) when the people in the room change (someone's first tab
 *   joins, their last tab leaves or disconnects). It does not change `version`: who is watching is
 *   not a decision of the meeting. A client applies it to the state it holds.
 *
 * Every state (in a broadcast or an ack) and every presence update carries `serverNow`, the server's
 * clock when it was sent. Clients must not trust their own clocks for the timer (a laptop minutes
 * off would show another remaining time than the projector): they keep an offset, `serverNow −
 * Date.now()` at receipt, and compute the time left as `timerRemainingMs(timer, Date.now() + offset)`.
 * An ack gives the better sample, because its round trip is known (sent and received on the client's
 * clock): offset ≈ serverNow − (sentAt + receivedAt) / 2, within half the round trip. Clients keep
 * the sample with the smallest round trip among recent ones. `clock` (any signed-in socket, empty
 * payload, ack `{ serverNow }`) exists only to take such samples.
 *
 * Rules:
 * - Claim, handover, focus and timer are the mutating events (MUTATING_EVENTS). Each needs the
 *   `meeting.facilitate` permission, a socket that has joined the week, and an open week: a closed
 *   week refuses them all with "This week is closed.".
 * - Only the facilitator focuses and runs the timer. A lead (Product Lead or Engineering Lead) who
 *   is not facilitating cannot focus either, but may take the meeting back at any time with a
 *   handover to themselves (or give it to someone else): the leads run the meeting, their chiefs of
 *   staff facilitate on their behalf.
 * - A facilitator who disconnects keeps the role (a dropped laptop must not end the meeting); it
 *   changes hands only by an explicit handover.
 * - Every change of the control increments `version`; a request that changes nothing (focusing the
 *   focused item, starting a running timer) succeeds without a new version or broadcast.
 * - `present` lists each person once, with the role of their latest tab; the facilitator may be
 *   missing from it (a dropped laptop), which clients show as "away".
 */
import { isLeadRole } from './people.js'
import type { Action } from './permissions.js'
import type { Role } from './roles.js'
import { isWeekId, type WeekId } from './week.js'

export interface MeetingPerson {
  id: string
  name: string
  /** Their role when they joined (or claimed): "Facilitated by Ana (Chief of Staff)". */
  role: Role
}

export interface MeetingTimer {
  /** The length the timer was last reset to. */
  durationMs: number
  /** While running: when it reaches zero (server clock, ms since the epoch). Null while stopped. */
  endsAt: number | null
  /** While stopped: the time left. While running: the time that was left when it started. */
  remainingMs: number
}

/** What the server keeps of a week's meeting: the part that only the facilitator (or a lead) changes. */
export interface MeetingControl {
  weekId: WeekId
  facilitator: MeetingPerson | null
  focus: { itemId: string; since: number } | null
  timer: MeetingTimer
  /** Increments on every change of the control; 0 for a meeting nobody has touched. */
  version: number
}

/** What clients receive: the control, who is in the room, and the server's clock. */
export interface MeetingState extends MeetingControl {
  /** The people in the week's room now, each once however many tabs they have open, in joining order. */
  present: MeetingPerson[]
  /** The server's clock when this was sent (ms since the epoch), for the clients' clock offset. */
  serverNow: number
}

/** `meeting:present`: the room's people changed; the control did not. */
export interface MeetingPresence {
  weekId: WeekId
  present: MeetingPerson[]
  serverNow: number
}

/** The ack of `clock`. */
export interface ClockReply {
  serverNow: number
}

export type MeetingReply = { ok: true; state?: MeetingState } | { ok: false; error: string }
export type MeetingAck = (reply: MeetingReply) => void

export const TIMER_ACTIONS = ['start', 'pause', 'reset'] as const
export type TimerAction = (typeof TIMER_ACTIONS)[number]

export interface MeetingPayloads {
  'meeting:join': { weekId: WeekId }
  'meeting:leave': { weekId: WeekId }
  'meeting:claim': { weekId: WeekId }
  'meeting:handover': { weekId: WeekId; toPersonId: string }
  'meeting:focus': { weekId: WeekId; itemId: string | null }
  'meeting:timer': { weekId: WeekId; action: TimerAction; seconds?: number }
}

export type MeetingEvent = keyof MeetingPayloads

export const MEETING_EVENTS = [
  'meeting:join',
  'meeting:leave',
  'meeting:claim',
  'meeting:handover',
  'meeting:focus',
  'meeting:timer',
] as const satisfies readonly MeetingEvent[]

/** The events that change a meeting: each needs `meeting.facilitate` and an open week. */
export const MUTATING_EVENTS = ['meeting:claim', 'meeting:handover', 'meeting:focus', 'meeting:timer'] as const satisfies readonly MeetingEvent[]
export type MutatingMeetingEvent = (typeof MUTATING_EVENTS)[number]

/** The permission (see ACTIONS) each event needs; the client reads it to show only usable controls. */
export const MEETING_EVENT_ACTIONS = {
  'meeting:join': 'week.read',
  'meeting:leave': 'week.read',
  'meeting:claim': 'meeting.facilitate',
  'meeting:handover': 'meeting.facilitate',
  'meeting:focus': 'meeting.facilitate',
  'meeting:timer': 'meeting.facilitate',
} as const satisfies Record<MeetingEvent, Action>

/** socket.io event maps, for `Socket<MeetingServerEvents, MeetingClientEvents>` on the client. */
export type MeetingClientEvents = { [E in MeetingEvent]: (payload: MeetingPayloads[E], ack: MeetingAck) => void } & {
  /** A clock sample (see the header comment); any signed-in socket, no payload. */
  clock: (ack: (reply: ClockReply) => void) => void
}
export interface MeetingServerEvents {
  'meeting:state': (state: MeetingState) => void
  'meeting:present': (presence: MeetingPresence) => void
}

/** The roles that may take the meeting back at any time (by a handover), facilitating or not: the two leads. */
export function isMeetingLead(role: Role): boolean {
  return isLeadRole(role)
}

export const TIMER_DEFAULT_SECONDS = 300
export const TIMER_MIN_SECONDS = 10
export const TIMER_MAX_SECONDS = 3600
export const ITEM_ID_MAX = 100
export const PERSON_ID_MAX = 200
const ITEM_ID = /^[A-Za-z0-9_-]{1,100}$/

export function isMeetingEvent(value: unknown): value is MeetingEvent {
  return typeof value === 'string' && (MEETING_EVENTS as readonly string[]).includes(value)
}

export function isMutatingEvent(value: unknown): value is MutatingMeetingEvent {
  return typeof value === 'string' && (MUTATING_EVENTS as readonly string[]).includes(value)
}

/** A meeting nobody has touched yet. */
export function initialMeetingState(weekId: WeekId): MeetingControl {
  const durationMs = TIMER_DEFAULT_SECONDS * 1000
  return { weekId, facilitator: null, focus: null, timer: { durationMs, endsAt: null, remainingMs: durationMs }, version: 0 }
}

/** Time left on a timer at `now` (server clock); clients correct for their clock offset. */
export function timerRemainingMs(timer: MeetingTimer, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const WEEK_ERROR = '"weekId" must be an ISO week such as 2026-W48'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

/** Own properties only, so `{}` never reads anything off Object.prototype. */
function field(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/**
 * Checks an event's payload. Unknown keys are ignored; wrong types, oversized strings, arrays,
 * null and other non-objects are refused with a sentence saying what is expected.
 */
export function parseMeetingPayload<E extends MeetingEvent>(event: E, payload: unknown): Parsed<MeetingPayloads[E]> {
  return parse(event, payload) as Parsed<MeetingPayloads[E]>
}

function parse(event: MeetingEvent, payload: unknown): Parsed<MeetingPayloads[MeetingEvent]> {
  if (!isMeetingEvent(event)) return { ok: false, error: `Unknown meeting event ${JSON.stringify(String(event).slice(0, 50))}` }
  if (!isPlainObject(payload)) return { ok: false, error: `The payload of "${event}" must be an object such as {"weekId": "2026-W48"}` }
  const weekId = field(payload, 'weekId')
  if (!isWeekId(weekId)) return { ok: false, error: WEEK_ERROR }
  switch (event) {
    case 'meeting:join':
    case 'meeting:leave':
    case 'meeting:claim':
      return { ok: true, value: { weekId } }
    case 'meeting:handover': {
      const toPersonId = field(payload, 'toPersonId')
      if (typeof toPersonId !== 'string' || toPersonId.length === 0 || toPersonId.length > PERSON_ID_MAX) {
        return { ok: false, error: `"toPersonId" must be a person id (1 to ${PERSON_ID_MAX} characters)` }
      }
      return { ok: true, value: { weekId, toPersonId } }
    }
    case 'meeting:focus': {
      const itemId = field(payload, 'itemId')
      if (itemId !== null && (typeof itemId !== 'string' || !ITEM_ID.test(itemId))) {
        return { ok: false, error: `"itemId" must be null or 1 to ${ITEM_ID_MAX} characters of A-Z, a-z, 0-9, _ and -` }
      }
      return { ok: true, value: { weekId, itemId } }
    }
    case 'meeting:timer': {
      const action = field(payload, 'action')
      if (typeof action !== 'string' || !(TIMER_ACTIONS as readonly string[]).includes(action)) {
        return { ok: false, error: '"action" must be "start", "pause" or "reset"' }
      }
      const seconds = field(payload, 'seconds')
      if (seconds === undefined) return { ok: true, value: { weekId, action: action as TimerAction } }
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < TIMER_MIN_SECONDS || seconds > TIMER_MAX_SECONDS) {
        return { ok: false, error: `"seconds" must be a whole number from ${TIMER_MIN_SECONDS} to ${TIMER_MAX_SECONDS}` }
      }
      return { ok: true, value: { weekId, action: action as TimerAction, seconds } }
    }
  }
}
