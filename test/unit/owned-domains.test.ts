import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addOwnedDomain,
  DEFAULT_OWNED_DOMAINS,
  defaultDomainsSeeded,
  deferralLine,
  describeOwnedDomain,
  ensureDefaultDomains,
  listOwnedDomains,
  moveOwnedDomain,
  ownersCall,
  parseAnswerPayload,
  parseAskPayload,
  readOwnedDomain,
  readQuestion,
  removeOwnedDomain,
  renameOwnedDomain,
  setDomainOwner,
  ValidationError,
  type Question,
} from '@fourwall/shared'
import { counterIds } from './review-fixtures.js'

/** Sends each document's whole state to the other, as two peers of one room eventually do. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, fromA)
  Y.applyUpdate(a, fromB)
}

const names = (doc: Y.Doc) => listOwnedDomains(doc).map((domain) => domain.name)

describe('default domains', () => {
  it('writes the six defaults once, the Engineering Lead’s three first, with fixed ids', () => {
    const doc = new Y.Doc()
    expect(defaultDomainsSeeded(doc)).toBe(false)
    expect(ensureDefaultDomains(doc)).toBe(true)
    expect(listOwnedDomains(doc).map(({ id, owner }) => [id, owner])).toEqual([
      ['tech-debt', 'engineering-lead'],
      ['infrastructure', 'engineering-lead'],
      ['architectural-feasibility', 'engineering-lead'],
      ['customer-value', 'product-lead'],
      ['roadmap-priority', 'product-lead'],
      ['market-fit', 'product-lead'],
    ])
    expect(names(doc)).toEqual(DEFAULT_OWNED_DOMAINS.map((domain) => domain.name))
    expect(defaultDomainsSeeded(doc)).toBe(true)
    // A second call writes nothing: not even an update goes out.
    let updates = 0
    doc.on('update', () => updates++)
    expect(ensureDefaultDomains(doc)).toBe(false)
    expect(updates).toBe(0)
  })

  it('converges when two peers seed the same empty workspace at the same moment', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    ensureDefaultDomains(a)
    ensureDefaultDomains(b)
    exchange(a, b)
    expect(listOwnedDomains(a)).toHaveLength(6)
    expect(listOwnedDomains(a)).toEqual(listOwnedDomains(b))
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b))
    // A third peer that joins later takes the seeded state and adds nothing of its own.
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    expect(ensureDefaultDomains(c)).toBe(false)
    expect(listOwnedDomains(c)).toEqual(listOwnedDomains(a))
  })

  it('never brings back a default someone removed, nor undoes a rename or a new owner', () => {
    const doc = new Y.Doc()
    ensureDefaultDomains(doc)
    removeOwnedDomain(doc, 'tech-debt')
    renameOwnedDomain(doc, 'market-fit', 'Market and fit')
    setDomainOwner(doc, 'infrastructure', 'product-lead')
    expect(ensureDefaultDomains(doc)).toBe(false)
    expect(readOwnedDomain(doc, 'tech-debt')).toBeNull()
    expect(readOwnedDomain(doc, 'market-fit')?.name).toBe('Market and fit')
    expect(readOwnedDomain(doc, 'infrastructure')?.owner).toBe('product-lead')
    // Even a server that loads this workspace afresh leaves it alone.
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc))
    expect(ensureDefaultDomains(reloaded)).toBe(false)
    expect(listOwnedDomains(reloaded)).toHaveLength(5)
  })
})

describe('domain commands', () => {
  it('adds custom domains at the end, renames, describes, hands over and reorders them', () => {
    const doc = new Y.Doc()
    ensureDefaultDomains(doc)
    const security = addOwnedDomain(doc, { name: '  Security   posture ', owner: 'engineering-lead', description: 'Threats we accept.' }, { newId: counterIds('d') })
    expect(security).toMatchObject({ id: 'd-1', name: 'Security posture', owner: 'engineering-lead', order: 6 })
    expect(names(doc).at(-1)).toBe('Security posture')

    // A description is one paragraph: line breaks pasted in become spaces.
    describeOwnedDomain(doc, security.id, 'Which threats we accept,\n and which we fix first. ')
    setDomainOwner(doc, security.id, 'product-lead')
    expect(readOwnedDomain(doc, security.id)).toMatchObject({ owner: 'product-lead', description: 'Which threats we accept, and which we fix first.' })

    moveOwnedDomain(doc, security.id, -1)
    expect(names(doc).slice(-2)).toEqual(['Security posture', 'Market fit'])
    moveOwnedDomain(doc, 'tech-debt', -1) // the first one up: nothing moves
    expect(names(doc)[0]).toBe('Tech debt')
    moveOwnedDomain(doc, 'tech-debt', 1)
    expect(names(doc).slice(0, 2)).toEqual(['Infrastructure', 'Tech debt'])
  })

  it('moves one of two domains that share an order (added at once by two people) past the other', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addOwnedDomain(a, { name: 'Pricing', owner: 'product-lead' }, { newId: () => 'pricing' })
    addOwnedDomain(b, { name: 'Hiring bar', owner: 'engineering-lead' }, { newId: () => 'hiring' })
    exchange(a, b)
    expect(listOwnedDomains(a).map((d) => d.order)).toEqual([0, 0])
    expect(names(a)).toEqual(['Hiring bar', 'Pricing']) // the tie broken by name, the same everywhere
    moveOwnedDomain(a, 'pricing', -1)
    expect(names(a)).toEqual(['Pricing', 'Hiring bar'])
  })

  it('refuses bad input with sentences and leaves the document untouched', () => {
    const doc = new Y.Doc()
    ensureDefaultDomains(doc)
    const before = Y.encodeStateVector(doc)
    expect(() => addOwnedDomain(doc, { name: ' tech DEBT ', owner: 'engineering-lead' })).toThrow('There is already a domain called Tech debt.')
    expect(() => addOwnedDomain(doc, { name: '', owner: 'product-lead' })).toThrow('A domain name is required.')
    expect(() => addOwnedDomain(doc, { name: 'x'.repeat(61), owner: 'product-lead' })).toThrow('A domain name has at most 60 characters.')
    expect(() => addOwnedDomain(doc, { name: 'Hiring', owner: 'chief-of-staff' as never })).toThrow(
      'A domain is owned by one of the two leads: Product Lead or Engineering Lead.',
    )
    expect(() => renameOwnedDomain(doc, 'infrastructure', 'Market fit')).toThrow('There is already a domain called Market fit.')
    expect(() => renameOwnedDomain(doc, 'nope', 'Anything')).toThrow('There is no domain with id nope.')
    expect(() => describeOwnedDomain(doc, 'tech-debt', 'y'.repeat(301))).toThrow('A description has at most 300 characters.')
    expect(() => moveOwnedDomain(doc, 'tech-debt', 2 as never)).toThrow(ValidationError)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('skips malformed entries a peer wrote', () => {
    const doc = new Y.Doc()
    ensureDefaultDomains(doc)
    const map = doc.getMap('ownerDomains')
    map.set('junk', 'not a map')
    const noOwner = new Y.Map()
    map.set('no-owner', noOwner)
    noOwner.set('name', 'Ownerless')
    noOwner.set('owner', 'editor')
    expect(listOwnedDomains(doc)).toHaveLength(6)
    expect(readOwnedDomain(doc, 'no-owner')).toBeNull()
  })
})

describe('the deferral rule in words', () => {
  const both = { productLead: 'Maya Brooks', engineeringLead: 'Sam Okafor' }

  it('names the owner first and the other lead as supporting the call, for each owner', () => {
    expect(deferralLine({ owner: 'engineering-lead' }, both)).toBe(
      'That is the Engineering Lead’s domain (Sam Okafor), and the Product Lead (Maya Brooks) supports that call.',
    )
    expect(deferralLine({ owner: 'product-lead' }, both)).toBe(
      'That is the Product Lead’s domain (Maya Brooks), and the Engineering Lead (Sam Okafor) supports that call.',
    )
  })

  it('falls back to the role alone where a lead has no name', () => {
    expect(deferralLine({ owner: 'engineering-lead' }, { productLead: 'Maya Brooks' })).toBe(
      'That is the Engineering Lead’s domain, and the Product Lead (Maya Brooks) supports that call.',
    )
    expect(deferralLine({ owner: 'product-lead' }, { productLead: '  ', engineeringLead: null })).toBe(
      'That is the Product Lead’s domain, and the Engineering Lead supports that call.',
    )
  })

  it('tells the other lead whose call it is, by first name', () => {
    expect(ownersCall('engineering-lead', both)).toBe('Sam’s call')
    expect(ownersCall('product-lead', {})).toBe('The Product Lead’s call')
  })
})

describe('question payloads', () => {
  it('accepts a well-formed question, trimmed, and refuses the rest with sentences', () => {
    expect(parseAskPayload({ domainId: 'tech-debt', kind: 'decision-request', text: '  Can we pause the rewrite?\n' })).toEqual({
      ok: true,
      value: { domainId: 'tech-debt', kind: 'decision-request', text: 'Can we pause the rewrite?' },
    })
    expect(parseAskPayload(null)).toMatchObject({ ok: false, error: expect.stringMatching(/must be an object/) })
    expect(parseAskPayload({ domainId: 'tech debt!', kind: 'question', text: 'Why?' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Choose a domain/) })
    expect(parseAskPayload({ domainId: 'tech-debt', kind: 'order', text: 'Why?' })).toEqual({ ok: false, error: '"kind" must be "question" or "decision-request".' })
    expect(parseAskPayload({ domainId: 'tech-debt', kind: 'question', text: '   ' })).toEqual({
      ok: false,
      error: 'A question needs some words: write what you want to know.',
    })
    expect(parseAskPayload({ domainId: 'tech-debt', kind: 'question', text: 'x'.repeat(1001) })).toEqual({
      ok: false,
      error: 'A question has at most 1000 characters (this one has 1001).',
    })
    expect(parseAskPayload(Object.create({ domainId: 'tech-debt', kind: 'question', text: 'inherited' }))).toMatchObject({ ok: false })
    expect(parseAnswerPayload({ questionId: 'q1', text: 'Yes.' })).toEqual({ ok: true, value: { questionId: 'q1', text: 'Yes.' } })
    expect(parseAnswerPayload({ questionId: '', text: 'Yes.' })).toMatchObject({ ok: false })
    expect(parseAnswerPayload({ questionId: 'q1', text: '' })).toEqual({ ok: false, error: 'An answer needs some words: write your answer.' })
  })

  it('reads a question the server sent, and drops a malformed one', () => {
    const question: Question = {
      id: 'q1', kind: 'question', domainId: 'tech-debt', domainName: 'Tech debt', ownerRole: 'engineering-lead', text: 'Why?',
      askerId: 'p1', askerName: 'Tia', askerRole: 'team-lead', askedAt: 1, answer: { text: 'Because.', byId: 'p2', byName: 'Sam', at: 2 },
    }
    expect(readQuestion(JSON.parse(JSON.stringify(question)))).toEqual(question)
    expect(readQuestion({ ...question, answer: null })).toEqual({ ...question, answer: null })
    expect(readQuestion({ ...question, ownerRole: 'editor' })).toBeNull()
    expect(readQuestion({ ...question, answer: { text: 'x' } })).toBeNull()
    expect(readQuestion('q1')).toBeNull()
  })
})
