/**
 * The live meeting of each week: the rules of every transition (shared/src/meeting.ts documents
 * them) and this process's sockets in each week's room. What every process must agree on, each
 * week's control and who is present, lives in a MeetingStore: this process's memory by default, or
 * Redis when several processes serve the same boards (RedisMeetingStore).
 *
 * A transition reads the control, applies its rule, and stores the result with a compare-and-set on
 * the version; when another change landed first (another tab, another process), it reads again and
 * applies the rule to what is there now. So two people racing to claim the meeting cannot both
 * win: the second sees the first's claim, on one process or several.
 */
import {
  can,
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
import { MemoryMeetingStore, type MeetingStore, type PresenceEntry } from './MeetingStore.js'

export interface MeetingRoomsDeps {
  /** Whether the week's review is closed (its documents carry a verified close marker). */
  isWeekClosed(weekId: WeekId): Promise<boolean>
  /** Where the control and presence live; default: this process's memory. */
  store?: MeetingStore
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

/**
 * Compare-and-set rounds a transition may lose before it gives up. Each loss means another change
 * of the same meeting landed in between, which people clicking cannot do many times in a row.
 */
const MAX_TRANSITION_ATTEMPTS = 10

/** A person in a week's room through sockets of this process. */
interface Member extends PresenceEntry {
  sockets: Set<string>
}

export class MeetingRooms {
  readonly store: MeetingStore
  /** This process's sockets in each week's room, by person. */
  private readonly rooms = new Map<WeekId, Map<string, Member>>()
  private readonly socketRooms = new Map<string, Set<WeekId>>()
  /** A week never reopens, so a close seen once is remembered. */
  private readonly closed = new Set<WeekId>()
  /** The people of each week's room as this process last read them, to notice changes made elsewhere. */
  private readonly lastPresent = new Map<WeekId, string>()
  private readonly now: () => number
  private joins = 0

  constructor(private readonly deps: MeetingRoomsDeps) {
    this.store = deps.store ?? new MemoryMeetingStore()
    this.now = deps.now ?? Date.now
  }

  /** The meeting control of a week, as stored. */
  control(weekId: WeekId): Promise<MeetingControl> {
    return this.store.control(weekId)
  }

  /** What clients receive: the control, who is present, stamped with the server's clock now. */
  async state(weekId: WeekId): Promise<MeetingState> {
    const [control, present] = await Promise.all([this.store.control(weekId), this.participants(weekId)])
    return this.stamp(control, present)
  }

  /** The `meeting:present` update of a week, stamped with the server's clock now. */
  async presence(weekId: WeekId): Promise<MeetingPresence> {
    return { weekId, present: await this.participants(weekId), serverNow: this.now() }
  }

  /** Adds a socket (of a person) to a week's room. */
  async join(weekId: WeekId, actor: MeetingActor): Promise<JoinResult> {
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
    const now = this.now()
    if (!member) {
      member = { id: actor.id, name: actor.name, role: actor.role, since: now, seq: ++this.joins, updatedAt: now, sockets: new Set() }
      room.set(actor.id, member)
    }
    member.sockets.add(actor.socketId)
    if (presentChanged) {
      // The latest sign-in wins if the person's name or role changed meanwhile.
      Object.assign(member, { name: actor.name, role: actor.role, updatedAt: now })
      const { sockets: _sockets, ...entry } = member
      await this.store.enter(weekId, entry)
    }
    return { ok: true, presentChanged }
  }

  /**
   * Removes a socket from a week's room. The facilitator stays facilitator (see meeting.ts).
   * Returns whether the room's people changed (this was the person's last socket there).
   */
  async leave(weekId: WeekId, socketId: string): Promise<boolean> {
    const joined = this.socketRooms.get(socketId)
    if (!joined?.delete(weekId)) return false
    if (joined.size === 0) this.socketRooms.delete(socketId)
    const room = this.rooms.get(weekId)
    if (!room) return false
    const gone: string[] = []
    for (const [personId, member] of room) {
      if (member.sockets.delete(socketId) && member.sockets.size === 0) {
        room.delete(personId)
        gone.push(personId)
      }
    }
    if (room.size === 0) {
      this.rooms.delete(weekId)
      this.lastPresent.delete(weekId)
    }
    for (const personId of gone) await this.store.exit(weekId, personId)
    return gone.length > 0
  }

  /** A socket disconnected: it leaves every room it was in. Returns the weeks whose people changed. */
  async leaveAll(socketId: string): Promise<WeekId[]> {
    const changed: WeekId[] = []
    for (const weekId of [...(this.socketRooms.get(socketId) ?? [])]) if (await this.leave(weekId, socketId)) changed.push(weekId)
    return changed
  }

  isInRoom(weekId: WeekId, socketId: string): boolean {
    return this.socketRooms.get(socketId)?.has(weekId) ?? false
  }

  /** The people in a week's room (each once, however many tabs or processes they are on). */
  async participants(weekId: WeekId): Promise<Participant[]> {
    const present = await this.store.present(weekId)
    if (this.rooms.has(weekId)) this.lastPresent.set(weekId, JSON.stringify(present))
    return present
  }

  /**
   * The weeks this process has sockets in whose people changed since it last read them: changes no
   * socket here caused, such as the people of a stopped process ageing out of the store.
   */
  async presenceChanges(): Promise<WeekId[]> {
    const changed: WeekId[] = []
    for (const weekId of [...this.rooms.keys()]) {
      const before = this.lastPresent.get(weekId)
      const present = JSON.stringify(await this.store.present(weekId))
      if (!this.rooms.has(weekId)) continue
      this.lastPresent.set(weekId, present)
      if (before !== undefined && before !== present) changed.push(weekId)
    }
    return changed
  }

  /** How many rooms have sockets of this process (for tests and metrics). */
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
    return this.mutate(weekId, actor, (state, present) => {
      if (state.facilitator?.id !== actor.id && !isMeetingLead(actor.role)) {
        return state.facilitator ? 'Only the facilitator or a lead can hand over the meeting.' : 'Nobody is facilitating: claim the meeting instead.'
      }
      const target = present.find((person) => person.id === toPersonId)
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
   * open; then `change` returns the next state (the same object when nothing changes) or a refusal,
   * and the next state is stored if the version is still the one `change` saw (else it runs again
   * on the newer state).
   */
  private async mutate(
    weekId: WeekId,
    actor: MeetingActor,
    change: (state: MeetingControl, present: Participant[]) => MeetingControl | string,
  ): Promise<MeetingResult> {
    if (!this.isInRoom(weekId, actor.socketId)) return { ok: false, error: 'Join the meeting first.', counts: false }
    if (!this.closed.has(weekId) && (await this.deps.isWeekClosed(weekId))) this.closed.add(weekId)
    if (this.closed.has(weekId)) return { ok: false, error: WEEK_CLOSED_ERROR, counts: true }
    for (let attempt = 0; attempt < MAX_TRANSITION_ATTEMPTS; attempt++) {
      const [state, present] = await Promise.all([this.store.control(weekId), this.participants(weekId)])
      // The socket may have left (or disconnected) while the checks and reads ran.
      if (!this.isInRoom(weekId, actor.socketId)) return { ok: false, error: 'Join the meeting first.', counts: false }
      const next = change(state, present)
      if (typeof next === 'string') return { ok: false, error: next, counts: false }
      if (next === state) return { ok: true, state: this.stamp(state, present), changed: false }
      const stored: MeetingControl = { ...next, version: state.version + 1 }
      if (await this.store.replace(weekId, state.version, stored)) return { ok: true, state: this.stamp(stored, present), changed: true }
    }
    return { ok: false, error: 'The meeting changed several times at once; try again.', counts: false }
  }

  private stamp(control: MeetingControl, present: Participant[]): MeetingState {
    return { ...control, present, serverNow: this.now() }
  }
}
