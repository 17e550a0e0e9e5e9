/**
 * The text a lead signs, as bytes everyone computes alike: the server when it signs, every client
 * when it checks whether a signature still covers what the decision says now.
 *
 * `decisionText` is canonical JSON of the signed fields (model.ts DecisionText): a fixed key order,
 * the id lists sorted and without repeats (the order of links carries no meaning, so reordering
 * them must not read as a change), strings exactly as stored. `textHash` is its SHA-256 in hex.
 * Status, author and signatures are not part of it: publishing or signing never changes the text.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { DecisionText } from './model.js'

/** Bumped if the signed fields ever change, so an old hash can never match a new text by accident. */
const TEXT_VERSION = 'fourwall-decision-text-v1'

function canonicalIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort()
}

export function decisionText(decision: DecisionText): string {
  return JSON.stringify({
    v: TEXT_VERSION,
    title: decision.title,
    context: decision.context,
    decision: decision.decision,
    rationale: decision.rationale,
    domainId: decision.domainId,
    domainName: decision.domainName,
    domainOwner: decision.domainOwner,
    okrIds: canonicalIds(decision.okrIds),
    shiftIds: canonicalIds(decision.shiftIds),
    principleIds: canonicalIds(decision.principleIds),
  })
}

/** SHA-256 (lowercase hex) of the decision's canonical text. */
export function textHash(decision: DecisionText): string {
  return bytesToHex(sha256(utf8ToBytes(decisionText(decision))))
}
