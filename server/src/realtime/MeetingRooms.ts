/**
 * The live meeting of each week, in memory in this process: who is in each week's room, who
 * facilitates, the focused item and the timer. (The Redis scale-out issue moves this state to Redis
 * so that every process sees the same meeting.) The rules are documented in shared/src/meeting.ts.
 *
 * Transitions are synchronous once the week is known to be open, so two people racing to claim
 * the meeting cannot both win: the second sees the first's claim.
 */
import {
  can,
  initialMeetingState,
  isMeetingLead,
  TIMER_DEFAULT_SECONDS,
  type MeetingControl,
  type MeetingPerson,
  type MeetingPresence,
  type MeetingState,
  type Role,
  type TimerAction,
  type WeekId,
} from '@fourwall/shared'

export interface MeetingRoomsDeps {
  /** Whether the week's review is closed (its documents carry a verified close marker). */
  isWeekClosed(weekId: WeekId): Promise<boolean>
  now?: () => number
}

/** Who is acting: one socket of one person. */
export interface MeetingActor {
  socketId: string
  id: string
  name: string
  role: Role
}

export type Participant = MeetingPerson

export type MeetingResult =
  | { ok: true; state: MeetingState; changed: boolean }
  /** `counts`: a refusal a well-behaved client does not provoke (see Refusal in events.ts). */
  | { ok: false; error: string; counts: boolean }

export type JoinResult =
  /** `presentChanged`: the person was not in the room before (or their name or role changed). */
  | { ok: true; presentChanged: boolean }
  | { ok: false; error: string; counts: boolean }

/** Rooms one socket may be in at once; a page shows one week, a few tabs' worth is plenty. */
export const MAX_ROOMS_PER_SOCKET = 16

export const WEEK_CLOSED_ERROR = 'This week is closed.'

interface Member extends Participant {
  sockets: Set<string>
}

export class MeetingRooms {
  /** Only weeks whose meeting changed at least once; the others are in their initial state. */
  private readonly states = new Map<WeekId, MeetingControl>()
  private readonly rooms = new Map<WeekId, Map<string, Member>>()
  private readonly socketRooms = new Map<string, Set<WeekId>>()
  /** A week never reopens, so a close seen once is remembered. */
  private readonly closed = new Set<WeekId>()
  private readonly now: () => number

  constructor(private readonly deps: MeetingRoomsDeps) {
    this.now = deps.now ?? Date.now
  }

  /** The meeting control of a week, as stored. */
  control(weekId: WeekId): MeetingControl {
    return this.states.get(weekId) ?? initialMeetingState(weekId)
  }

  /** What clients receive: the control, who is present, stamped with the server's clock now. */
  state(weekId: WeekId): MeetingState {
    return { ...this.control(weekId), present: this.participants(weekId), serverNow: this.now() }
  }

  /** The `meeting:present` update of a week, stamped with the server's clock now. */
  presence(weekId: WeekId): MeetingPresence {
    return { weekId, present: this.participants(weekId), serverNow: this.now() }
  }

  /** Adds a socket (of a person) to a week's room. */
  join(weekId: WeekId, actor: MeetingActor): JoinResult {
    let joined = this.socketRooms.get(actor.socketId)
    if (!joined?.has(weekId) && (joined?.size ?? 0) >= MAX_ROOMS_PER_SOCKET) {
      return { ok: false, error: `A connection may be in at most ${MAX_ROOMS_PER_SOCKET} meetings at once.`, counts: false }
    }
    if (!joined) this.socketRooms.set(actor.socketId, (joined = new Set()))
    joined.add(weekId)
    let room = this.rooms.get(weekId)
    if (!room) this.rooms.set(weekId, (room = new Map()))
    let member = room.get(actor.id)
    const presentChanged = !member || member.name !== actor.name || member.role !== actor.role
    if (!member) room.set(actor.id, (member = { id: actor.id, name: actor.name, role: actor.role, sockets: new Set() }))
    // The latest sign-in wins if the person's name or role changed meanwhile.
    member.name = actor.name
    member.role = actor.role
    member.sockets.add(actor.socketId)
    return { ok: true, presentChanged }
  }

  /**
   * Removes a socket from a week's room. The facilitator stays facilitator (see meeting.ts).
   * Returns whether the room's people changed (this was the person's last socket there).
   */
  leave(weekId: WeekId, socketId: string): boolean {
    const joined = this.socketRooms.get(socketId)
    if (!joined?.delete(weekId)) return false
    if (joined.size === 0) this.socketRooms.delete(socketId)
    const room = this.rooms.get(weekId)
    if (!room) return false
    let presentChanged = false
    for (const [personId, member] of room) {
      if (member.sockets.delete(socketId) && member.sockets.size === 0) {
        room.delete(personId)
        presentChanged = true
      }
    }
    if (room.size === 0) this.rooms.delete(weekId)
    return presentChanged
  }

  /** A socket disconnected: it leaves every room it was in. Returns the weeks whose people changed. */
  leaveAll(socketId: string): WeekId[] {
    return [...(this.socketRooms.get(socketId) ?? [])].filter((weekId) => this.leave(weekId, socketId))
  }

