/**
 * socket.io on the same HTTP server, for what is not a document edit: meeting control
 * (meetingHandlers.ts), questions and their notifications (questionHandlers.ts), decision signing.
 * With several processes (REDIS_URL) it runs on the Redis adapter (RedisRealtime.ts), so whatever
 * is sent to a room reaches that room's sockets on every process. It authenticates with
 * the session cookie of the handshake (browsers) or `auth.token` (scripts), and is set up never to touch the Yjs endpoint's upgrades. Pages on origins that
 * ALLOWED_ORIGINS does not allow are refused at the handshake, over polling and over websocket
 * alike (see http/origin.ts). Every event goes through the dispatcher (events.ts): rate limit,
 * permission, payload validation, then its handler.
 */
import type { Server as HttpServer } from 'node:http'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import type { ClockReply, MeetingServerEvents, WeekId } from '@fourwall/shared'
import type { Authenticator } from '../auth/Authenticator.js'
import type { SessionHolder } from '../auth/SessionWatcher.js'
import type { Identity } from '../auth/tokens.js'
import { originForLog, type HasHeaders } from '../http/origin.js'
import type { Logger } from '../logger.js'
import { defineHandler, EventDispatcher, EventRegistry, type AnyEventHandler, type EventSocket } from './events.js'
import { meetingHandlers, meetingRoomName } from './meetingHandlers.js'
import { MeetingRooms } from './MeetingRooms.js'
import type { MeetingStore } from './MeetingStore.js'
import { joinQuestionRooms } from './questionHandlers.js'

/**
 * What lets socket.io span several processes (RedisRealtime.ts): an adapter that carries room
 * broadcasts to every process, and a meeting store they all share. Without it: one process.
 */
export interface SocketScaleOut {
  adapter: ServerOptions['adapter']
  meetingStore: MeetingStore & {
    /** Calls `listener` now and then, to look for presence changes made by other processes. */
    watch(listener: () => void): void
  }
}

export interface SocketData {
  identity: Identity
  sessionId: string | null
}

/** Lets a client (and the tests) confirm who the server thinks it is. */
const whoami = defineHandler<undefined, Identity>({
  event: 'whoami',
  mutates: false,
  action: null,
  parse: () => ({ ok: true, value: undefined }),
  handle: (_payload, { identity }) => identity,
})

/**
 * A clock sample for the meeting timer (see shared/src/meeting.ts): the client measures the round
 * trip on its own clock and takes the server's time as of its middle.
 */
const clock = defineHandler<undefined, ClockReply>({
  event: 'clock',
  mutates: false,
  action: null,
  parse: () => ({ ok: true, value: undefined }),
  handle: () => ({ serverNow: Date.now() }),
})

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    authenticator: Authenticator
    log: Logger
    maxMessageBytes: number
    originAllowed: (request: HasHeaders) => boolean
    /** Whether a week's review is closed: a closed week refuses every mutating meeting event. */
    isWeekClosed: (weekId: WeekId) => Promise<boolean>
    /** More commands beside the meeting's (signing decisions...), each through the same dispatcher. */
    handlers?: AnyEventHandler[]
    /** Several processes on one Redis; absent: this process alone. */
    scaleOut?: SocketScaleOut
  },
): Server {
  const io = new Server<Record<string, never>, MeetingServerEvents, Record<string, never>, SocketData>(httpServer, {
    path: '/socket.io/',
    serveClient: false,
    // Leave upgrades for other paths (the Yjs endpoint) alone instead of destroying them.
    destroyUpgrade: false,
    maxHttpBufferSize: deps.maxMessageBytes,
    ...(deps.scaleOut ? { adapter: deps.scaleOut.adapter } : {}),
    // Runs on every new session's handshake, whichever the transport: a foreign Origin gets 403 on
    // polling and a refused upgrade on websocket, before any session exists. Later requests of a
    // session carry its id, which only a page that completed an allowed handshake knows.
    allowRequest: (request, callback) => {
      if (deps.originAllowed(request)) {
        callback(null, true)
        return
      }
      deps.log.warn('socket.io connection refused: origin not allowed', { origin: originForLog(request) })
      callback('origin not allowed', false)
    },
    // CORS headers only for allowed origins, so a page elsewhere cannot read polling responses.
    // (Same-origin pages need none; a request without Origin is not a browser's cross-site one.)
    cors: (request, callback) => {
      callback(null, { origin: request.headers.origin !== undefined && deps.originAllowed(request), credentials: false })
    },
  })

  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token
    deps.authenticator.authenticate({ token, cookieHeader: socket.handshake.headers.cookie }).then(
      (principal) => {
        if (!principal) {
          next(Object.assign(new Error('unauthorized'), { data: { code: 4401, reason: 'sign in first' } }))
          return
        }
        socket.data.identity = principal.identity
        socket.data.sessionId = principal.sessionId
        next()
      },
      (error: unknown) => {
        deps.log.error('socket.io authentication failed', { error })
        next(new Error('authentication failed'))
      },
    )
  })

  const meetings = new MeetingRooms({ isWeekClosed: deps.isWeekClosed, store: deps.scaleOut?.meetingStore })
  const broadcastPresence = async (weekId: WeekId): Promise<void> => {
    io.to(meetingRoomName(weekId)).emit('meeting:present', await meetings.presence(weekId))
  }
  const presenceFailed = (error: unknown): void => deps.log.warn('meeting presence update failed', { error })
  // People can leave a room without any socket here hearing of it: a process that stopped lets its
  // people age out of the shared store. Each check tells the rooms here what changed.
  deps.scaleOut?.meetingStore.watch(() => {
    meetings
      .presenceChanges()
      .then((weeks) => Promise.all(weeks.map(broadcastPresence)))
      .catch(presenceFailed)
  })
  const registry = new EventRegistry([
    whoami,
    clock,
    ...meetingHandlers({
      rooms: meetings,
      broadcast: (state) => io.to(meetingRoomName(state.weekId)).emit('meeting:state', state),
      broadcastPresence,
    }),
    ...(deps.handlers ?? []),
  ])
  const dispatcher = new EventDispatcher(registry, { log: deps.log })

  io.on('connection', (socket) => {
    const identity = socket.data.identity
    void socket.join(`user:${identity.id}`)
    joinQuestionRooms(socket)
    dispatcher.attach(socket as unknown as EventSocket)
    // The facilitator role survives a disconnect (see shared/src/meeting.ts); room membership does not.
    socket.on('disconnect', () => {
      meetings
        .leaveAll(socket.id)
        .then((weeks) => Promise.all(weeks.map(broadcastPresence)))
        .catch(presenceFailed)
    })
  })

  deps.log.debug('socket.io ready', { path: '/socket.io/' })
  return io as unknown as Server
}

/** A socket.io socket as the session watcher sees it: sign-out or a role change disconnects it. */
export function socketHolder(socket: Socket): SessionHolder {
  const data = socket.data as Partial<SocketData>
  return {
    sessionId: data.sessionId ?? null,
    personId: data.identity?.id ?? '',
    end: (reason) => {
      // A client learns why from the event before the disconnect; it reconnects after a role change.
      socket.emit('session:ended' as never, { reason } as never)
      socket.disconnect(true)
    },
  }
}
