/**
 * What the review decided about an item it discussed. Exactly one outcome per item per week; a new
 * one replaces the old (the facilitator corrects a mis-click), and `clearOutcome` removes it.
 *
 * - `resolved`: nothing more is needed; the at-risk counter starts over next week (status.ts).
 * - `shift`: a resource shift, said in one line (`summary`: "Move two mobile engineers from Checkout
 *   to Payments"). The ledger (a later issue) records the shift itself and links it by `shiftId`.
 * - `decision`: a decision, said in one line ("Delay the EU launch by two weeks"), linked to its
 *   ledger entry by `decisionId` once there is one.
 * - `follow-up`: someone owns the next step by a date; both are required.
 *
 * The summary is required even once the ledger exists: the week's summary (summary.ts) and the
 * Slack post must read on their own, without a lookup in another document.
 *
 * An outcome is stored as one plain object under the item's `outcome` key: it is a single fact, so
 * a concurrent edit replaces it whole rather than mixing two outcomes into one.
 */
import { NAME_MAX } from '../people.js'
import type { Parsed } from '../meeting.js'
import { idError, isoDateError, lineError } from './validation.js'

export const OUTCOME_KINDS = ['resolved', 'shift', 'decision', 'follow-up'] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  resolved: 'Resolved',
  shift: 'Resource shift',
  decision: 'Decision',
  'follow-up': 'Follow-up',
}

/** The longest one-line summary of a shift or a decision. */
export const OUTCOME_SUMMARY_MAX = 200

export type OutcomeInput =
  | { kind: 'resolved' }
  | { kind: 'shift'; summary: string; shiftId?: string }
  | { kind: 'decision'; summary: string; decisionId?: string }
  | { kind: 'follow-up'; owner: string; due: string }

/** Who recorded something, by id (for attribution) and name (to show without a lookup). */
export interface PersonRef {
  id: string
  name: string
}

export type Outcome = OutcomeInput & { recordedBy: PersonRef; at: string }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/** A shift's or decision's summary: one line of 1 to OUTCOME_SUMMARY_MAX characters once trimmed. */
function summaryErrorOf(summary: unknown, what: string): string | null {
  if (typeof summary !== 'string' || summary.trim() === '') return `${what} needs a one-line summary, such as "Delay the EU launch by two weeks".`
  return lineError(summary.trim(), `${what}'s summary`, OUTCOME_SUMMARY_MAX)
}

/** Checks an outcome as a form or an API sends it; unknown keys are dropped. */
export function parseOutcomeInput(value: unknown): Parsed<OutcomeInput> {
  if (!isPlainObject(value)) return { ok: false, error: 'An outcome must be an object such as {"kind": "resolved"}.' }
  const kind = own(value, 'kind')
  switch (kind) {
    case 'resolved':
      return { ok: true, value: { kind } }
    case 'shift':
    case 'decision': {
      const what = kind === 'shift' ? 'A resource shift' : 'A decision'
      const summary = own(value, 'summary')
      const summaryError = summaryErrorOf(summary, what)
      if (summaryError) return { ok: false, error: summaryError }
      const idKey = kind === 'shift' ? 'shiftId' : 'decisionId'
      const id = own(value, idKey)
      // The ledger link is optional; absent and null both mean "not linked yet".
      if (id !== undefined && id !== null) {
        const error = idError(id, `${what}'s ${idKey}`)
        if (error) return { ok: false, error }
      }
      const clean = (summary as string).trim()
      if (kind === 'shift') return { ok: true, value: typeof id === 'string' ? { kind, summary: clean, shiftId: id } : { kind, summary: clean } }
      return { ok: true, value: typeof id === 'string' ? { kind, summary: clean, decisionId: id } : { kind, summary: clean } }
    }
    case 'follow-up': {
      const owner = own(value, 'owner')
      const due = own(value, 'due')
      if (typeof owner !== 'string' || owner.trim() === '') return { ok: false, error: 'A follow-up needs an owner.' }
      const ownerError = lineError(owner.trim(), 'A follow-up\'s owner', NAME_MAX)
      if (ownerError) return { ok: false, error: ownerError }
      if (due === undefined || due === null || due === '') return { ok: false, error: 'A follow-up needs a due date.' }
      const dueError = isoDateError(due, 'A follow-up\'s due date')
      if (dueError) return { ok: false, error: dueError }
      return { ok: true, value: { kind, owner: owner.trim(), due: due as string } }
    }
    default:
      return { ok: false, error: 'An outcome is resolved, shift, decision or follow-up.' }
  }
}

function readPersonRef(value: unknown): PersonRef | null {
  if (!isPlainObject(value)) return null
  const id = own(value, 'id')
  const name = own(value, 'name')
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null
}

/** The outcome stored in a document, or null when there is none or it is malformed. */
export function readOutcome(value: unknown): Outcome | null {
  if (!isPlainObject(value)) return null
  const parsed = parseOutcomeInput(value)
  const recordedBy = readPersonRef(own(value, 'recordedBy'))
  const at = own(value, 'at')
  if (!parsed.ok || !recordedBy || typeof at !== 'string') return null
  return { ...parsed.value, recordedBy, at }
}
