/**
 * Drafting decisions in a week's leadership-private document. Leadership (the leads and their
 * chiefs of staff, `decision.draft`) writes these; signing and publishing belong to the server
 * (publish.ts), which is why `aligned` and `published` cannot be set here.
 *
 * Like the review commands, each validates first, refuses a closed week, throws a ValidationError
 * with a sentence a person can act on, and runs as one transaction writing only what changes.
 */
import type * as Y from 'yjs'
import { isLeadRole, type LeadRole } from '../people.js'
import { check, ValidationError } from '../review/errors.js'
import { randomId, type NewId } from '../review/ids.js'
import { assertWeekOpen } from '../review/items.js'
import type { PersonRef } from '../review/outcome.js'
import { idError, isId, lineError } from '../review/validation.js'
import { newEntry, setIfChanged } from '../review/ymaps.js'
import { decisionFrom, decisionMap, decisionsMap, DECISION_STATUS_LABELS, isDecisionStatus, type Decision, type DecisionStatus, type DecisionText } from './model.js'

export const DECISION_TITLE_MAX = 200
/** Context, the decision and the rationale: a few short paragraphs each, not a document. */
export const DECISION_BODY_MAX = 2000
export const DECISION_DOMAIN_NAME_MAX = 80
/** Links of one kind (OKRs, shifts or principles) one decision may cite. */
export const DECISION_LINKS_MAX = 50

export type DecisionPatch = Partial<DecisionText>

/** The statuses people set; `aligned` and `published` follow from both leads' signatures. */
export const DECISION_AUTHOR_STATUSES = ['draft', 'proposed', 'superseded'] as const satisfies readonly DecisionStatus[]

export function decisionTitleError(value: unknown): string | null {
  return lineError(value, 'A decision\'s title', DECISION_TITLE_MAX, true)
}

/** Context, decision and rationale: text of several lines, possibly empty while drafting. */
export function decisionBodyError(value: unknown, what: string): string | null {
  if (typeof value !== 'string') return `${what} must be text.`
  if (value.length > DECISION_BODY_MAX) return `${what} has at most ${DECISION_BODY_MAX} characters.`
  return null
}

export function decisionDomainOwnerError(value: unknown): string | null {
  return value === null || isLeadRole(value) ? null : 'A domain\'s owner is the Product Lead or the Engineering Lead.'
}

export function decisionDomainIdError(value: unknown): string | null {
  // '' while the workspace's domain map does not name the domain (or has none yet).
  return value === '' ? null : idError(value, 'A domain id')
}

export function decisionLinksError(value: unknown, what: string): string | null {
  if (!Array.isArray(value)) return `${what} must be a list of ids.`
  if (value.length > DECISION_LINKS_MAX) return `A decision cites at most ${DECISION_LINKS_MAX} ${what.toLowerCase()}.`
  const bad = value.find((id) => !isId(id))
  return bad === undefined ? null : `${what}: ${JSON.stringify(String(bad).slice(0, 40))} is not an id (1 to 100 characters of A-Z, a-z, 0-9, _ and -).`
}

const FIELD_CHECKS: { [K in keyof DecisionText]-?: (value: unknown) => string | null } = {
  title: decisionTitleError,
  context: (value) => decisionBodyError(value, 'The context'),
  decision: (value) => decisionBodyError(value, 'The decision'),
  rationale: (value) => decisionBodyError(value, 'The rationale'),
  domainId: decisionDomainIdError,
  domainName: (value) => lineError(value, 'A domain\'s name', DECISION_DOMAIN_NAME_MAX),
  domainOwner: decisionDomainOwnerError,
  okrIds: (value) => decisionLinksError(value, 'Linked OKRs'),
  shiftIds: (value) => decisionLinksError(value, 'Linked shifts'),
  principleIds: (value) => decisionLinksError(value, 'Cited principles'),
}

