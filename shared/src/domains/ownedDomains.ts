/**
 * The domain map of the unified front: each decision domain (tech debt, roadmap priority, ...) and
 * the lead who owns it. The owner makes the call; the other lead defers and says so (deferral.ts).
 * Not to be confused with an OKR's `domain` (review/domains.ts: product, engineering or shared),
 * which says whose OKR it is; this map says whose call a question is.
 *
 * Lives in the `workspace` document (leads, chiefs of staff and admins edit it, see `domain.edit`):
 *
 *   ownerDomains: Y.Map<domainId, Y.Map { name: string, owner: 'product-lead' | 'engineering-lead',
 *                                         description: string, order: number }>
 *   seeded:       Y.Map { ownerDomains: true }   once the defaults were written
 *
 * The six defaults are written by `ensureDefaultDomains` with FIXED ids ('tech-debt', ...), so two
 * servers (or clients) writing them at the same moment write the same keys with the same values and
 * converge on one copy. The `seeded` mark makes it a one-time thing: a default someone removed
 * stays removed. Custom domains get random ids. Commands validate first and throw a
 * ValidationError with a sentence; each is one transaction.
 */
import type * as Y from 'yjs'
import { isLeadRole, LEAD_ROLES, type LeadRole } from '../people.js'
import { ROLE_LABELS } from '../roles.js'
import { check, ValidationError } from '../review/errors.js'
import { randomId } from '../review/ids.js'
import type { IdOption } from '../review/workspace.js'
import { idError, lineError, squish } from '../review/validation.js'
import { childMap, childMaps, newEntry, numberField, setIfChanged, stringField, type EntryMap } from '../review/ymaps.js'
import { compareOrdered, moveOrdered, nextOrder, type MoveDirection } from './ordering.js'

export const OWNER_DOMAINS_MAP = 'ownerDomains'
/** Marks of one-time setup steps already done in the workspace. */
export const SEEDED_MAP = 'seeded'
export const OWNER_DOMAINS_SEEDED = 'ownerDomains'

export const OWNED_DOMAIN_NAME_MAX = 60
export const OWNED_DOMAIN_DESCRIPTION_MAX = 300

export interface OwnedDomain {
  id: string
  name: string
  owner: LeadRole
  /** What falls in this domain, in a sentence; may be empty. */
  description: string
  order: number
}

export interface OwnedDomainInput {
  name: string
  owner: LeadRole
  description?: string
}

/** The defaults, in the order the map lists them: the Engineering Lead's three, then the Product Lead's. */
export const DEFAULT_OWNED_DOMAINS: readonly Omit<OwnedDomain, 'order'>[] = [
  { id: 'tech-debt', name: 'Tech debt', owner: 'engineering-lead', description: 'What to pay back in the code and when, and what it costs to leave it.' },
  { id: 'infrastructure', name: 'Infrastructure', owner: 'engineering-lead', description: 'Hosting, reliability, tooling and the platform teams build on.' },
  { id: 'architectural-feasibility', name: 'Architectural feasibility', owner: 'engineering-lead', description: 'Whether and how something can be built, and at what risk.' },
  { id: 'customer-value', name: 'Customer value', owner: 'product-lead', description: 'What helps customers most, and how we know.' },
  { id: 'roadmap-priority', name: 'Roadmap priority', owner: 'product-lead', description: 'What comes first on the roadmap, and what waits.' },
  { id: 'market-fit', name: 'Market fit', owner: 'product-lead', description: 'Which markets and customers we build for, and what they need.' },
]

export function ownerDomainsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(OWNER_DOMAINS_MAP)
}

// ---- reading ---------------------------------------------------------------------------------

function ownedDomainFrom(id: string, map: EntryMap): OwnedDomain | null {
  const name = map.get('name')
  const owner = map.get('owner')
  if (typeof name !== 'string' || name === '' || !isLeadRole(owner)) return null
  return { id, name, owner, description: stringField(map, 'description'), order: numberField(map, 'order', Number.MAX_SAFE_INTEGER) }
}

/** Every well-formed domain, in the map's order. */
export function listOwnedDomains(doc: Y.Doc): OwnedDomain[] {
  const domains: OwnedDomain[] = []
  for (const [id, map] of childMaps(ownerDomainsMap(doc))) {
    const domain = ownedDomainFrom(id, map)
    if (domain) domains.push(domain)
  }
  return domains.sort(compareOrdered)
}

export function readOwnedDomain(doc: Y.Doc, id: string): OwnedDomain | null {
  const map = childMap(ownerDomainsMap(doc), id)
  return map ? ownedDomainFrom(id, map) : null
}

/** Domain names compare without case or extra spaces: "Tech  debt " is "tech debt". */
function domainKey(name: string): string {
  return squish(name).toLowerCase()
}

export function findOwnedDomainByName(doc: Y.Doc, name: string): OwnedDomain | null {
  const key = domainKey(name)
  return listOwnedDomains(doc).find((domain) => domainKey(domain.name) === key) ?? null
}

