/**
 * What a decision can cite, read from the documents the board already has: the week's items (its
 * OKRs), the week's resource shifts, and the workspace's domain map and product principles. The
 * shift ledger, the domain map and the principles are their own features: read here defensively,
 * straight from the shared documents' maps, so a decision still works while one of them is empty,
 * missing or written by a newer version.
 */
import { buildAgenda, isLeadRole, listItems, ROLE_LABELS, type LeadRole } from '@fourwall/shared'
import * as Y from 'yjs'

export interface LinkOption {
  id: string
  label: string
}

export interface DomainOption {
  id: string
  name: string
  owner: LeadRole
}

/** The workspace maps and their fields (see shared/src/domains/ and shared/src/principles/). */
const DOMAINS_MAP = 'ownerDomains'
const PRINCIPLES_MAP = 'principles'
/** The week's resource-shift ledger (see shared/src/ledger/). */
const SHIFTS_MAP = 'shifts'

function entries(map: Y.Map<unknown>): Array<[string, Y.Map<unknown>]> {
  const found: Array<[string, Y.Map<unknown>]> = []
  map.forEach((value, id) => {
    if (value instanceof Y.Map) found.push([id, value as Y.Map<unknown>])
  })
  return found
}

function text(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : ''
}

function orderOf(map: Y.Map<unknown>): number {
  const value = map.get('order')
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER
}

function ordered<T extends { label: string; order: number; id: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
}

/** The week's items, Red and Yellow first (what decisions are usually about), then the rest. */
export function okrOptions(week: Y.Doc): LinkOption[] {
  const agenda = buildAgenda(listItems(week))
  return [...agenda.discuss, ...agenda.unset, ...agenda.green].map((item) => ({
    id: item.id,
    label: item.teamName ? `${item.objective} (${item.teamName})` : item.objective,
  }))
}

/** The week's shifts in words: "2 × Mobile to Launch the Android app in Brazil". */
export function shiftOptions(week: Y.Doc): LinkOption[] {
  const objectives = new Map(listItems(week).map((item) => [item.id, item.objective]))
  const shifts = entries(week.getMap(SHIFTS_MAP)).map(([id, map]) => {
    const headcount = map.get('headcount')
    const skill = text(map, 'skill') === 'custom' ? text(map, 'customSkill') : text(map, 'skill').replace(/-/g, ' ')
    const to = objectives.get(text(map, 'to'))
    const people = typeof headcount === 'number' ? `${headcount} × ${skill || 'people'}` : skill || 'People'
    return { id, label: to ? `${people} to ${to}` : people, order: orderOf(map) }
  })
  return ordered(shifts).map(({ id, label }) => ({ id, label }))
}

export function principleOptions(workspace: Y.Doc | null): Array<LinkOption & { explanation: string }> {
  if (!workspace) return []
  const principles = entries(workspace.getMap(PRINCIPLES_MAP))
    .map(([id, map]) => ({ id, label: text(map, 'name'), explanation: text(map, 'explanation'), order: orderOf(map) }))
    .filter((principle) => principle.label !== '')
  return ordered(principles).map(({ id, label, explanation }) => ({ id, label, explanation }))
}

export function domainOptions(workspace: Y.Doc | null): DomainOption[] {
  if (!workspace) return []
  const domains = entries(workspace.getMap(DOMAINS_MAP)).flatMap(([id, map]) => {
    const owner = map.get('owner')
    const name = text(map, 'name')
    return name !== '' && isLeadRole(owner) ? [{ id, name, owner, label: name, order: orderOf(map) }] : []
  })
  return ordered(domains).map(({ id, name, owner }) => ({ id, name, owner }))
}

/** "Roadmap priority, the Product Lead's call"; or only whose call it is while no domain is named. */
export function domainLine(decision: { domainName: string; domainOwner: LeadRole | null }): string | null {
  const owner = decision.domainOwner ? `the ${ROLE_LABELS[decision.domainOwner]}'s call` : null
  if (decision.domainName && owner) return `${decision.domainName}, ${owner}`
  if (owner) return owner.charAt(0).toUpperCase() + owner.slice(1)
  return decision.domainName || null
}
