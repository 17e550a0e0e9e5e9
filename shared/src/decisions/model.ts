/**
 * Decisions: what the two leads decide together and stand behind. A decision is drafted by the
 * leadership in the week's leadership-PRIVATE document (`week:<id>:private`, which viewers never
 * receive), signed by both leads through a server command (signing.ts, never by writing into a
 * document), and, once both signatures hold for its current text, published by the server into the
 * PUBLIC week document, where every team lead reads it.
 *
 * Yjs shape, the same in both documents (the public copy carries status 'published'):
 *
 *   decisions: Y.Map<decisionId, Y.Map {
 *                title: string (one line), context, decision, rationale: string (a few paragraphs)
 *                domainId: string ('' while unknown), domainName: string, domainOwner: LeadRole | null
 *                      (a copy of the workspace domain's name and owner, so the decision reads on its own)
 *                okrIds: string[], shiftIds: string[], principleIds: string[]
 *                status: 'draft' | 'proposed' | 'aligned' | 'published' | 'superseded'
 *                createdBy: { id, name }, createdAt: ISO time
 *                signatures: Y.Map<'product-lead' | 'engineering-lead', Signature>   (signing.ts)
 *              }>
 *
 * One Y.Map per decision, so two people editing different fields of it both keep their edit. The
 * id lists are plain arrays replaced as a whole (a picker writes the list it shows). Readers never
 * trust a value's type: anyone with write access can put anything into a document.
 */
import * as Y from 'yjs'
import { isLeadRole, LEAD_ROLES, type LeadRole } from '../people.js'
import type { PersonRef } from '../review/outcome.js'
import { isId } from '../review/validation.js'
import { childMap, childMaps, stringField, type EntryMap } from '../review/ymaps.js'

export const DECISIONS_MAP = 'decisions'
export const DECISION_SIGNATURES_KEY = 'signatures'

export const DECISION_STATUSES = ['draft', 'proposed', 'aligned', 'published', 'superseded'] as const
export type DecisionStatus = (typeof DECISION_STATUSES)[number]

export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Draft',
  proposed: 'Proposed',
  aligned: 'Aligned',
  published: 'Published',
  superseded: 'Superseded',
}

export function isDecisionStatus(value: unknown): value is DecisionStatus {
  return typeof value === 'string' && (DECISION_STATUSES as readonly string[]).includes(value)
}

/** One lead's signature, as the server writes it (signing.ts says what `sig` covers). */
export interface Signature {
  role: LeadRole
  signerId: string
  signerName: string
  /** When the server signed, ISO time. */
  at: string
  /** SHA-256 (hex) of the decision's text as it was signed (decisionText in text.ts). */
  textHash: string
  /** Ed25519 signature by the server's decision key, base64url. */
  sig: string
}

/** The signed fields: what a lead stands behind when signing (text.ts hashes exactly these). */
export interface DecisionText {
  title: string
  context: string
  decision: string
  rationale: string
  domainId: string
  domainName: string
  domainOwner: LeadRole | null
  okrIds: string[]
  shiftIds: string[]
  principleIds: string[]
}

export interface Decision extends DecisionText {
  id: string
  status: DecisionStatus
  createdBy: PersonRef
  createdAt: string
  /**
   * What is stored under each lead's key, read as text: a malformed value still shows up here (its
   * fields '' where they were not text) so that it reads as an unverified signature, never as none.
   */
  signatures: Partial<Record<LeadRole, Signature>>
}

export function decisionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DECISIONS_MAP)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isId) : []
}

function readPerson(value: unknown): PersonRef {
  if (!isRecord(value)) return { id: '', name: '' }
  return { id: typeof value.id === 'string' ? value.id : '', name: typeof value.name === 'string' ? value.name : '' }
}

/** A signature as stored; non-text fields read as '' so that verification fails instead of throwing. */
export function readDecisionSignature(value: unknown, role: LeadRole): Signature | null {
  if (value === undefined || value === null) return null
  const record = isRecord(value) ? value : {}
  const text = (key: string): string => (typeof record[key] === 'string' ? (record[key] as string) : '')
  // A signature counts for the key it is stored under: the role is part of what is signed, so one
  // lead's signature moved under the other's key fails verification.
  return { role, signerId: text('signerId'), signerName: text('signerName'), at: text('at'), textHash: text('textHash'), sig: text('sig') }
}

function readSignatures(value: unknown): Partial<Record<LeadRole, Signature>> {
  const signatures: Partial<Record<LeadRole, Signature>> = {}
  if (!(value instanceof Y.Map)) return signatures
  for (const role of LEAD_ROLES) {
    const signature = readDecisionSignature(value.get(role), role)
    if (signature) signatures[role] = signature
  }
  return signatures
}

/** Reads one decision map; every field falls back to a safe default when a peer wrote nonsense. */
export function decisionFrom(id: string, map: EntryMap): Decision {
  const status = map.get('status')
  const owner = map.get('domainOwner')
  return {
    id,
    title: stringField(map, 'title'),
    context: stringField(map, 'context'),
    decision: stringField(map, 'decision'),
    rationale: stringField(map, 'rationale'),
    domainId: stringField(map, 'domainId'),
    domainName: stringField(map, 'domainName'),
    domainOwner: isLeadRole(owner) ? owner : null,
    okrIds: idList(map.get('okrIds')),
    shiftIds: idList(map.get('shiftIds')),
    principleIds: idList(map.get('principleIds')),
    status: isDecisionStatus(status) ? status : 'draft',
    createdBy: readPerson(map.get('createdBy')),
    createdAt: stringField(map, 'createdAt'),
    signatures: readSignatures(map.get(DECISION_SIGNATURES_KEY)),
  }
}

export function decisionMap(doc: Y.Doc, decisionId: string): EntryMap | null {
  return childMap(decisionsMap(doc), decisionId)
}

export function readDecision(doc: Y.Doc, decisionId: string): Decision | null {
  const map = decisionMap(doc, decisionId)
  return map ? decisionFrom(decisionId, map) : null
}

/** Newest first (by creation time, then id), so the decision being drafted now is on top. */
export function listDecisions(doc: Y.Doc): Decision[] {
  return childMaps(decisionsMap(doc))
    .map(([id, map]) => decisionFrom(id, map))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
}

/** The published decisions of a public week document, newest first. */
export function listPublishedDecisions(doc: Y.Doc): Decision[] {
  return listDecisions(doc).filter((decision) => decision.status === 'published')
}

/** The signed fields of a decision, and nothing else. */
export function decisionTextOf(decision: DecisionText): DecisionText {
  const { title, context, decision: text, rationale, domainId, domainName, domainOwner, okrIds, shiftIds, principleIds } = decision
  return { title, context, decision: text, rationale, domainId, domainName, domainOwner, okrIds, shiftIds, principleIds }
}