/** "the Engineering Lead", for sentences. */
export function leadTitle(role: LeadRole): string {
  return `the ${ROLE_LABELS[role]}`
}

// ---- validation ------------------------------------------------------------------------------

export function ownedDomainNameError(name: unknown): string | null {
  if (typeof name !== 'string') return 'A domain name must be text.'
  return lineError(squish(name), 'A domain name', OWNED_DOMAIN_NAME_MAX, true)
}

export function ownedDomainDescriptionError(description: unknown): string | null {
  if (typeof description !== 'string') return 'A description must be text.'
  return lineError(squish(description), 'A description', OWNED_DOMAIN_DESCRIPTION_MAX)
}

export function domainOwnerError(owner: unknown): string | null {
  return isLeadRole(owner) ? null : `A domain is owned by one of the two leads: ${LEAD_ROLES.map((role) => ROLE_LABELS[role]).join(' or ')}.`
}

function requireDomainMap(doc: Y.Doc, id: string): EntryMap {
  const map = childMap(ownerDomainsMap(doc), id)
  if (!map || !ownedDomainFrom(id, map)) throw new ValidationError(`There is no domain with id ${id}.`)
  return map
}

function requireUniqueName(doc: Y.Doc, name: string, exceptId: string | null): void {
  const other = findOwnedDomainByName(doc, name)
  if (other && other.id !== exceptId) throw new ValidationError(`There is already a domain called ${other.name}.`, 'name')
}

// ---- commands --------------------------------------------------------------------------------

/** Adds a custom domain at the end of the map. */
export function addOwnedDomain(doc: Y.Doc, input: OwnedDomainInput, options: IdOption = {}): OwnedDomain {
  check(ownedDomainNameError(input.name), 'name')
  check(domainOwnerError(input.owner), 'owner')
  check(ownedDomainDescriptionError(input.description ?? ''), 'description')
  const name = squish(input.name)
  requireUniqueName(doc, name, null)
  const id = (options.newId ?? randomId)()
  check(idError(id, 'A new domain id'))
  if (ownerDomainsMap(doc).has(id)) throw new ValidationError(`A domain with id ${id} already exists.`)
  const domain: OwnedDomain = { id, name, owner: input.owner, description: squish(input.description ?? ''), order: nextOrder(ownerDomainsMap(doc)) }
  doc.transact(() => ownerDomainsMap(doc).set(id, newEntry({ name, owner: domain.owner, description: domain.description, order: domain.order })))
  return domain
}

export function renameOwnedDomain(doc: Y.Doc, id: string, name: string): void {
  const map = requireDomainMap(doc, id)
  check(ownedDomainNameError(name), 'name')
  const clean = squish(name)
  requireUniqueName(doc, clean, id)
  doc.transact(() => setIfChanged(map, 'name', clean))
}

export function describeOwnedDomain(doc: Y.Doc, id: string, description: string): void {
  const map = requireDomainMap(doc, id)
  check(ownedDomainDescriptionError(description), 'description')
  doc.transact(() => setIfChanged(map, 'description', squish(description)))
}

/** Hands a domain to the other lead. Questions already asked stay with the lead they were routed to. */
export function setDomainOwner(doc: Y.Doc, id: string, owner: LeadRole): void {
  const map = requireDomainMap(doc, id)
  check(domainOwnerError(owner), 'owner')
  doc.transact(() => setIfChanged(map, 'owner', owner))
}

/** One place up (-1) or down (1) in the map's order. */
export function moveOwnedDomain(doc: Y.Doc, id: string, direction: MoveDirection): void {
  requireDomainMap(doc, id)
  moveOrdered(doc, ownerDomainsMap(doc), listOwnedDomains(doc), id, direction)
}

/** Removes a domain, a default one too (it does not come back: see ensureDefaultDomains). */
export function removeOwnedDomain(doc: Y.Doc, id: string): void {
  requireDomainMap(doc, id)
  doc.transact(() => ownerDomainsMap(doc).delete(id))
}

/** Whether the defaults were written into this workspace once already. */
export function defaultDomainsSeeded(doc: Y.Doc): boolean {
  return doc.getMap(SEEDED_MAP).get(OWNER_DOMAINS_SEEDED) === true
}

/**
 * Writes the six default domains, once per workspace: a workspace that was seeded before is left
 * as it is, whatever was renamed or removed since. Returns whether it wrote anything. The server
 * calls it when it loads the workspace; `origin` marks the transaction as the server's own.
 */
export function ensureDefaultDomains(doc: Y.Doc, origin: unknown = null): boolean {
  if (defaultDomainsSeeded(doc)) return false
  doc.transact(() => {
    const map = ownerDomainsMap(doc)
    DEFAULT_OWNED_DOMAINS.forEach(({ id, name, owner, description }, order) => {
      if (!map.has(id)) map.set(id, newEntry({ name, owner, description, order }))
    })
    doc.getMap(SEEDED_MAP).set(OWNER_DOMAINS_SEEDED, true)
  }, origin)
  return true
}
