import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decisionText, textHash, updateDecision, writeDecisionStatus } from '@fourwall/shared'
import { privateDocWithDraft, read, signAs, TEXT } from './decisions-fixtures.js'

describe('the signed text of a decision', () => {
  it('is canonical JSON of the signed fields, in a fixed order, hashed with SHA-256', () => {
    const { doc, id } = privateDocWithDraft()
    const text = decisionText(read(doc, id))
    expect(JSON.parse(text)).toEqual({
      v: 'fourwall-decision-text-v1',
      title: TEXT.title,
      context: TEXT.context,
      decision: TEXT.decision,
      rationale: TEXT.rationale,
      domainId: 'roadmap-priority',
      domainName: 'Roadmap priority',
      domainOwner: 'product-lead',
      okrIds: ['okr-android', 'okr-search'],
      shiftIds: ['shift-1'],
      principleIds: ['customers-first'],
    })
    // Key order is part of the bytes: a reordering would break every signature ever given.
    expect(Object.keys(JSON.parse(text))).toEqual(['v', 'title', 'context', 'decision', 'rationale', 'domainId', 'domainName', 'domainOwner', 'okrIds', 'shiftIds', 'principleIds'])
    expect(textHash(read(doc, id))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
    expect(textHash(read(doc, id))).toMatch(/^[0-9a-f]{64}$/)
  })

  it('is the same however often and wherever it is computed, and for links in another order', () => {
    const a = privateDocWithDraft()
    const b = privateDocWithDraft({ okrIds: ['okr-search', 'okr-android', 'okr-search'] })
    expect(textHash(read(a.doc, a.id))).toBe(textHash(read(a.doc, a.id)))
    expect(textHash(read(b.doc, b.id))).toBe(textHash(read(a.doc, a.id)))
    // Non-ASCII text hashes as UTF-8, the same on every page.
    const c = privateDocWithDraft({ rationale: 'Ça coûte 2 € — “moins” 🚀' })
    expect(textHash(read(c.doc, c.id))).toBe(createHash('sha256').update(decisionText(read(c.doc, c.id)), 'utf8').digest('hex'))
  })

  it('changes with any signed field, and not with the status or the signatures', () => {
    const { doc, id } = privateDocWithDraft()
    const before = textHash(read(doc, id))
    signAs(doc, id, 'product-lead')
    writeDecisionStatus(doc, id, 'proposed')
    expect(textHash(read(doc, id))).toBe(before)

    const seen = new Set([before])
    const edits = [
      { title: `${TEXT.title}!` },
      { context: `${TEXT.context} ` },
      { decision: 'Three engineers move.' },
      { rationale: 'Another reason.' },
      { domainId: 'market-fit' },
      { domainName: 'Market fit' },
      { domainOwner: 'engineering-lead' as const },
      { okrIds: ['okr-android'] },
      { shiftIds: [] },
      { principleIds: ['customers-first', 'ship-small'] },
    ]
    for (const edit of edits) {
      updateDecision(doc, id, edit)
      const hash = textHash(read(doc, id))
      expect(seen.has(hash), `after ${JSON.stringify(edit)}`).toBe(false)
      seen.add(hash)
    }
  })
})
