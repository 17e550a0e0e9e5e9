/**
 * The questions this tab may see (its own, or every question for the two leads) and the leads'
 * names, kept live over a socket.io connection of its own: questions are not tied to the week on
 * screen, so they must not come and go with the meeting's connection when someone browses weeks.
 * React reads it through useQuestions (useSyncExternalStore).
 *
 * On every (re)connect it lists again, so nothing sent while it was offline is missed; in between,
 * `question:new` and `question:answered` update the list in place. The server decides who hears
 * what (shared/src/domains/questions.ts); this store only mirrors it.
 */
import { io, type Socket } from 'socket.io-client'
import { readLeadNameList, readQuestion, type Deferral, type LeadNameList, type Question, type QuestionKind } from '@fourwall/shared'

export type QuestionsStatus = 'connecting' | 'live' | 'offline'

export interface QuestionsSnapshot {
  status: QuestionsStatus
  /** Newest first; null until the first list has arrived. */
  questions: Question[] | null
  leads: LeadNameList
  /** Why this tab cannot ask or answer now (signed out), in a sentence; null when it can. */
  problem: string | null
}

export type AskResult = { ok: true; question: Question; deferral: Deferral } | { ok: false; error: string }

export type ConnectQuestionSocket = () => Socket

/** Same origin, with the session cookie; websocket first, long polling where a proxy blocks it. */
export const connectQuestionSocket: ConnectQuestionSocket = () =>
  io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'], forceNew: true, autoConnect: false })

const ACK_TIMEOUT_MS = 5000
const RECONNECT_AFTER_SERVER_DISCONNECT_MS = 2000
const NOT_CONNECTED = 'Not connected to the server. Wait a moment until it reconnects, then try again.'
const NO_ANSWER = 'The server did not answer in time. Try again.'
const NOT_UNDERSTOOD = 'The server sent an answer this page does not understand.'
const SIGNED_OUT = 'Your session ended, so this page can no longer ask or answer questions. Sign in again.'

type Listener = () => void

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** For a stable sort: ties (asked in the same millisecond) keep the order they came in, the server's. */
function newestFirst(a: Question, b: Question): number {
  return b.askedAt - a.askedAt
}

export class QuestionStore {
  private socket: Socket | null = null
  private snapshot: QuestionsSnapshot = { status: 'connecting', questions: null, leads: { productLead: null, engineeringLead: null }, problem: null }
  private readonly listeners = new Set<Listener>()
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private sessionEnded = false

  constructor(private readonly connect: ConnectQuestionSocket = connectQuestionSocket) {}

  start(): void {
    if (this.socket) return
    const socket = this.connect()
    this.socket = socket
    socket.on('connect', () => void this.list(socket))
    socket.on('question:new', (value: unknown) => this.received(value))
    socket.on('question:answered', (value: unknown) => this.received(value))
    socket.on('session:ended', (value: unknown) => {
      if (isRecord(value) && value.reason === 'ended') this.sessionEnded = true
    })
    socket.on('disconnect', (reason) => {
      this.update({ status: 'offline', problem: this.sessionEnded ? SIGNED_OUT : null })
      // socket.io retries by itself after a network loss, not after the server hung up (a role change).
      if (reason === 'io server disconnect' && !this.sessionEnded) {
        this.reconnectTimer = setTimeout(() => this.socket === socket && socket.connect(), RECONNECT_AFTER_SERVER_DISCONNECT_MS)
      }
    })
    socket.on('connect_error', (error: Error) => {
      this.update({ status: 'offline', problem: error.message === 'unauthorized' ? SIGNED_OUT : null })
    })
    socket.connect()
  }

  stop(): void {
    const socket = this.socket
    this.socket = null
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    if (!socket) return
    socket.removeAllListeners()
    socket.disconnect()
  }

