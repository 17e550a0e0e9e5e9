/**
 * Where the meeting's shared state lives: each week's control (facilitator, focus, timer, version)
 * and who is in each week's room. MeetingRooms holds the rules and this process's sockets; the
 * store holds what every process must agree on.
 *
 * - MemoryMeetingStore: this process's memory (one process, SQLite); a restart ends the meeting.
 * - RedisMeetingStore (REDIS_URL): shared by every process on the same Redis.
 *
 * A change of the control is a compare-and-set on its version: the caller reads the control,
 * computes the next one, and `replace` stores it only if nobody stored another version meanwhile.
 * Two processes racing to claim the meeting thus behave like one: one claim lands, the other reads
 * again and finds the meeting taken.
 *
 * Presence is kept per process: each process says who it has in a room (`enter`, `exit`), and
 * `present` is everyone any process has there, each person once.
 */
import { initialMeetingState, type MeetingControl, type MeetingPerson, type WeekId } from '@fourwall/shared'

/** One person in a room, as one process sees them. */
export interface PresenceEntry extends MeetingPerson {
  /** When their first socket (on this process) joined: the room lists people in joining order. */
  since: number
  /** Breaks ties of `since` in joining order within one process. */
  seq: number
  /** When this entry last changed: the latest tab's name and role win across processes. */
  updatedAt: number
}

export interface MeetingStore {
  /** The week's control as stored (initialMeetingState while nobody has changed it). */
  control(weekId: WeekId): Promise<MeetingControl>
  /** Stores `next` if the stored version is still `expectedVersion`; false if another change came first. */
  replace(weekId: WeekId, expectedVersion: number, next: MeetingControl): Promise<boolean>
  /** This process has the person in the week's room (new, or their name or role changed). */
  enter(weekId: WeekId, entry: PresenceEntry): Promise<void>
  /** This process no longer has the person in the week's room. */
  exit(weekId: WeekId, personId: string): Promise<void>
  /** Everyone in the week's room on any process, each once, in joining order. */
  present(weekId: WeekId): Promise<MeetingPerson[]>
  close(): Promise<void>
}

/** Merges every process's entries: each person once, the earliest join's place, the latest name and role. */
export function mergePresence(entries: Iterable<PresenceEntry>): MeetingPerson[] {
  const people = new Map<string, { place: PresenceEntry; latest: PresenceEntry }>()
  for (const entry of entries) {
    const seen = people.get(entry.id)
    if (!seen) {
      people.set(entry.id, { place: entry, latest: entry })
      continue
    }
    if (entry.since < seen.place.since || (entry.since === seen.place.since && entry.seq < seen.place.seq)) seen.place = entry
    if (entry.updatedAt > seen.latest.updatedAt) seen.latest = entry
  }
  return [...people.values()]
    .sort((a, b) => a.place.since - b.place.since || a.place.seq - b.place.seq || (a.place.id < b.place.id ? -1 : 1))
    .map(({ latest: { id, name, role } }) => ({ id, name, role }))
}

export class MemoryMeetingStore implements MeetingStore {
  /** Only weeks whose meeting changed at least once; the others are in their initial state. */
  private readonly controls = new Map<WeekId, MeetingControl>()
  private readonly rooms = new Map<WeekId, Map<string, PresenceEntry>>()

  async control(weekId: WeekId): Promise<MeetingControl> {
    return this.controls.get(weekId) ?? initialMeetingState(weekId)
  }

  async replace(weekId: WeekId, expectedVersion: number, next: MeetingControl): Promise<boolean> {
    if ((this.controls.get(weekId)?.version ?? 0) !== expectedVersion) return false
    this.controls.set(weekId, next)
    return true
  }

  async enter(weekId: WeekId, entry: PresenceEntry): Promise<void> {
    let room = this.rooms.get(weekId)
    if (!room) this.rooms.set(weekId, (room = new Map()))
    room.set(entry.id, entry)
  }

  async exit(weekId: WeekId, personId: string): Promise<void> {
    const room = this.rooms.get(weekId)
    room?.delete(personId)
    if (room?.size === 0) this.rooms.delete(weekId)
  }

  async present(weekId: WeekId): Promise<MeetingPerson[]> {
    return mergePresence(this.rooms.get(weekId)?.values() ?? [])
  }

  async close(): Promise<void> {}
}
