import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CLOSED_KEY,
  createDecision,
  DECISION_BODY_MAX,
  listDecisions,
  listPublishedDecisions,
  META_MAP,
  readDecision,
  setDecisionDomain,
  setDecisionStatus,
  signatureState,
  unsignableReason,
  updateDecision,
  ValidationError,
  writeDecisionStatus,
  writePublishedCopy,
} from '@fourwall/shared'
import { AUTHOR, KEY, privateDocWithDraft, read, signAs, TEXT, WEEK } from './decisions-fixtures.js'

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return (error as Error).message
  }
  throw new Error('expected a ValidationError')
}

describe('drafting decisions', () => {
  it('creates a draft with its author and time, listing the newest first', () => {
    const doc = new Y.Doc()
    const first = createDecision(doc, { title: 'Pause the EU launch' }, { by: AUTHOR, now: new Date('2026-11-23T09:00:00Z') })
    const second = createDecision(doc, { title: 'Retire the old search cluster' }, { by: AUTHOR, now: new Date('2026-11-23T09:05:00Z') })
    expect(first).toMatchObject({ status: 'draft', createdBy: AUTHOR, createdAt: '2026-11-23T09:00:00.000Z', context: '', okrIds: [], signatures: {} })
    expect(listDecisions(doc).map((decision) => decision.id)).toEqual([second.id, first.id])
    expect(first.id).not.toBe(second.id)
  })

  it('refuses bad input with a sentence and writes nothing', () => {
    const doc = new Y.Doc()
    expect(refusal(() => createDecision(doc, { title: '  ' }, { by: AUTHOR }))).toBe("A decision's title is required.")
    expect(refusal(() => createDecision(doc, { title: 'One\ntwo' }, { by: AUTHOR }))).toBe("A decision's title fits on one line.")
    const { id } = createDecision(doc, { title: 'Pause the EU launch' }, { by: AUTHOR })
    const before = Y.encodeStateAsUpdate(doc)
    expect(refusal(() => updateDecision(doc, id, { rationale: 'x'.repeat(DECISION_BODY_MAX + 1) }))).toBe(`The rationale has at most ${DECISION_BODY_MAX} characters.`)
    expect(refusal(() => updateDecision(doc, id, { okrIds: ['fine', 'not an id!'] }))).toContain('Linked OKRs: "not an id!" is not an id')
    expect(refusal(() => updateDecision(doc, id, { domainOwner: 'editor' as never }))).toBe("A domain's owner is the Product Lead or the Engineering Lead.")
    expect(refusal(() => updateDecision(doc, id, { status: 'published' } as never))).toBe('A decision has no field "status".')
    expect(refusal(() => updateDecision(doc, 'nope', { title: 'x' }))).toBe('This week has no such decision: it may have been removed.')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('keeps both of two people editing different fields of one decision at once', () => {
    const { doc: a, id } = privateDocWithDraft()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    updateDecision(a, id, { rationale: 'Brazil is our largest new market.' })
    setDecisionDomain(b, id, { id: 'market-fit', name: 'Market fit', owner: 'product-lead' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) expect(read(doc, id)).toMatchObject({ rationale: 'Brazil is our largest new market.', domainId: 'market-fit', domainName: 'Market fit' })
  })

  it('moves between draft and proposed; aligned and published are never set by hand', () => {
    const { doc, id } = privateDocWithDraft()
    expect(setDecisionStatus(doc, id, 'proposed')).toBe(true)
    expect(setDecisionStatus(doc, id, 'proposed')).toBe(false)
    expect(refusal(() => setDecisionStatus(doc, id, 'published'))).toBe('A decision becomes published when both leads have signed it, not by hand.')
    expect(refusal(() => setDecisionStatus(doc, id, 'aligned'))).toBe('A decision becomes aligned when both leads have signed it, not by hand.')
    writeDecisionStatus(doc, id, 'published')
    expect(refusal(() => setDecisionStatus(doc, id, 'draft'))).toBe('This decision is published: mark it superseded when another one replaces it.')
    expect(setDecisionStatus(doc, id, 'superseded')).toBe(true)
    expect(refusal(() => updateDecision(doc, id, { title: 'Again' }))).toBe('A superseded decision is kept as it was: draft a new one instead.')
  })

  it('refuses every change once the week is closed', () => {
    const { doc, id } = privateDocWithDraft()
    doc.getMap(META_MAP).set(CLOSED_KEY, { at: '2026-11-29T18:00:00Z', by: 'p', byName: 'Maya Brooks' })
    expect(refusal(() => createDecision(doc, { title: 'Late' }, { by: AUTHOR }))).toBe('This week is closed.')
    expect(refusal(() => updateDecision(doc, id, { title: 'Late' }))).toBe('This week is closed.')
    expect(refusal(() => setDecisionStatus(doc, id, 'proposed'))).toBe('This week is closed.')
  })

  it('says what is missing before a decision can be signed', () => {
    const { doc, id } = privateDocWithDraft({ decision: '', rationale: ' ' })
    expect(unsignableReason(read(doc, id))).toBe('Write the decision itself and its rationale before signing: the org reads what both leads stand behind.')
    updateDecision(doc, id, { decision: 'Two engineers move.', rationale: 'Because Brazil matters most.' })
    expect(unsignableReason(read(doc, id))).toBeNull()
  })
})

describe('the published copy', () => {
  it('carries the text, links and signatures with status published, and still verifies', () => {
    const { doc, id } = privateDocWithDraft()
    signAs(doc, id, 'product-lead')
    signAs(doc, id, 'engineering-lead')
    // Something else in the private document must never travel along.
    ;(doc.getMap('decisions').get(id) as Y.Map<unknown>).set('privateNote', 'only for the four walls')
    const publicDoc = new Y.Doc()
    writePublishedCopy(publicDoc, read(doc, id))
    const copy = readDecision(publicDoc, id)!
    expect(copy).toMatchObject({ ...TEXT, status: 'published', createdBy: AUTHOR })
    expect((publicDoc.getMap('decisions').get(id) as Y.Map<unknown>).has('privateNote')).toBe(false)
    expect(signatureState(copy, KEY.publicKey, WEEK)).toEqual({ 'product-lead': 'valid', 'engineering-lead': 'valid' })
    expect(listPublishedDecisions(publicDoc).map((decision) => decision.id)).toEqual([id])
  })

  it('lists only published decisions, and ignores what is not a decision map', () => {
    const publicDoc = new Y.Doc()
    // An editor may write anything into the public week, e.g. a plain object.
    publicDoc.getMap('decisions').set('junk', { title: 'Not a map' })
    const { doc, id } = privateDocWithDraft()
    writePublishedCopy(publicDoc, read(doc, id))
    expect(listPublishedDecisions(publicDoc).map((decision) => decision.id)).toEqual([id])
  })
})