/** Validates every field of a patch (unknown keys are refused: a typo must not pass silently). */
function checkPatch(patch: DecisionPatch): DecisionPatch {
  const clean: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const field = FIELD_CHECKS[key as keyof DecisionText] as ((value: unknown) => string | null) | undefined
    if (!field) throw new ValidationError(`A decision has no field "${key.slice(0, 40)}".`, key)
    check(field(value), key)
    // Text is stored as typed (trimming while someone types would eat the space they just typed).
    clean[key] = Array.isArray(value) ? [...new Set(value as string[])] : value
  }
  return clean as DecisionPatch
}

function requireDecision(doc: Y.Doc, decisionId: string): Y.Map<unknown> {
  const map = decisionMap(doc, decisionId)
  if (!map) throw new ValidationError('This week has no such decision: it may have been removed.')
  return map
}

export interface CreateDecisionOptions {
  by: PersonRef
  now?: Date
  newId?: NewId
}

/** Starts a draft with at least a title. */
export function createDecision(doc: Y.Doc, input: DecisionPatch & { title: string }, options: CreateDecisionOptions): Decision {
  assertWeekOpen(doc)
  const fields = checkPatch(input)
  const { by } = options
  if (typeof by?.id !== 'string' || by.id === '' || typeof by.name !== 'string') {
    throw new ValidationError('A decision is drafted by a person (an id and a name).', 'createdBy')
  }
  const id = (options.newId ?? randomId)()
  check(idError(id, 'A new decision id'))
  const decisions = decisionsMap(doc)
  if (decisions.has(id)) throw new ValidationError(`A decision with id ${id} already exists.`)
  const empty: DecisionText = {
    title: '',
    context: '',
    decision: '',
    rationale: '',
    domainId: '',
    domainName: '',
    domainOwner: null,
    okrIds: [],
    shiftIds: [],
    principleIds: [],
  }
  const map = newEntry({
    ...empty,
    ...fields,
    status: 'draft',
    createdBy: { id: by.id, name: by.name },
    createdAt: (options.now ?? new Date()).toISOString(),
  })
  doc.transact(() => decisions.set(id, map))
  return decisionFrom(id, map)
}

/**
 * Changes the text, domain or links. Allowed after signing too: the signatures then read "changed
 * since signed" until both leads sign the new text (and the published copy stays as it was signed).
 */
export function updateDecision(doc: Y.Doc, decisionId: string, patch: DecisionPatch): boolean {
  assertWeekOpen(doc)
  const map = requireDecision(doc, decisionId)
  if (decisionFrom(decisionId, map).status === 'superseded') throw new ValidationError('A superseded decision is kept as it was: draft a new one instead.')
  const fields = checkPatch(patch)
  let changed = false
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) if (setIfChanged(map, key, value)) changed = true
  })
  return changed
}

/** Sets the decision's domain from the workspace's domain map (or a free choice of owner). */
export function setDecisionDomain(doc: Y.Doc, decisionId: string, domain: { id: string; name: string; owner: LeadRole | null }): boolean {
  return updateDecision(doc, decisionId, { domainId: domain.id, domainName: domain.name, domainOwner: domain.owner })
}

/**
 * Moves a decision between draft and proposed, or marks it superseded. A published decision stays
 * published until another replaces it (superseded); `aligned` and `published` are the server's.
 */
export function setDecisionStatus(doc: Y.Doc, decisionId: string, status: DecisionStatus): boolean {
  assertWeekOpen(doc)
  const map = requireDecision(doc, decisionId)
  if (!isDecisionStatus(status)) throw new ValidationError('A decision is draft, proposed, aligned, published or superseded.', 'status')
  if (!(DECISION_AUTHOR_STATUSES as readonly string[]).includes(status)) {
    throw new ValidationError(`A decision becomes ${DECISION_STATUS_LABELS[status].toLowerCase()} when both leads have signed it, not by hand.`, 'status')
  }
  const current = decisionFrom(decisionId, map).status
  if (current === status) return false
  if (current === 'superseded') throw new ValidationError('A superseded decision is kept as it was: draft a new one instead.', 'status')
  if (status !== 'superseded' && (current === 'aligned' || current === 'published')) {
    throw new ValidationError(`This decision is ${DECISION_STATUS_LABELS[current].toLowerCase()}: mark it superseded when another one replaces it.`, 'status')
  }
  doc.transact(() => map.set('status', status))
  return true
}
