import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  base64urlToBytes,
  bothLeadsSigned,
  createDecision,
  decisionMap,
  signatureState,
  updateDecision,
  verifySignature,
  writeDecisionSignature,
} from '@fourwall/shared'
import { DecisionSigningKey } from '../../server/src/decisions/DecisionSigningKey.js'
import { AUTHOR, KEY, privateDocWithDraft, read, signAs, SIGNERS, TEXT, WEEK } from './decisions-fixtures.js'

describe("the server's decision key", () => {
  it('is derived from the secret: the same secret gives the same key, another secret another', () => {
    const again = DecisionSigningKey.fromSecret('unit-test secret of at least thirty-two characters')
    const other = DecisionSigningKey.fromSecret('another secret of at least thirty-two characters')
    expect(again.publicKey).toBe(KEY.publicKey)
    expect(other.publicKey).not.toBe(KEY.publicKey)
    expect(base64urlToBytes(KEY.publicKey)).toHaveLength(32)
  })

  it("signs what the pages' verifier (noble-ed25519) accepts", () => {
    const { doc, id } = privateDocWithDraft()
    const signature = signAs(doc, id, 'engineering-lead')
    expect(base64urlToBytes(signature.sig)).toHaveLength(64)
    expect(verifySignature(KEY.publicKey, WEEK, id, signature)).toBe(true)
  })
})

describe('verifying a signature', () => {
  it('accepts the genuine one and refuses it for another key, week, decision, lead, time, text or name', () => {
    const { doc, id } = privateDocWithDraft()
    const good = signAs(doc, id, 'product-lead')
    const other = DecisionSigningKey.fromSecret('another secret of at least thirty-two characters')
    expect(verifySignature(KEY.publicKey, WEEK, id, good)).toBe(true)
    expect(verifySignature(other.publicKey, WEEK, id, good)).toBe(false)
    expect(verifySignature(KEY.publicKey, '2026-W49', id, good)).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, 'decision-2', good)).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, role: 'engineering-lead' })).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, at: '2026-11-23T10:03:00.000Z' })).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, textHash: '0'.repeat(64) })).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, signerName: 'Somebody Else' })).toBe(false)
    expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, signerId: 'person-cass' })).toBe(false)
  })

  it('never throws on garbage: it just does not verify', () => {
    const { doc, id } = privateDocWithDraft()
    const good = signAs(doc, id, 'product-lead')
    for (const sig of ['', 'not base64!', 'A', good.sig.slice(0, 40), `${good.sig}AA`]) {
      expect(verifySignature(KEY.publicKey, WEEK, id, { ...good, sig })).toBe(false)
    }
    for (const key of ['', 'x', 'A'.repeat(43), '_'.repeat(43)]) expect(verifySignature(key, WEEK, id, good)).toBe(false)
  })
})

describe("each lead's signature state", () => {
  it('is missing, then valid once signed, and both valid means both leads signed', () => {
    const { doc, id } = privateDocWithDraft()
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)).toEqual({ 'product-lead': 'missing', 'engineering-lead': 'missing' })
    signAs(doc, id, 'product-lead')
    const one = signatureState(read(doc, id), KEY.publicKey, WEEK)
    expect(one).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'missing' })
    expect(bothLeadsSigned(one)).toBe(false)
    signAs(doc, id, 'engineering-lead')
    const both = signatureState(read(doc, id), KEY.publicKey, WEEK)
    expect(both).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'valid' })
    expect(bothLeadsSigned(both)).toBe(true)
  })

  it('reads "changed since signed" once the text changes, and valid again after signing anew', () => {
    const { doc, id } = privateDocWithDraft()
    signAs(doc, id, 'product-lead')
    signAs(doc, id, 'engineering-lead')
    updateDecision(doc, id, { rationale: 'A better reason, in plain words.' })
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)).toEqual({ 'product-lead': 'changed-since-signed', 'engineering-lead': 'changed-since-signed' })
    signAs(doc, id, 'engineering-lead', '2026-11-23T11:00:00.000Z')
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)).toEqual({ 'product-lead': 'changed-since-signed', 'engineering-lead': 'valid' })
    // Re-signing replaced the Engineering Lead's signature rather than adding one.
    expect(read(doc, id).signatures['engineering-lead']?.at).toBe('2026-11-23T11:00:00.000Z')
  })

  it('reads "unverified" for a forged, moved, reused or malformed signature', () => {
    const { doc, id } = privateDocWithDraft()
    const genuine = signAs(doc, id, 'product-lead')
    // A chief of staff writes a signature of their own making: plausible fields, a made-up sig.
    writeDecisionSignature(doc, id, { role: 'engineering-lead', signerId: SIGNERS['engineering-lead'].id, signerName: 'Eli Chen', at: genuine.at, textHash: genuine.textHash, sig: genuine.sig })
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['engineering-lead']).toBe('unverified')
    // A key made up by the forger signs perfectly well, but not with the server's key.
    const forger = DecisionSigningKey.fromSecret('the forger has a secret of thirty-two chars')
    signAs(doc, id, 'engineering-lead', genuine.at, forger)
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['engineering-lead']).toBe('unverified')
    // Garbage under a lead's key is "unverified", never "missing".
    const signatures = decisionMap(doc, id)!.get('signatures') as Y.Map<unknown>
    signatures.set('engineering-lead', 'signed, trust me')
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['engineering-lead']).toBe('unverified')
    signatures.set('engineering-lead', { ...genuine, sig: 42 })
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['engineering-lead']).toBe('unverified')
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['product-lead']).toBe('valid')
  })

  it('a genuine signature copied onto another decision with the same text does not count there', () => {
    const { doc, id } = privateDocWithDraft()
    const signature = signAs(doc, id, 'product-lead')
    createDecision(doc, { ...TEXT }, { by: AUTHOR, newId: () => 'decision-2' })
    writeDecisionSignature(doc, 'decision-2', signature)
    expect(read(doc, 'decision-2').signatures['product-lead']?.textHash).toBe(signature.textHash)
    expect(signatureState(read(doc, 'decision-2'), KEY.publicKey, WEEK)['product-lead']).toBe('unverified')
    expect(signatureState(read(doc, id), KEY.publicKey, WEEK)['product-lead']).toBe('valid')
  })
})
