/**
 * Questions and decision requests to the leads over socket.io (the protocol is in
 * shared/src/domains/questions.ts). The dispatcher has checked the event rate, the role's
 * permission and the payload; these handlers check the rest:
 *
 * - asking: the domain must exist in the workspace's domain map, and the server reads its owner
 *   from there (never from the client), so a question always lands with the lead who owns the call.
 *   One person may ask ASK_RATE's burst at once, then a few a minute: the leads' inbox is not a chat.
 * - answering: only the lead the question was routed to; the other lead gets a sentence saying
 *   whose call it is. The first answer is kept (the store decides atomically).
 * - listing: the asker's own questions; the two leads (who may answer) see every question.
 *
 * Delivery uses socket.io rooms, so it keeps working once sockets are spread over several servers:
 * every socket is in `user:<id>` (socketio.ts) and, from joinQuestionRooms, in `role:<role>`.
 */
import { randomUUID } from 'node:crypto'
import {
  can,
  deferralLine,
  LEAD_ROLES,
  leadName,
  parseAnswerPayload,
  parseAskPayload,
  readOwnedDomain,
  ROLE_LABELS,
  WORKSPACE_DOC,
  type AnswerReply,
  type AskReply,
  type AuditAction,
  type AuditDetail,
  type LeadNameList,
  type LeadRole,
  type Question,
  type QuestionListReply,
  type QuestionPayloads,
  type Role,
} from '@fourwall/shared'
import type * as Y from 'yjs'
import type { AccountStore } from '../accounts/AccountStore.js'
import type { Identity } from '../auth/tokens.js'
import type { DocumentRegistry } from '../sync/DocumentRegistry.js'
import { TokenBucket, type Rate } from '../sync/RateLimiter.js'
import { defineHandler, Refusal, type AnyEventHandler, type EventContext, type EventSocket } from './events.js'

/** Questions one person may ask: 10 at once, then one every 30 seconds. */
export const ASK_RATE: Readonly<Rate> = Object.freeze({ perSecond: 1 / 30, burst: 10 })

/** How many questions a list answer carries at most (newest first). */
export const QUESTION_LIST_LIMIT = 500

export function roleRoomName(role: Role): string {
  return `role:${role}`
}

/** The room socketio.ts puts every socket of a person in. */
export function personRoomName(personId: string): string {
  return `user:${personId}`
}

/** Call on every new socket: the leads' sockets hear of new questions through their role's room. */
export function joinQuestionRooms(socket: { data: { identity: Identity }; join(room: string): unknown }): void {
  void socket.join(roleRoomName(socket.data.identity.role))
}

const LEAD_ROOMS = LEAD_ROLES.map(roleRoomName)

export interface QuestionHandlerDeps {
  store: AccountStore
  /** Runs `read` on the workspace document, loaded for the call. */
  readWorkspace<T>(read: (doc: Y.Doc) => T): Promise<T>
  /** Appends to the audit log; never throws. */
  audit(actor: Identity, action: AuditAction, target: string, detail: AuditDetail): Promise<void>
  now?: () => number
  newId?: () => string
  askRate?: Readonly<Rate>
}

/** The dependencies as FourwallServer has them. */
export function questionHandlerDeps(server: {
  documents: DocumentRegistry
  store: AccountStore
  accounts: { audit(actor: Identity | null, action: AuditAction, target: string | null, detail: AuditDetail): Promise<void> }
}): QuestionHandlerDeps {
  return {
    store: server.store,
    readWorkspace: (read) => server.documents.use(async (open) => read((await open(WORKSPACE_DOC)).ydoc)),
    audit: (actor, action, target, detail) => server.accounts.audit(actor, action, target, detail),
  }
}

/** Sends to every socket in `rooms` (each socket once, whichever server it is on). */
function tell(socket: EventSocket, rooms: string[], event: 'question:new' | 'question:answered', question: Question): void {
  ;(socket.nsp as unknown as { to(rooms: string[]): { emit(event: string, payload: unknown): void } }).to(rooms).emit(event, question)
}

/** Both leads' names from the account store (an API token's identity is nobody's: it has no name there). */
async function leadNames(store: AccountStore): Promise<LeadNameList> {
  const people = await store.listPeople()
  const holder = (role: LeadRole) => people.find((person) => person.role === role)?.name ?? null
  return { productLead: holder('product-lead'), engineeringLead: holder('engineering-lead') }
}

