/**
 * The meeting-control events (see shared/src/meeting.ts for the protocol and its rules). The
 * dispatcher has already checked the rate, the role's permission and the payload; these handlers
 * apply the change through MeetingRooms and broadcast the new state to the week's room; joining and
 * leaving broadcast who is present when that changed. A broadcast goes through socket.io's adapter,
 * so with the Redis adapter it reaches the week's sockets on every process.
 */
import {
  MEETING_EVENT_ACTIONS,
  isMutatingEvent,
  parseMeetingPayload,
  type MeetingEvent,
  type MeetingPayloads,
  type MeetingReply,
  type MeetingState,
  type WeekId,
} from '@fourwall/shared'
import { defineHandler, Refusal, type AnyEventHandler, type EventContext } from './events.js'
import type { MeetingActor, MeetingResult, MeetingRooms } from './MeetingRooms.js'

/** The socket.io room of a week's meeting. */
export function meetingRoomName(weekId: WeekId): string {
  return `meeting:${weekId}`
}

export interface MeetingHandlerDeps {
  rooms: MeetingRooms
  /** Sends `meeting:state` to everyone in the state's week room, on every process. */
  broadcast(state: MeetingState): void
  /** Sends `meeting:present` with the week's people to everyone in its room, on every process. */
  broadcastPresence(weekId: WeekId): Promise<void>
}

function actorOf(context: EventContext): MeetingActor {
  const { id, name, role } = context.identity
  return { socketId: context.socket.id, id, name, role }
}

function meetingHandler<E extends MeetingEvent>(
  event: E,
  handle: (payload: MeetingPayloads[E], context: EventContext) => MeetingReply | Promise<MeetingReply>,
): AnyEventHandler {
  return defineHandler<MeetingPayloads[E], MeetingReply>({
    event,
    mutates: isMutatingEvent(event),
    action: MEETING_EVENT_ACTIONS[event],
    parse: (payload) => parseMeetingPayload(event, payload),
    handle,
  })
}

export function meetingHandlers({ rooms, broadcast, broadcastPresence }: MeetingHandlerDeps): AnyEventHandler[] {
  /** Turns a transition's result into the ack, broadcasting a change. */
  const settle = async (result: Promise<MeetingResult>): Promise<MeetingReply> => {
    const outcome = await result
    if (!outcome.ok) throw new Refusal(outcome.error, outcome.counts)
    if (outcome.changed) broadcast(outcome.state)
    return { ok: true, state: outcome.state }
  }

  return [
    meetingHandler('meeting:join', async ({ weekId }, context) => {
      const joined = await rooms.join(weekId, actorOf(context))
      if (!joined.ok) throw new Refusal(joined.error, joined.counts)
      // The others hear of the newcomer before the socket is in the room: the newcomer's ack
      // carries the same list, so it needs no broadcast of its own.
      if (joined.presentChanged) await broadcastPresence(weekId)
      await context.socket.join(meetingRoomName(weekId))
      return { ok: true, state: await rooms.state(weekId) }
    }),
    meetingHandler('meeting:leave', async ({ weekId }, context) => {
      const presentChanged = await rooms.leave(weekId, context.socket.id)
      await context.socket.leave(meetingRoomName(weekId))
      if (presentChanged) await broadcastPresence(weekId)
      return { ok: true }
    }),
    meetingHandler('meeting:claim', ({ weekId }, context) => settle(rooms.claim(weekId, actorOf(context)))),
    meetingHandler('meeting:handover', ({ weekId, toPersonId }, context) => settle(rooms.handover(weekId, actorOf(context), toPersonId))),
    meetingHandler('meeting:focus', ({ weekId, itemId }, context) => settle(rooms.focus(weekId, actorOf(context), itemId))),
    meetingHandler('meeting:timer', ({ weekId, action, seconds }, context) =>
      settle(rooms.timer(weekId, actorOf(context), action, seconds)),
    ),
  ]
}
