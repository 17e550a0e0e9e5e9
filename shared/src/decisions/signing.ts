/**
 * The leads' signatures on a decision, and how anyone checks them.
 *
 * Only the server signs: a lead asks it to with the `decision:sign` command (protocol.ts), and it
 * writes `{ role, signerId, signerName, at, textHash, sig }` under that lead's key of the decision's
 * `signatures` map. `sig` is an Ed25519 signature (base64url) by the server's decision key over
 *
 *   fourwall-decision-v1 \n weekId \n decisionId \n role \n signerId \n at \n textHash \n signerName
 *
 * (each on its own line; the name last, since it is the one field that may hold any text). Its
 * public key is served at `GET /api/keys/decisions`. Anyone who may write the private document
 * could write something that looks like a signature, so every reader verifies: a signature counts
 * only if it verifies against that key for this week, this decision and this lead, and it covers
 * the decision's current text only if its `textHash` is the hash of that text now.
 */
import * as ed from '@noble/ed25519'
import { sha512 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { LEAD_ROLES, type LeadRole } from '../people.js'
import type { WeekId } from '../week.js'
import { base64urlToBytes } from './base64url.js'
import type { Decision, Signature } from './model.js'
import { textHash } from './text.js'

// noble-ed25519 hashes with WebCrypto unless told otherwise, and WebCrypto exists only on https
// pages: a board served over plain http on a LAN would fail to verify. Its synchronous functions
// use this pure-JS SHA-512 instead, the same on every page and in Node.
ed.hashes.sha512 = sha512

export const DECISION_SIGNATURE_DOMAIN = 'fourwall-decision-v1'

/** What a lead's signature says about the decision as it is now. */
export type SignatureState =
  /** Nobody signed as this lead yet. */
  | 'missing'
  /** Signed by the server for this lead, over the decision's current text. */
  | 'valid'
  /** A genuine signature, but the text changed since: the lead has to sign again. */
  | 'changed-since-signed'
  /** Something is stored there, but the server's key did not sign it (forged or damaged). */
  | 'unverified'

export type SignatureStates = Record<LeadRole, SignatureState>

/** The fields of a signature that its `sig` covers. */
export type SignatureFields = Omit<Signature, 'sig'>

/** The bytes the server signs for one lead's signature. */
export function signatureMessage(weekId: WeekId, decisionId: string, fields: SignatureFields): Uint8Array {
  const { role, signerId, at, textHash: hash, signerName } = fields
  return utf8ToBytes([DECISION_SIGNATURE_DOMAIN, weekId, decisionId, role, signerId, at, hash, signerName].join('\n'))
}

/**
 * Whether `signature.sig` is the server's signature (`publicKey`, base64url) over this signature's
 * fields for this week and decision. Never throws: anything malformed is simply not verified.
 */
export function verifySignature(publicKey: string, weekId: WeekId, decisionId: string, signature: Signature): boolean {
  // A verification takes a millisecond or more, and a board re-reads every decision on each
  // keystroke of a draft: the answer for the same inputs never changes, so it is remembered.
  const cacheKey = JSON.stringify([publicKey, weekId, decisionId, signature.role, signature.signerId, signature.signerName, signature.at, signature.textHash, signature.sig])
  const known = verified.get(cacheKey)
  if (known !== undefined) return known
  const result = verifyUncached(publicKey, weekId, decisionId, signature)
  if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!)
  verified.set(cacheKey, result)
  return result
}

/** Verdicts remembered, oldest dropped first: a week's signatures, many times over. */
const VERIFIED_CACHE_SIZE = 1000
const verified = new Map<string, boolean>()

function verifyUncached(publicKey: string, weekId: WeekId, decisionId: string, signature: Signature): boolean {
  const key = base64urlToBytes(publicKey)
  const sig = base64urlToBytes(signature.sig)
  if (!key || key.length !== 32 || !sig || sig.length !== 64) return false
  try {
    return ed.verify(sig, signatureMessage(weekId, decisionId, signature), key)
  } catch {
    // A key that is not a point on the curve, say: not verified.
    return false
  }
}

/** Each lead's signature state for the decision as it reads now. */
export function signatureState(decision: Decision, publicKey: string, weekId: WeekId): SignatureStates {
  const hash = textHash(decision)
  const stateOf = (role: LeadRole): SignatureState => {
    const signature = decision.signatures[role]
    if (!signature) return 'missing'
    if (signature.role !== role || !verifySignature(publicKey, weekId, decision.id, signature)) return 'unverified'
    return signature.textHash === hash ? 'valid' : 'changed-since-signed'
  }
  return Object.fromEntries(LEAD_ROLES.map((role) => [role, stateOf(role)])) as SignatureStates
}

/** Both leads stand behind the decision as it reads now: the condition for publishing it. */
export function bothLeadsSigned(states: SignatureStates): boolean {
  return LEAD_ROLES.every((role) => states[role] === 'valid')
}