  getSnapshot = (): QuestionsSnapshot => this.snapshot

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Asks the leads; the stored question also appears in the list. */
  async ask(domainId: string, kind: QuestionKind, text: string): Promise<AskResult> {
    const reply = await this.request('question:ask', { domainId, kind, text })
    if (!reply.ok) return reply
    const question = readQuestion(reply.value.question)
    const deferral = reply.value.deferral
    const leads = isRecord(deferral) ? readLeadNameList(deferral.leads) : null
    if (!question || !isRecord(deferral) || typeof deferral.line !== 'string' || !leads) return { ok: false, error: NOT_UNDERSTOOD }
    this.upsert(question)
    this.update({ leads })
    return { ok: true, question, deferral: { ownerRole: question.ownerRole, leads, line: deferral.line } }
  }

  /** Answers a question routed to this lead; null when the server took it, else its sentence. */
  async answer(questionId: string, text: string): Promise<string | null> {
    const reply = await this.request('question:answer', { questionId, text })
    if (!reply.ok) return reply.error
    const question = readQuestion(reply.value.question)
    if (!question) return NOT_UNDERSTOOD
    this.upsert(question)
    return null
  }

  // ---- talking to the server ------------------------------------------------------------------

  private async list(socket: Socket): Promise<void> {
    this.update({ status: 'connecting', problem: null })
    const reply = await this.emit(socket, 'question:list')
    if (this.socket !== socket || !socket.connected) return
    if (!reply.ok) {
      this.update({ status: 'offline', problem: `Could not load the questions: ${reply.error}` })
      return
    }
    const raw = reply.value.questions
    const questions = Array.isArray(raw) ? raw.map(readQuestion) : null
    const leads = readLeadNameList(reply.value.leads)
    if (!questions || questions.some((question) => question === null) || !leads) {
      this.update({ status: 'offline', problem: NOT_UNDERSTOOD })
      return
    }
    // An event that arrived while the list was on its way may be newer than the list: keep it.
    const listed = new Map((questions as Question[]).map((question) => [question.id, question]))
    const held = this.snapshot.questions ?? []
    const merged = (questions as Question[]).map((question) => {
      const mine = held.find((q) => q.id === question.id)
      return mine?.answer && !question.answer ? mine : question
    })
    const newer = held.filter((question) => !listed.has(question.id))
    this.update({ status: 'live', questions: [...newer, ...merged].sort(newestFirst), leads })
  }

  private async request(event: string, payload: unknown): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: string }> {
    const socket = this.socket
    if (!socket?.connected) return { ok: false, error: this.snapshot.problem ?? NOT_CONNECTED }
    return this.emit(socket, event, payload)
  }

  private async emit(socket: Socket, event: string, payload?: unknown): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: string }> {
    let reply: unknown
    try {
      reply = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)
    } catch {
      return { ok: false, error: socket.connected ? NO_ANSWER : NOT_CONNECTED }
    }
    if (!isRecord(reply) || typeof reply.ok !== 'boolean') return { ok: false, error: NOT_UNDERSTOOD }
    if (!reply.ok) return { ok: false, error: typeof reply.error === 'string' ? reply.error : NOT_UNDERSTOOD }
    return { ok: true, value: reply }
  }

  private received(value: unknown): void {
    const question = readQuestion(value)
    if (!question) {
      console.error('Fourwall: ignored a question this page does not understand.')
      return
    }
    this.upsert(question)
  }

  /** Adds a question or replaces the copy held (an answer arrived); an answer is never taken back. */
  private upsert(question: Question): void {
    const held = this.snapshot.questions ?? []
    const existing = held.find((q) => q.id === question.id)
    if (existing?.answer && !question.answer) return
    const next = existing ? held.map((q) => (q.id === question.id ? question : q)) : [question, ...held].sort(newestFirst)
    this.update({ questions: next })
  }

  private update(change: Partial<QuestionsSnapshot>): void {
    const next = { ...this.snapshot, ...change }
    const previous = this.snapshot
    if (next.status === previous.status && next.questions === previous.questions && next.leads === previous.leads && next.problem === previous.problem) return
    this.snapshot = next
    for (const listener of [...this.listeners]) listener()
  }
}
