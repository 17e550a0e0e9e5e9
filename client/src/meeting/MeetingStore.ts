/**
 * The live meeting of one week as this tab sees it: one socket.io connection, the MeetingState the
 * server last sent, the connection status, the clock offset, and the actions. React reads it
 * through useMeeting (useSyncExternalStore); the board's rows read the focus through FocusSource,
 * so a focus change wakes only the rows whose answer changed, never the rest of the page.
 *
 * The server keeps the meeting (shared/src/meeting.ts); this store only mirrors it. Every state it
 * receives in order replaces the one it holds, except a state older than the one held (a version
 * lower than the current; the same version is a presence or clock refresh). After a reconnect the
 * join ack replaces the state whatever its version, since a restarted server counts from 0.
 */
import { io, type Socket } from 'socket.io-client'
import {
  timerRemainingMs,
  type MeetingEvent,
  type MeetingPayloads,
  type MeetingState,
  type TimerAction,
  type WeekId,
} from '@fourwall/shared'
import type { FocusSource } from '../board/meetingFocus.js'
import { ClockOffset } from './clockOffset.js'
import { readMeetingPresence, readMeetingReply, readMeetingState } from './wire.js'

export type MeetingStatus = 'connecting' | 'live' | 'offline'

export interface MeetingSnapshot {
  /** Null until the first join succeeded. */
  state: MeetingState | null
  status: MeetingStatus
  /** Add to Date.now() for the server's time. */
  clockOffsetMs: number
  /** Why this tab cannot follow the meeting (signed out), in a sentence; null when it can. */
  problem: string | null
}

/** Each resolves with null when the server accepted, or the sentence saying why not. */
export interface MeetingActions {
  claim(): Promise<string | null>
  handover(toPersonId: string): Promise<string | null>
  focus(itemId: string | null): Promise<string | null>
  timer(action: TimerAction, seconds?: number): Promise<string | null>
}

/** How the store opens its connection; tests of the page use the real one. */
export type ConnectMeetingSocket = () => Socket

/** Same origin, with the session cookie; websocket first, long polling where a proxy blocks it. */
export const connectMeetingSocket: ConnectMeetingSocket = () =>
  io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'], forceNew: true, autoConnect: false })

/** How long an action waits for the server's answer. */
export const ACK_TIMEOUT_MS = 5000
/** A fresh clock sample this often while connected, so a corrected clock is noticed. */
export const CLOCK_SAMPLE_EVERY_MS = 60_000
/** Samples taken right after joining: the best of a few round trips is much better than one. */
const FIRST_CLOCK_SAMPLES = 3
/** After the server cut the connection (but not the session), try again this much later. */
const RECONNECT_AFTER_SERVER_DISCONNECT_MS = 2000

const NOT_CONNECTED = 'Not connected to the meeting. Wait until it says "Meeting live", then try again.'
const NO_ANSWER = 'The server did not answer in time. Try again.'
const SIGNED_OUT = 'Your session ended, so this page no longer follows the meeting. Sign in again.'

type Listener = () => void

export class MeetingStore implements FocusSource {
  private socket: Socket | null = null
  private snapshot: MeetingSnapshot = { state: null, status: 'connecting', clockOffsetMs: 0, problem: null }
  private readonly clock = new ClockOffset()
  private readonly listeners = new Set<Listener>()
  private readonly focusListeners = new Set<Listener>()
  private timers: ReturnType<typeof setTimeout>[] = []
  private sessionEnded = false

  readonly actions: MeetingActions = {
    claim: () => this.request('meeting:claim', { weekId: this.weekId }),
    handover: (toPersonId) => this.request('meeting:handover', { weekId: this.weekId, toPersonId }),
    focus: (itemId) => this.request('meeting:focus', { weekId: this.weekId, itemId }),
    timer: (action, seconds) => this.request('meeting:timer', seconds === undefined ? { weekId: this.weekId, action } : { weekId: this.weekId, action, seconds }),
  }

  constructor(
    readonly weekId: WeekId,
    private readonly connect: ConnectMeetingSocket = connectMeetingSocket,
  ) {}

  // ---- lifecycle ------------------------------------------------------------------------------

  /** Opens the connection and joins the week's room (again after every reconnect). */
  start(): void {
    if (this.socket) return
    this.update({ status: 'connecting', problem: null })
    const socket = this.connect()
    this.socket = socket
    socket.on('connect', () => void this.join(socket))
    socket.on('meeting:state', (value: unknown) => this.received(value))
    socket.on('meeting:present', (value: unknown) => this.receivedPresence(value))
    socket.on('session:ended', (value: unknown) => {
      if (typeof value === 'object' && value !== null && (value as { reason?: unknown }).reason === 'ended') this.sessionEnded = true
    })
    socket.on('disconnect', (reason) => {
      this.stopTimers()
      this.update({ status: 'offline', problem: this.sessionEnded ? SIGNED_OUT : null })
      // socket.io retries by itself after a network loss, but not after the server hung up. A role
      // change hangs up too: come back under the new role. A session that ended stays offline.
      if (reason === 'io server disconnect' && !this.sessionEnded) this.later(() => this.socket === socket && socket.connect(), RECONNECT_AFTER_SERVER_DISCONNECT_MS)
    })
    socket.on('connect_error', (error: Error) => {
      // The server refused the handshake (no valid session): socket.io does not retry that.
      const refused = error.message === 'unauthorized'
      this.update({ status: 'offline', problem: refused ? SIGNED_OUT : null })
    })
    socket.connect()
  }

