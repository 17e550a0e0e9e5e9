/**
 * Questions and decision requests to the leads, over socket.io. They are the server's data, not a
 * document's: each asker may see only their own, the two leads see all of them. The server reads
 * the chosen domain and its owner from the workspace's domain map itself, so a client cannot route
 * a question to the wrong lead.
 *
 * Client→server (each with an ack):
 * - `question:ask` {domainId, kind, text} (`question.ask`) → {ok, question, deferral}: the stored
 *   question and the deferral facts (who owns it, both leads' names, the sentence to show).
 * - `question:answer` {questionId, text} (`question.answer`): only the lead who owns the question's
 *   domain answers; the other lead is refused with "That is the Engineering Lead's call…". A
 *   question is answered once.
 * - `question:list` (no payload) → {ok, questions, leads}: the asker's own questions, or for the
 *   leads every question; newest first; `leads` names both leads for the deferral line.
 *
 * Server→client:
 * - `question:new` (Question) to both leads and to the asker's other tabs.
 * - `question:answered` (Question) to the asker and both leads.
 */
import type { LeadRole } from '../people.js'
import { isLeadRole } from '../people.js'
import type { Role } from '../roles.js'
import { isRole } from '../roles.js'
import { isId } from '../review/validation.js'

export const QUESTION_KINDS = ['question', 'decision-request'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  question: 'Question',
  'decision-request': 'Decision request',
}

export function isQuestionKind(value: unknown): value is QuestionKind {
  return typeof value === 'string' && (QUESTION_KINDS as readonly string[]).includes(value)
}

export const QUESTION_TEXT_MAX = 1000
export const ANSWER_TEXT_MAX = 2000

export interface QuestionAnswer {
  text: string
  byId: string
  byName: string
  /** ms since the epoch, the server's clock. */
  at: number
}

export interface Question {
  id: string
  kind: QuestionKind
  domainId: string
  /** The domain's name when it was asked (a later rename or removal does not change the question). */
  domainName: string
  /** The lead the question was routed to: the domain's owner when it was asked. */
  ownerRole: LeadRole
  text: string
  askerId: string
  askerName: string
  askerRole: Role
  askedAt: number
  answer: QuestionAnswer | null
}

/** Both leads' names for the deferral line; null while a lead role is vacant. */
export interface LeadNameList {
  productLead: string | null
  engineeringLead: string | null
}

/** What the asker learns at once: whose call it is and that the other lead stands behind it. */
export interface Deferral {
  ownerRole: LeadRole
  leads: LeadNameList
  /** deferralLine(...) for this domain and these names. */
  line: string
}

export interface QuestionPayloads {
  'question:ask': { domainId: string; kind: QuestionKind; text: string }
  'question:answer': { questionId: string; text: string }
  'question:list': undefined
}

export type QuestionEvent = keyof QuestionPayloads

export type AskReply = { ok: true; question: Question; deferral: Deferral } | { ok: false; error: string }
export type AnswerReply = { ok: true; question: Question } | { ok: false; error: string }
export type QuestionListReply = { ok: true; questions: Question[]; leads: LeadNameList } | { ok: false; error: string }

export type ParsedQuestion<T> = { ok: true; value: T } | { ok: false; error: string }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

/** Own properties only, so `{}` never reads anything off Object.prototype. */
function field(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/** A question's or an answer's text: trimmed, not empty, at most `max` characters; line breaks are fine. */
export function questionTextError(text: unknown, what: 'A question' | 'An answer', max: number): string | null {
  if (typeof text !== 'string') return `${what} must be text.`
  const trimmed = text.trim()
  if (trimmed === '') return what === 'A question' ? 'A question needs some words: write what you want to know.' : 'An answer needs some words: write your answer.'
  if (trimmed.length > max) return `${what} has at most ${max} characters (this one has ${trimmed.length}).`
  return null
}

/** Checks `question:ask`'s payload; unknown keys are ignored. */
export function parseAskPayload(payload: unknown): ParsedQuestion<QuestionPayloads['question:ask']> {
  if (!isPlainObject(payload)) return { ok: false, error: 'The payload of "question:ask" must be an object such as {"domainId": "tech-debt", "kind": "question", "text": "…"}.' }
  const domainId = field(payload, 'domainId')
  if (!isId(domainId)) return { ok: false, error: 'Choose a domain: "domainId" must be the id of one of the workspace\'s domains.' }
  const kind = field(payload, 'kind')
  if (!isQuestionKind(kind)) return { ok: false, error: '"kind" must be "question" or "decision-request".' }
  const text = field(payload, 'text')
  const textError = questionTextError(text, 'A question', QUESTION_TEXT_MAX)
  if (textError) return { ok: false, error: textError }
  return { ok: true, value: { domainId, kind, text: (text as string).trim() } }
}

/** Checks `question:answer`'s payload. */
export function parseAnswerPayload(payload: unknown): ParsedQuestion<QuestionPayloads['question:answer']> {
  if (!isPlainObject(payload)) return { ok: false, error: 'The payload of "question:answer" must be an object such as {"questionId": "…", "text": "…"}.' }
  const questionId = field(payload, 'questionId')
  if (typeof questionId !== 'string' || questionId.length === 0 || questionId.length > 100) {
    return { ok: false, error: '"questionId" must be the id of a question (1 to 100 characters).' }
  }
  const text = field(payload, 'text')
  const textError = questionTextError(text, 'An answer', ANSWER_TEXT_MAX)
  if (textError) return { ok: false, error: textError }
  return { ok: true, value: { questionId, text: (text as string).trim() } }
}

// ---- reading what the server sent (the client's side of the boundary) ------------------------

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function readAnswer(value: unknown): QuestionAnswer | null | undefined {
  if (value === null) return null
  if (!isPlainObject(value)) return undefined
  const { text, byId, byName, at } = value
  return typeof text === 'string' && typeof byId === 'string' && typeof byName === 'string' && isTime(at) ? { text, byId, byName, at } : undefined
}

/** A question as the server sent it, or null when it is malformed (a server of another version). */
export function readQuestion(value: unknown): Question | null {
  if (!isPlainObject(value)) return null
  const { id, kind, domainId, domainName, ownerRole, text, askerId, askerName, askerRole, askedAt } = value
  const answer = readAnswer(value.answer)
  if (typeof id !== 'string' || !isQuestionKind(kind) || typeof domainId !== 'string' || typeof domainName !== 'string') return null
  if (!isLeadRole(ownerRole) || typeof text !== 'string' || typeof askerId !== 'string' || typeof askerName !== 'string') return null
  if (!isRole(askerRole) || !isTime(askedAt) || answer === undefined) return null
  return { id, kind, domainId, domainName, ownerRole, text, askerId, askerName, askerRole, askedAt, answer }
}

export function readLeadNameList(value: unknown): LeadNameList | null {
  if (!isPlainObject(value)) return null
  const name = (raw: unknown): string | null | undefined => (raw === null ? null : typeof raw === 'string' ? raw : undefined)
  const productLead = name(value.productLead)
  const engineeringLead = name(value.engineeringLead)
  return productLead === undefined || engineeringLead === undefined ? null : { productLead, engineeringLead }
}
