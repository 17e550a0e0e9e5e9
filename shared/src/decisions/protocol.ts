/**
 * The socket.io command a lead signs with (the server's side is server/src/decisions/):
 *
 * - `decision:sign` {weekId, decisionId}, with an ack: the Product Lead or the Engineering Lead
 *   signs the decision's current text as themselves. The ack is `{ ok: true, signature, published }`
 *   (`published`: this signature completed the pair and the decision is now in the public week) or
 *   `{ ok: false, error }` with a sentence. Refused: any other role, a closed week, a decision that
 *   does not exist or was superseded, one without a title, decision or rationale.
 *
 * The signature and the published copy reach every screen through the documents, like any edit.
 */
import type { Action } from '../permissions.js'
import type { Parsed } from '../meeting.js'
import { ID_PATTERN } from '../review/validation.js'
import { isWeekId, type WeekId } from '../week.js'
import type { Signature } from './model.js'

export const DECISION_SIGN_EVENT = 'decision:sign'
export const DECISION_SIGN_ACTION: Action = 'decision.sign'

export interface DecisionSignPayload {
  weekId: WeekId
  decisionId: string
}

export type DecisionSignReply = { ok: true; signature: Signature; published: boolean } | { ok: false; error: string }

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/** Checks the payload; unknown keys are ignored, anything else wrong is refused with a sentence. */
export function parseDecisionSignPayload(payload: unknown): Parsed<DecisionSignPayload> {
  if (!isPlainObject(payload)) return { ok: false, error: `The payload of "${DECISION_SIGN_EVENT}" must be an object such as {"weekId": "2026-W48", "decisionId": "…"}` }
  const weekId = own(payload, 'weekId')
  if (!isWeekId(weekId)) return { ok: false, error: '"weekId" must be an ISO week such as 2026-W48' }
  const decisionId = own(payload, 'decisionId')
  if (typeof decisionId !== 'string' || !ID_PATTERN.test(decisionId)) {
    return { ok: false, error: '"decisionId" must be 1 to 100 characters of A-Z, a-z, 0-9, _ and -' }
  }
  return { ok: true, value: { weekId, decisionId } }
}