  /** Leaves the room and closes the connection (the page or the week changed). */
  stop(): void {
    const socket = this.socket
    this.socket = null
    this.stopTimers()
    if (!socket) return
    if (socket.connected) socket.emit('meeting:leave', { weekId: this.weekId })
    socket.removeAllListeners()
    socket.disconnect()
    this.update({ status: 'offline' })
  }

  // ---- reading --------------------------------------------------------------------------------

  getSnapshot = (): MeetingSnapshot => this.snapshot

  /** Any change: state, status, clock offset. */
  subscribeSnapshot = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** FocusSource: the item the facilitator focused, for everyone. */
  focusedItemId = (): string | null => this.snapshot.state?.focus?.itemId ?? null

  /** FocusSource: changes of the focused item only (not of the timer, presence or status). */
  subscribe = (listener: Listener): (() => void) => {
    this.focusListeners.add(listener)
    return () => this.focusListeners.delete(listener)
  }

  /** The server's time now, as well as this tab knows it. */
  serverNow = (): number => Date.now() + this.snapshot.clockOffsetMs

  /** Time left on the timer now (0 when it ran out), on the server's clock; null before joining. */
  remainingMs(): number | null {
    const state = this.snapshot.state
    return state ? timerRemainingMs(state.timer, this.serverNow()) : null
  }

  // ---- talking to the server ------------------------------------------------------------------

  private async join(socket: Socket): Promise<void> {
    this.clock.reset()
    this.update({ status: 'connecting', problem: null })
    const sentAt = Date.now()
    const reply = await this.emit(socket, 'meeting:join', { weekId: this.weekId })
    if (this.socket !== socket || !socket.connected) return
    if (!reply.ok) {
      this.update({ status: 'offline', problem: `Could not join the meeting: ${reply.error}` })
      return
    }
    if (reply.state) {
      this.clock.addRoundTrip(reply.state.serverNow, sentAt, Date.now())
      this.apply(reply.state, true)
    }
    this.update({ status: 'live', clockOffsetMs: this.clock.offsetMs })
    for (let sample = 1; sample < FIRST_CLOCK_SAMPLES; sample++) await this.sampleClock(socket)
    this.scheduleClockSample(socket)
  }

  private scheduleClockSample(socket: Socket): void {
    this.later(async () => {
      if (this.socket !== socket || !socket.connected) return
      await this.sampleClock(socket)
      this.scheduleClockSample(socket)
    }, CLOCK_SAMPLE_EVERY_MS)
  }

  private async sampleClock(socket: Socket): Promise<void> {
    const sentAt = Date.now()
    try {
      const reply: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('clock')
      const serverNow = (reply as { serverNow?: unknown } | null)?.serverNow
      if (typeof serverNow !== 'number') return
      this.clock.addRoundTrip(serverNow, sentAt, Date.now())
      this.update({ clockOffsetMs: this.clock.offsetMs })
    } catch {
      // No answer: the next sample will do; the offset in use stays.
    }
  }

  private async request<E extends Exclude<MeetingEvent, 'meeting:join' | 'meeting:leave'>>(event: E, payload: MeetingPayloads[E]): Promise<string | null> {
    const socket = this.socket
    if (!socket?.connected || this.snapshot.status !== 'live') return NOT_CONNECTED
    const sentAt = Date.now()
    const reply = await this.emit(socket, event, payload)
    if (!reply.ok) return reply.error
    if (reply.state && this.socket === socket) {
      this.clock.addRoundTrip(reply.state.serverNow, sentAt, Date.now())
      this.apply(reply.state, false)
    }
    return null
  }

  private async emit(socket: Socket, event: MeetingEvent, payload: unknown) {
    try {
      return readMeetingReply(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload), this.weekId)
    } catch {
      return { ok: false as const, error: socket.connected ? NO_ANSWER : NOT_CONNECTED }
    }
  }

  private received(value: unknown): void {
    const state = readMeetingState(value, this.weekId)
    if (!state) {
      console.error('Fourwall: ignored a meeting state this page does not understand.')
      return
    }
    this.clock.addOneWay(state.serverNow, Date.now())
    this.apply(state, false)
  }

  private receivedPresence(value: unknown): void {
    const presence = readMeetingPresence(value, this.weekId)
    const state = this.snapshot.state
    if (!presence) {
      console.error('Fourwall: ignored a presence update this page does not understand.')
      return
    }
    this.clock.addOneWay(presence.serverNow, Date.now())
    if (state) this.update({ state: { ...state, present: presence.present, serverNow: presence.serverNow }, clockOffsetMs: this.clock.offsetMs })
  }

  /** Takes a state from the server; `fresh` (a join ack) replaces whatever is held. */
  private apply(state: MeetingState, fresh: boolean): void {
    const held = this.snapshot.state
    if (!fresh && held && state.version < held.version) return
    this.update({ state, clockOffsetMs: this.clock.offsetMs })
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private update(change: Partial<MeetingSnapshot>): void {
    const previous = this.snapshot
    const next = { ...previous, ...change }
    if (
      next.state === previous.state &&
      next.status === previous.status &&
      next.clockOffsetMs === previous.clockOffsetMs &&
      next.problem === previous.problem
    ) {
      return
    }
    this.snapshot = next
    const focusChanged = (previous.state?.focus?.itemId ?? null) !== (next.state?.focus?.itemId ?? null)
    if (focusChanged) for (const listener of [...this.focusListeners]) listener()
    for (const listener of [...this.listeners]) listener()
  }

  private later(run: () => unknown, ms: number): void {
    const timer = setTimeout(() => {
      this.timers = this.timers.filter((t) => t !== timer)
      void run()
    }, ms)
    this.timers.push(timer)
  }

  private stopTimers(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers = []
  }
}
