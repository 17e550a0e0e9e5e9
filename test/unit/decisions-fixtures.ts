/**
 * Decisions for the unit tests: a draft written through the real command into a private document,
 * and the server's real signing key (derived from a secret as the server does).
 */
import * as Y from 'yjs'
import {
  createDecision,
  readDecision,
  signatureMessage,
  textHash,
  writeDecisionSignature,
  type Decision,
  type DecisionPatch,
  type LeadRole,
  type Signature,
  type WeekId,
} from '@fourwall/shared'
import { DecisionSigningKey } from '../../server/src/decisions/DecisionSigningKey.js'

export const WEEK = '2026-W48' as WeekId
export const KEY = DecisionSigningKey.fromSecret('unit-test secret of at least thirty-two characters')
export const AUTHOR = { id: 'person-cass', name: 'Cass Ruiz' }

export const SIGNERS: Record<LeadRole, { id: string; name: string }> = {
  'product-lead': { id: 'person-maya', name: 'Maya Brooks' },
  'engineering-lead': { id: 'person-eli', name: 'Eli Chen' },
}

export const TEXT: DecisionPatch & { title: string } = {
  title: 'Move two mobile engineers to the Android launch',
  context: 'The Android launch in Brazil is Red for the third week.',
  decision: 'Two mobile engineers move from Search to the Android launch for six weeks.',
  rationale: 'Brazil is our largest new market; Search is Green and can wait.',
  domainId: 'roadmap-priority',
  domainName: 'Roadmap priority',
  domainOwner: 'product-lead',
  okrIds: ['okr-android', 'okr-search'],
  shiftIds: ['shift-1'],
  principleIds: ['customers-first'],
}

export function privateDocWithDraft(patch: Partial<typeof TEXT> = {}): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc()
  const { id } = createDecision(doc, { ...TEXT, ...patch }, { by: AUTHOR, newId: () => 'decision-1', now: new Date('2026-11-23T09:00:00Z') })
  return { doc, id }
}

/** What the server writes when `role` signs the decision as it reads now. */
export function signAs(doc: Y.Doc, id: string, role: LeadRole, at = '2026-11-23T10:02:00.000Z', key = KEY): Signature {
  const decision = readDecision(doc, id)!
  const fields = { role, signerId: SIGNERS[role].id, signerName: SIGNERS[role].name, at, textHash: textHash(decision) }
  const signature = { ...fields, sig: key.sign(signatureMessage(WEEK, id, fields)) }
  writeDecisionSignature(doc, id, signature)
  return signature
}

export function read(doc: Y.Doc, id: string): Decision {
  return readDecision(doc, id)!
}