  isInRoom(weekId: WeekId, socketId: string): boolean {
    return this.socketRooms.get(socketId)?.has(weekId) ?? false
  }

  /** The people in a week's room (each once, however many tabs they have open). */
  participants(weekId: WeekId): Participant[] {
    return [...(this.rooms.get(weekId)?.values() ?? [])].map(({ id, name, role }) => ({ id, name, role }))
  }

  /** How many rooms exist (for tests and metrics). */
  get roomCount(): number {
    return this.rooms.size
  }

  claim(weekId: WeekId, actor: MeetingActor): Promise<MeetingResult> {
    return this.mutate(weekId, actor, (state) => {
      if (state.facilitator?.id === actor.id) return state
      if (state.facilitator) return `${state.facilitator.name} is facilitating; ask them to hand over.`
      return { ...state, facilitator: { id: actor.id, name: actor.name, role: actor.role } }
    })
  }

  handover(weekId: WeekId, actor: MeetingActor, toPersonId: string): Promise<MeetingResult> {
    return this.mutate(weekId, actor, (state) => {
      if (state.facilitator?.id !== actor.id && !isMeetingLead(actor.role)) {
        return state.facilitator ? 'Only the facilitator or a lead can hand over the meeting.' : 'Nobody is facilitating: claim the meeting instead.'
      }
      const target = this.rooms.get(weekId)?.get(toPersonId)
      if (!target) return 'That person is not in this meeting.'
      if (!can(target.role, 'meeting.facilitate')) return `${target.name} may not facilitate.`
      if (state.facilitator?.id === target.id) return state
      return { ...state, facilitator: { id: target.id, name: target.name, role: target.role } }
    })
  }

  focus(weekId: WeekId, actor: MeetingActor, itemId: string | null): Promise<MeetingResult> {
    return this.mutate(weekId, actor, (state) => {
      const refused = this.notFacilitator(state, actor)
      if (refused) return refused
      if ((state.focus?.itemId ?? null) === itemId) return state
      return { ...state, focus: itemId === null ? null : { itemId, since: this.now() } }
    })
  }

  timer(weekId: WeekId, actor: MeetingActor, action: TimerAction, seconds?: number): Promise<MeetingResult> {
    return this.mutate(weekId, actor, (state) => {
      const refused = this.notFacilitator(state, actor)
      if (refused) return refused
      const now = this.now()
      const { durationMs, endsAt, remainingMs } = state.timer
      const running = endsAt !== null && endsAt > now
      switch (action) {
        case 'start': {
          if (running) return state
          // A paused timer resumes; one that ran out (or was paused at zero) starts over.
          const left = endsAt === null && remainingMs > 0 ? remainingMs : durationMs
          return { ...state, timer: { durationMs, endsAt: now + left, remainingMs: left } }
        }
        case 'pause': {
          if (endsAt === null) return state
          return { ...state, timer: { durationMs, endsAt: null, remainingMs: Math.max(0, endsAt - now) } }
        }
        case 'reset': {
          const ms = (seconds ?? TIMER_DEFAULT_SECONDS) * 1000
          if (endsAt === null && durationMs === ms && remainingMs === ms) return state
          return { ...state, timer: { durationMs: ms, endsAt: null, remainingMs: ms } }
        }
      }
    })
  }

  private notFacilitator(state: MeetingControl, actor: MeetingActor): string | null {
    if (state.facilitator?.id === actor.id) return null
    if (!state.facilitator) return 'Nobody is facilitating: claim the meeting first.'
    return isMeetingLead(actor.role)
      ? `${state.facilitator.name} is facilitating; hand the meeting to yourself to take over.`
      : `Only the facilitator (${state.facilitator.name}) can do this.`
  }

  /**
   * The common part of every mutating event: the actor's socket must be in the room and the week
   * open; then `change` returns the next state (the same object when nothing changes) or a refusal.
   */
  private async mutate(weekId: WeekId, actor: MeetingActor, change: (state: MeetingControl) => MeetingControl | string): Promise<MeetingResult> {
    if (!this.isInRoom(weekId, actor.socketId)) return { ok: false, error: 'Join the meeting first.', counts: false }
    if (!this.closed.has(weekId) && (await this.deps.isWeekClosed(weekId))) this.closed.add(weekId)
    if (this.closed.has(weekId)) return { ok: false, error: WEEK_CLOSED_ERROR, counts: true }
    // The socket may have left (or disconnected) while the close check ran.
    if (!this.isInRoom(weekId, actor.socketId)) return { ok: false, error: 'Join the meeting first.', counts: false }
    const state = this.control(weekId)
    const next = change(state)
    if (typeof next === 'string') return { ok: false, error: next, counts: false }
    if (next === state) return { ok: true, state: this.state(weekId), changed: false }
    this.states.set(weekId, { ...next, version: state.version + 1 })
    return { ok: true, state: this.state(weekId), changed: true }
  }
}
