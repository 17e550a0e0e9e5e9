/**
 * A socket.io client in Node, the way the page connects: with a session cookie (or an API token for
 * scripts), over the websocket transport. It records every `meeting:state` and `meeting:present` it
 * receives, and with `capture` every engine.io packet, for the wire tests.
 */
import { io as connectSocket, type Socket } from 'socket.io-client'
import type { MeetingPresence, MeetingReply, MeetingState, MutatingMeetingEvent, Role, WeekId } from '@fourwall/shared'

export interface SocketClient {
  socket: Socket
  identity: { id: string; name: string; role: Role }
  /** Every `meeting:state` this socket received, in order. */
  states: MeetingState[]
  /** Every `meeting:present` this socket received, in order. */
  presences: MeetingPresence[]
  /** With `capture`: the raw payload of every packet the server sent, in order. */
  received: string[]
  disconnectReason: string | null
  /** Sends an event with an ack and resolves with the reply. */
  send(event: string, payload?: unknown): Promise<MeetingReply>
  close(): void
}

export type Credential = string | { cookie: string }

export async function connectSocketClient(url: string, credential: Credential, options: { capture?: boolean } = {}): Promise<SocketClient> {
  const socket = connectSocket(url, {
    ...(typeof credential === 'string' ? { auth: { token: credential } } : { extraHeaders: { cookie: credential.cookie } }),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  })
  const received: string[] = []
  if (options.capture) {
    // Each engine.io packet as it came off the wire, before socket.io decodes it.
    socket.io.on('open', () => socket.io.engine.on('data', (data: unknown) => received.push(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8'))))
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('connect_error', reject)
  })
  const identity = (await socket.timeout(5000).emitWithAck('whoami')) as SocketClient['identity']
  const client: SocketClient = {
    socket,
    identity,
    states: [],
    presences: [],
    received,
    disconnectReason: null,
    send: (event, payload) => socket.timeout(5000).emitWithAck(event, payload) as Promise<MeetingReply>,
    close: () => socket.disconnect(),
  }
  socket.on('meeting:state', (state: MeetingState) => client.states.push(state))
  socket.on('meeting:present', (presence: MeetingPresence) => client.presences.push(presence))
  socket.on('disconnect', (reason) => (client.disconnectReason = reason))
  return client
}

/** A valid payload for each mutating event: adding an event to MUTATING_EVENTS fails to compile here until it is listed. */
export function validMeetingPayloads(week: WeekId, someoneId: string): Record<MutatingMeetingEvent, object> {
  return {
    'meeting:claim': { weekId: week },
    'meeting:handover': { weekId: week, toPersonId: someoneId },
    'meeting:focus': { weekId: week, itemId: 'okr-1' },
    'meeting:timer': { weekId: week, action: 'start' },
  }
}
