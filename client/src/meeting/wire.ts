/**
 * What the server sends over socket.io, checked before the page uses it: a malformed state (a
 * server of another version, a proxy mangling frames) is dropped with a sentence in the console
 * rather than breaking the board.
 */
import { isRole, isWeekId, type MeetingPerson, type MeetingPresence, type MeetingReply, type MeetingState, type WeekId } from '@fourwall/shared'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function readPerson(value: unknown): MeetingPerson | null {
  if (!isRecord(value)) return null
  const { id, name, role } = value
  return typeof id === 'string' && typeof name === 'string' && isRole(role) ? { id, name, role } : null
}

function readPeople(value: unknown): MeetingPerson[] | null {
  if (!Array.isArray(value)) return null
  const people = value.map(readPerson)
  return people.every((person) => person !== null) ? (people as MeetingPerson[]) : null
}

export function readMeetingState(value: unknown, weekId: WeekId): MeetingState | null {
  if (!isRecord(value) || value.weekId !== weekId || !isWeekId(value.weekId)) return null
  const { facilitator, focus, timer, version, present, serverNow } = value
  const person = facilitator === null ? null : readPerson(facilitator)
  if (facilitator !== null && person === null) return null
  if (focus !== null && !(isRecord(focus) && typeof focus.itemId === 'string' && isTime(focus.since))) return null
  if (!isRecord(timer) || !isTime(timer.durationMs) || !isTime(timer.remainingMs) || !(timer.endsAt === null || isTime(timer.endsAt))) return null
  const people = readPeople(present)
  if (!isTime(version) || !isTime(serverNow) || people === null) return null
  return {
    weekId,
    facilitator: person,
    focus: focus === null ? null : { itemId: focus.itemId as string, since: focus.since as number },
    timer: { durationMs: timer.durationMs, endsAt: timer.endsAt, remainingMs: timer.remainingMs },
    version,
    present: people,
    serverNow,
  }
}

export function readMeetingPresence(value: unknown, weekId: WeekId): MeetingPresence | null {
  if (!isRecord(value) || value.weekId !== weekId || !isTime(value.serverNow)) return null
  const present = readPeople(value.present)
  return present ? { weekId, present, serverNow: value.serverNow } : null
}

/** An ack: `{ ok: true, state? }` or `{ ok: false, error }`; anything else is the server's fault. */
export function readMeetingReply(value: unknown, weekId: WeekId): MeetingReply {
  if (!isRecord(value) || typeof value.ok !== 'boolean') return { ok: false, error: 'The server sent an answer this page does not understand.' }
  if (!value.ok) return { ok: false, error: typeof value.error === 'string' ? value.error : 'The server refused without saying why.' }
  if (value.state === undefined) return { ok: true }
  const state = readMeetingState(value.state, weekId)
  return state ? { ok: true, state } : { ok: false, error: 'The server sent a meeting state this page does not understand.' }
}