export function questionHandlers(deps: QuestionHandlerDeps): AnyEventHandler[] {
  const now = deps.now ?? Date.now
  const newId = deps.newId ?? randomUUID
  const askRate = deps.askRate ?? ASK_RATE
  // Per person, not per socket: a second tab does not double anyone's allowance.
  const askBuckets = new Map<string, TokenBucket>()

  const ask = async ({ domainId, kind, text }: QuestionPayloads['question:ask'], { socket, identity }: EventContext): Promise<AskReply> => {
    let bucket = askBuckets.get(identity.id)
    if (!bucket) askBuckets.set(identity.id, (bucket = new TokenBucket()))
    if (!bucket.take(askRate, now())) {
      throw new Refusal(`You have asked ${askRate.burst} questions in a short time; wait a minute before you ask another.`)
    }
    const domain = await deps.readWorkspace((doc) => readOwnedDomain(doc, domainId))
    if (!domain) throw new Refusal(`There is no domain with id ${domainId} in the workspace any more: choose one from the list.`)
    const question: Question = {
      id: newId(),
      kind,
      domainId: domain.id,
      domainName: domain.name,
      ownerRole: domain.owner,
      text,
      askerId: identity.id,
      askerName: identity.name,
      askerRole: identity.role,
      askedAt: now(),
      answer: null,
    }
    const stored = await deps.store.addQuestion(question)
    const leads = await leadNames(deps.store)
    await deps.audit(identity, 'question.asked', stored.id, { kind, domain: domain.name, owner: domain.owner })
    // The leads' inboxes, and the asker's other tabs.
    tell(socket, [...LEAD_ROOMS, personRoomName(identity.id)], 'question:new', stored)
    return { ok: true, question: stored, deferral: { ownerRole: domain.owner, leads, line: deferralLine(domain, leads) } }
  }

  const answer = async ({ questionId, text }: QuestionPayloads['question:answer'], { socket, identity }: EventContext): Promise<AnswerReply> => {
    const question = await deps.store.getQuestion(questionId)
    if (!question) throw new Refusal(`There is no question with id ${questionId}.`)
    if (identity.role !== question.ownerRole) {
      const owner = question.ownerRole
      const name = leadName(await leadNames(deps.store), owner)
      throw new Refusal(
        `That is the ${ROLE_LABELS[owner]}'s call: ${question.domainName} is their domain, so ${name ?? `the ${ROLE_LABELS[owner]}`} answers it and you support that call.`,
      )
    }
    if (question.answer) throw new Refusal(`${question.answer.byName} already answered this question.`)
    const mine = { text, byId: identity.id, byName: identity.name, at: now() }
    const stored = await deps.store.answerQuestion(questionId, mine)
    // Another tab of the same lead got there first.
    if (stored.answer?.at !== mine.at || stored.answer.text !== mine.text || stored.answer.byId !== mine.byId) {
      throw new Refusal(`${stored.answer?.byName ?? 'Someone'} already answered this question.`)
    }
    await deps.audit(identity, 'question.answered', stored.id, { domain: stored.domainName, asker: stored.askerName })
    tell(socket, [...LEAD_ROOMS, personRoomName(stored.askerId)], 'question:answered', stored)
    return { ok: true, question: stored }
  }

  const list = async (_payload: undefined, { identity }: EventContext): Promise<QuestionListReply> => {
    const everyone = can(identity.role, 'question.answer')
    const questions = await deps.store.listQuestions(everyone ? { limit: QUESTION_LIST_LIMIT } : { askerId: identity.id, limit: QUESTION_LIST_LIMIT })
    return { ok: true, questions, leads: await leadNames(deps.store) }
  }

  return [
    defineHandler<QuestionPayloads['question:ask'], AskReply>({
      event: 'question:ask',
      mutates: true,
      action: 'question.ask',
      parse: parseAskPayload,
      handle: ask,
    }),
    defineHandler<QuestionPayloads['question:answer'], AnswerReply>({
      event: 'question:answer',
      mutates: true,
      action: 'question.answer',
      parse: parseAnswerPayload,
      handle: answer,
    }),
    defineHandler<undefined, QuestionListReply>({
      event: 'question:list',
      mutates: false,
      // Everyone who may ask may read their own; the leads (question.answer) read all.
      action: 'question.ask',
      parse: () => ({ ok: true, value: undefined }),
      handle: list,
    }),
  ]
}
