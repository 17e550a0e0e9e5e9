/**
 * What the server writes when a lead signs (see signing.ts and server/src/decisions/): the
 * signature into the private document's decision, and, once both leads' signatures hold for the
 * current text, the published copy in the public week document. Kept here, beside the model, so
 * the shape the server writes and the shape every client reads cannot drift apart.
 */
import * as Y from 'yjs'
import type { LeadRole } from '../people.js'
import { ValidationError } from '../review/errors.js'
import { newEntry } from '../review/ymaps.js'
import { decisionFrom, decisionMap, decisionsMap, DECISION_SIGNATURES_KEY, decisionTextOf, type Decision, type DecisionStatus, type Signature } from './model.js'

/** Why a decision cannot be signed as it stands; null when it can. */
export function unsignableReason(decision: Decision): string | null {
  if (decision.status === 'superseded') return 'This decision was superseded: it can no longer be signed.'
  const missing = [
    decision.title.trim() === '' ? 'a title' : null,
    decision.decision.trim() === '' ? 'the decision itself' : null,
    decision.rationale.trim() === '' ? 'its rationale' : null,
  ].filter((part): part is string => part !== null)
  if (missing.length === 0) return null
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`
  return `Write ${list} before signing: the org reads what both leads stand behind.`
}

/** Puts a lead's signature on the decision, replacing any earlier one of that lead. */
export function writeDecisionSignature(doc: Y.Doc, decisionId: string, signature: Signature): void {
  const map = decisionMap(doc, decisionId)
  if (!map) throw new ValidationError('This week has no such decision: it may have been removed.')
  doc.transact(() => {
    let signatures = map.get(DECISION_SIGNATURES_KEY)
    if (!(signatures instanceof Y.Map)) {
      signatures = new Y.Map<unknown>()
      map.set(DECISION_SIGNATURES_KEY, signatures)
    }
    ;(signatures as Y.Map<unknown>).set(signature.role satisfies LeadRole, { ...signature })
  })
}

export function writeDecisionStatus(doc: Y.Doc, decisionId: string, status: DecisionStatus): void {
  const map = decisionMap(doc, decisionId)
  if (map && map.get('status') !== status) doc.transact(() => map.set('status', status))
}

/**
 * Writes the decision as it reads now (its text, links, author and signatures) into the public
 * week document with status 'published', replacing an earlier published version of it. Copies
 * what was read and checked, never the raw private map, so nothing else of the private document
 * can travel along.
 */
export function writePublishedCopy(publicDoc: Y.Doc, decision: Decision): Decision {
  const signatures = new Y.Map<unknown>()
  for (const [role, signature] of Object.entries(decision.signatures)) signatures.set(role, { ...signature })
  const copy = newEntry({
    ...decisionTextOf(decision),
    status: 'published',
    createdBy: { ...decision.createdBy },
    createdAt: decision.createdAt,
    [DECISION_SIGNATURES_KEY]: signatures,
  })
  publicDoc.transact(() => decisionsMap(publicDoc).set(decision.id, copy))
  return decisionFrom(decision.id, copy)
}
