/**
 * Which lead owns an OKR. The unified front divides the work: the Product Lead drives customer
 * value and the roadmap, the Engineering Lead drives feasibility, infrastructure and technical
 * debt, and some OKRs are shared. The board shows the owning domain so a team knows whose call it is.
 */
import type { LeadRole } from '../people.js'

export const DOMAINS = ['product', 'engineering', 'shared'] as const
export type Domain = (typeof DOMAINS)[number]

export function isDomain(value: unknown): value is Domain {
  return typeof value === 'string' && (DOMAINS as readonly string[]).includes(value)
}

/** The lead (or, for a shared OKR, both leads) whose domain an OKR is in. */
export const DOMAIN_LEADS: Record<Domain, readonly LeadRole[]> = {
  product: ['product-lead'],
  engineering: ['engineering-lead'],
  shared: ['product-lead', 'engineering-lead'],
}

export const DOMAIN_LABELS: Record<Domain, string> = {
  product: 'Product',
  engineering: 'Engineering',
  shared: 'Shared',
}
