import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addOkr,
  addTeam,
  DOMAIN_LEADS,
  findTeamByName,
  listOkrs,
  listTeams,
  okrsMap,
  randomId,
  readOkr,
  removeOkr,
  removeTeam,
  renameTeam,
  updateOkr,
  ValidationError,
  type Domain,
} from '@fourwall/shared'
import { counterIds } from './review-fixtures.js'

function setup(): { doc: Y.Doc; mobile: string; platform: string } {
  const doc = new Y.Doc()
  const newId = counterIds('t')
  return { doc, mobile: addTeam(doc, 'Mobile', { newId }).id, platform: addTeam(doc, 'Platform', { newId }).id }
}

describe('workspace teams', () => {
  it('adds, renames and lists teams by name', () => {
    const { doc, mobile } = setup()
    renameTeam(doc, mobile, '  Apps   and Mobile ')
    expect(listTeams(doc).map((team) => team.name)).toEqual(['Apps and Mobile', 'Platform'])
    expect(findTeamByName(doc, 'apps AND mobile')?.id).toBe(mobile)
  })

  it('refuses empty, duplicate and too long names', () => {
    const { doc, mobile } = setup()
    expect(() => addTeam(doc, '   ')).toThrow('A team name is required.')
    expect(() => addTeam(doc, 'mobile ')).toThrow('There is already a team called mobile.')
    expect(() => renameTeam(doc, mobile, 'PLATFORM')).toThrow(/already a team called PLATFORM/)
    expect(() => addTeam(doc, 'x'.repeat(81))).toThrow(/at most 80/)
    expect(() => renameTeam(doc, 'nope', 'Web')).toThrow('There is no team with id nope.')
    expect(listTeams(doc)).toHaveLength(2)
  })

  it('refuses to remove a team that still owns OKRs', () => {
    const { doc, mobile, platform } = setup()
    addOkr(doc, { objective: 'Ship offline mode', teamId: mobile, domain: 'product' })
    expect(() => removeTeam(doc, mobile)).toThrow('Mobile still owns 1 OKR: move or remove them first.')
    removeTeam(doc, platform)
    expect(listTeams(doc).map((team) => team.name)).toEqual(['Mobile'])
  })
})

describe('workspace OKRs', () => {
  it('adds OKRs in order, normalizing text, one Y.Map per OKR', () => {
    const { doc, mobile, platform } = setup()
    const first = addOkr(doc, { objective: '  Ship   offline mode ', keyResults: [' 99% sync ', '', 'p95 < 2s'], teamId: mobile, domain: 'product' }, { newId: () => 'okr-a' })
    const second = addOkr(doc, { objective: 'Cut build time', teamId: platform, domain: 'engineering' }, { newId: () => 'okr-b' })
    expect(first).toEqual({ id: 'okr-a', objective: 'Ship offline mode', keyResults: ['99% sync', 'p95 < 2s'], teamId: mobile, domain: 'product', order: 0 })
    expect(second.order).toBe(1)
    expect(okrsMap(doc).get('okr-a')).toBeInstanceOf(Y.Map)
    expect(listOkrs(doc).map((okr) => okr.id)).toEqual(['okr-a', 'okr-b'])
    updateOkr(doc, 'okr-b', { order: -1 })
    expect(listOkrs(doc).map((okr) => okr.id)).toEqual(['okr-b', 'okr-a'])
  })

  it('validates every field with a sentence naming it', () => {
    const { doc, mobile } = setup()
    const attempt = (input: Partial<Parameters<typeof addOkr>[1]>): ValidationError => {
      try {
        addOkr(doc, { objective: 'Fine', teamId: mobile, domain: 'product', ...input })
      } catch (error) {
        if (error instanceof ValidationError) return error
        throw error
      }
      throw new Error('expected a ValidationError')
    }
    expect(attempt({ objective: ' ' })).toMatchObject({ message: 'An objective is required.', field: 'objective' })
    expect(attempt({ objective: 'o'.repeat(201) }).message).toBe('An objective has at most 200 characters.')
    expect(attempt({ domain: 'design' as Domain })).toMatchObject({ message: 'The domain must be product, engineering or shared.', field: 'domain' })
    expect(attempt({ teamId: 'ghost' }).field).toBe('teamId')
    expect(attempt({ keyResults: Array.from({ length: 11 }, (_, i) => `KR ${i}`) }).message).toBe('An OKR has at most 10 key results.')
    expect(attempt({ keyResults: ['k'.repeat(201)] }).message).toMatch(/A key result has at most 200 characters/)
    expect(() => addOkr(doc, { objective: 'Fine', teamId: mobile, domain: 'product' }, { newId: () => 'bad id!' })).toThrow(/A-Z, a-z, 0-9/)
    expect(listOkrs(doc)).toEqual([])
  })

  it('updates only the given fields and removes OKRs', () => {
    const { doc, mobile, platform } = setup()
    const okr = addOkr(doc, { objective: 'Ship offline mode', keyResults: ['KR1'], teamId: mobile, domain: 'product' })
    let updates = 0
    doc.on('update', () => updates++)
    updateOkr(doc, okr.id, { objective: 'Ship offline mode' }) // unchanged: no update
    expect(updates).toBe(0)
    updateOkr(doc, okr.id, { teamId: platform, domain: 'shared', keyResults: ['KR1', 'KR2'] })
    expect(updates).toBe(1) // one transaction
    expect(readOkr(doc, okr.id)).toMatchObject({ objective: 'Ship offline mode', teamId: platform, domain: 'shared', keyResults: ['KR1', 'KR2'] })
    expect(() => updateOkr(doc, okr.id, { teamId: 'ghost' })).toThrow(/owning team/)
    removeOkr(doc, okr.id)
    expect(readOkr(doc, okr.id)).toBeNull()
    expect(() => removeOkr(doc, okr.id)).toThrow(`There is no OKR with id ${okr.id}.`)
  })

  it('generates distinct ids that fit the meeting focus id shape', () => {
    const ids = new Set(Array.from({ length: 500 }, () => randomId()))
    expect(ids.size).toBe(500)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{16}$/)
  })

  it('maps each domain to the leads who own it', () => {
    expect(DOMAIN_LEADS).toEqual({ product: ['product-lead'], engineering: ['engineering-lead'], shared: ['product-lead', 'engineering-lead'] })
  })
})
