/**
 * The socket.io event framework: handlers declare their event name, whether they mutate, the
 * permission they need and a payload validator; the dispatcher runs every incoming event through
 * the same checks before a handler sees it, so no handler can forget one:
 *
 * 1. a per-socket rate limit (20 events a second, bursts of 40): a flood disconnects the socket;
 * 2. the event must be registered (unknown events are refused and counted as refusals);
 * 3. `can(role, action)` from the shared permission table;
 * 4. the handler's validator.
 *
 * A refusal answers the ack (if the client asked for one) with `{ok: false, error}`. A socket that
 * collects more than 10 counted refusals a minute (refused mutating events, unknown events, and
 * refusals a handler marks as counted, e.g. writing to a closed week) is disconnected, as the Yjs
 * endpoint closes a read-only connection that keeps writing with 4403. Handler exceptions are
 * logged and answered with a generic error; they never reach the process.
 *
 * Each socket's handlers run one at a time in arrival order, so a client's events take effect in
 * the order it sent them even when a handler awaits something.
 */
import { can, type Action } from '@fourwall/shared'
import type { Socket } from 'socket.io'
import type { Identity } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import { READ_ONLY_WRITE_RATE, TokenBucket, type Rate } from '../sync/RateLimiter.js'

/** Events a socket may send: 20 a second sustained, bursts of 40. People click; scripts loop. */
export const SOCKET_EVENT_RATE: Readonly<Rate> = Object.freeze({ perSecond: 20, burst: 40 })

/** Counted refusals a socket may collect before it is disconnected: 10 a minute (as the Yjs 4403 rule). */
export const SOCKET_REFUSAL_RATE: Readonly<Rate> = READ_ONLY_WRITE_RATE

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

/** What a refusal looks like on the wire. */
export interface RefusalReply {
  ok: false
  error: string
}

/**
 * Thrown by a handler to refuse an event with a message for the client. `counts` makes it count
 * towards the socket's refusal limit: use it for what a well-behaved client never sends (a write
 * to a closed week), not for the ordinary races of a live meeting (someone else claimed first).
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly counts = false,
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

// Loose on the event maps (the dispatcher reads raw events with onAny); strict on the socket's data.
export type EventSocket = Socket<never, never, never, { identity: Identity }>

export interface EventContext {
  socket: EventSocket
  identity: Identity
  log: Logger
}

export interface EventHandler<P = unknown, R = unknown> {
  event: string
  /** Changes shared state; refusals of mutating events count towards the refusal limit. */
  mutates: boolean
  /** The permission the sender's role needs (shared ACTIONS table); null: any signed-in socket. */
  action: Action | null
  parse(payload: unknown): Parsed<P>
  /** Returns the ack's reply; throws Refusal to refuse. */
  handle(payload: P, context: EventContext): R | Promise<R>
}

/** Erases a handler's payload type so handlers of different events can share one registry. */
export type AnyEventHandler = EventHandler<never, unknown>

export function defineHandler<P, R>(handler: EventHandler<P, R>): AnyEventHandler {
  return handler as unknown as AnyEventHandler
}

export class EventRegistry {
  private readonly handlers = new Map<string, AnyEventHandler>()

  constructor(handlers: Iterable<AnyEventHandler> = []) {
    for (const handler of handlers) this.register(handler)
  }

  register(handler: AnyEventHandler): this {
    if (this.handlers.has(handler.event)) throw new Error(`socket.io event registered twice: ${handler.event}`)
    this.handlers.set(handler.event, handler)
    return this
  }

  get(event: string): AnyEventHandler | undefined {
    return this.handlers.get(event)
  }

  get all(): AnyEventHandler[] {
    return [...this.handlers.values()]
  }

  get mutating(): AnyEventHandler[] {
    return this.all.filter((handler) => handler.mutates)
  }
}

export interface DispatcherOptions {
  log: Logger
  rate?: Readonly<Rate>
  refusalRate?: Readonly<Rate>
  now?: () => number
}

type Ack = (reply: unknown) => void

export class EventDispatcher {
  private readonly log: Logger
  private readonly rate: Readonly<Rate>
  private readonly refusalRate: Readonly<Rate>
  private readonly now: () => number

  constructor(
    readonly registry: EventRegistry,
    options: DispatcherOptions,
  ) {
    this.log = options.log
    this.rate = options.rate ?? SOCKET_EVENT_RATE
    this.refusalRate = options.refusalRate ?? SOCKET_REFUSAL_RATE
    this.now = options.now ?? Date.now
  }

  /** Routes every event the socket sends through the checks and its handler. */
  attach(socket: EventSocket): void {
    const events = new TokenBucket()
    const refusals = new TokenBucket()
    let queue: Promise<void> = Promise.resolve()
    const log = this.log.child({ socket: socket.id, user: socket.data.identity.id })

    const disconnect = (why: string, fields: Record<string, unknown> = {}) => {
      if (!socket.connected) return
      log.warn(`socket.io client disconnected: ${why}`, fields)
      socket.disconnect(true)
    }

    const refuse = (ack: Ack | null, error: string, counts: boolean, event: string) => {
      reply(ack, { ok: false, error } satisfies RefusalReply, log)
      log.debug('socket.io event refused', { event, error })
      if (counts && !refusals.take(this.refusalRate, this.now())) disconnect('too many refused events', { event })
    }

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (!socket.connected) return
      if (!events.take(this.rate, this.now())) {
        disconnect('over its event rate')
        return
      }
      // socket.io appends the ack function last when the client asked for one; a client cannot
      // send a function, so anything else in that place is just another argument.
      const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : null
      const name = typeof event === 'string' ? event.slice(0, 100) : String(event)
      const handler = typeof event === 'string' ? this.registry.get(event) : undefined
      if (!handler) {
        refuse(ack, 'Unknown event.', true, name)
        return
      }
      const identity = socket.data.identity
      if (handler.action !== null && !can(identity.role, handler.action)) {
        refuse(ack, `Your role may not do this (${handler.event}).`, handler.mutates, name)
        return
      }
      let parsed: Parsed<unknown>
      try {
        parsed = handler.parse(args[0])
      } catch (error) {
        log.error('socket.io validator failed', { event: name, error })
        parsed = { ok: false, error: 'The payload could not be read.' }
      }
      if (!parsed.ok) {
        refuse(ack, parsed.error, handler.mutates, name)
        return
      }
      const value = parsed.value as never
      queue = queue.then(async () => {
        if (!socket.connected) return
        try {
          reply(ack, await handler.handle(value, { socket, identity, log }), log)
        } catch (error) {
          if (error instanceof Refusal) {
            refuse(ack, error.message, error.counts, name)
            return
          }
          log.error('socket.io handler failed', { event: name, error })
          reply(ack, { ok: false, error: 'The server could not handle this event.' } satisfies RefusalReply, log)
        }
      })
    })
  }
}

/** Answers an ack if there is one; a failing ack (or a gone socket) never throws out of here. */
function reply(ack: Ack | null, value: unknown, log: Logger): void {
  if (!ack) return
  try {
    ack(value)
  } catch (error) {
    log.warn('socket.io ack failed', { error })
  }
}
