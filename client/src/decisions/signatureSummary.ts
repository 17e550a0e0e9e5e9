import { LEAD_ROLES, type Decision, type SignatureStates } from '@fourwall/shared'

/**
 * One line for a collapsed decision: how far it is from publishing. The words follow the badges'
 * (signatureWords), so "changed since signed" and "unverified" show before the decision is opened.
 */
export function signatureSummary(decision: Decision, states: SignatureStates | null): string {
  if (!states) return LEAD_ROLES.some((role) => decision.signatures[role]) ? 'Checking signatures…' : 'Not signed yet'
  const values = LEAD_ROLES.map((role) => states[role])
  if (values.includes('unverified')) return 'Unverified signature'
  if (values.includes('changed-since-signed')) return 'Changed since signed — sign again'
  const valid = values.filter((state) => state === 'valid').length
  if (valid === 2) return 'Signed by both leads'
  return valid === 1 ? 'Signed by one lead of two' : 'Not signed yet'
}
