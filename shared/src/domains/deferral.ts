/**
 * The deferral rule in words. A unified front means each lead owns a domain and the other stands
 * behind the owner's call, so whoever asks hears both at once: whose call it is, and that the other
 * lead supports it. The same sentences on the asker's screen, in the leads' inbox and in the
 * server's refusals.
 */
import { LEAD_ROLES, type LeadRole } from '../people.js'
import { ROLE_LABELS } from '../roles.js'

/** The two leads' names as the account store knows them; missing while a lead role is vacant. */
export interface LeadNames {
  productLead?: string | null | undefined
  engineeringLead?: string | null | undefined
}

/** The lead who is not `role`. */
export function otherLead(role: LeadRole): LeadRole {
  return LEAD_ROLES.find((lead) => lead !== role)!
}

/** The name of whoever holds `role`, or null when nobody does (or nobody told us). */
export function leadName(names: LeadNames, role: LeadRole): string | null {
  const name = role === 'product-lead' ? names.productLead : names.engineeringLead
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null
}

/** " (Sam Okafor)", or nothing when the name is unknown. */
function inParentheses(name: string | null): string {
  return name === null ? '' : ` (${name})`
}

/**
 * "That is the Engineering Lead’s domain (Sam Okafor), and the Product Lead (Maya Brooks) supports
 * that call." A lead without a name is named by their role alone.
 */
export function deferralLine(domain: { owner: LeadRole }, names: LeadNames): string {
  const owner = domain.owner
  const other = otherLead(owner)
  return (
    `That is the ${ROLE_LABELS[owner]}’s domain${inParentheses(leadName(names, owner))}, ` +
    `and the ${ROLE_LABELS[other]}${inParentheses(leadName(names, other))} supports that call.`
  )
}

/**
 * What the other lead's inbox says of a question that is not theirs to answer: "Sam’s call" with
 * the owner's first name, or "The Engineering Lead’s call" when the owner has no name.
 */
export function ownersCall(owner: LeadRole, names: LeadNames): string {
  const name = leadName(names, owner)
  return name === null ? `The ${ROLE_LABELS[owner]}’s call` : `${name.split(/\s+/)[0]}’s call`
}
