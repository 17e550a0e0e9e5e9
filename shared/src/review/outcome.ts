/**
 * What the review decided about an item it discussed. Exactly one outcome per item per week; a new
 * one replaces the old (the facilitator corrects a mis-click), and `clearOutcome` removes it.
 *
 * - `resolved`: nothing more is needed; the at-risk counter starts over next week (status.ts).
 * - `shift`: a resource shift, recorded in the ledger (next issue) under `shiftId`.
 * - `decision`: a decision, recorded in the ledger under `decisionId`.
 * - `follow-up`: someone owns the next step by a date; both are required.
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

export type OutcomeInput =
  | { kind: 'resolved' }
  | { kind: 'shift'; shiftId: string }
  | { kind: 'decision'; decisionId: string }
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

/** Checks an outcome as a form or an API sends it; unknown keys are dropped. */
export function parseOutcomeInput(value: unknown): Parsed<OutcomeInput> {
  if (!isPlainObject(value)) return { ok: false, error: 'An outcome must be an object such as {"kind": "resolved"}.' }
  const kind = own(value, 'kind')
  switch (kind) {
    case 'resolved':
      return { ok: true, value: { kind } }
    case 'shift': {
      const shiftId = own(value, 'shiftId')
      const error = idError(shiftId, 'A resource shift outcome needs the shift\'s id; it')
      return error ? { ok: false, error } : { ok: true, value: { kind, shiftId: shiftId as string } }
    }
    case 'decision': {
      const decisionId = own(value, 'decisionId')
      const error = idError(decisionId, 'A decision outcome needs the decision\'s id; it')
      return error ? { ok: false, error } : { ok: true, value: { kind, decisionId: decisionId as string } }
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
