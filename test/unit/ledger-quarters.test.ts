import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTeam, HEADCOUNT_MAX, isQuarterId, listTeams, quarterOf, readTeam, setTeamHeadcount, weeksOfQuarter } from '@fourwall/shared'

describe('quarters of ISO weeks', () => {
  it('puts a week in the quarter of its Monday', () => {
    expect(quarterOf('2026-W48')).toBe('2026-Q4')
    expect(quarterOf('2026-W14')).toBe('2026-Q1') // Monday 2026-03-30
    expect(quarterOf('2026-W15')).toBe('2026-Q2') // Monday 2026-04-06
    expect(quarterOf('2026-W01')).toBe('2025-Q4') // Monday 2025-12-29
    expect(quarterOf('2026-W53')).toBe('2026-Q4') // Monday 2026-12-28
  })

  it('lists every week of a quarter once, in order, across a year boundary', () => {
    const q1 = weeksOfQuarter('2026-Q1')
    expect(q1[0]).toBe('2026-W02') // 2026-W01 starts in December
    expect(q1.at(-1)).toBe('2026-W14')
    expect(q1).toHaveLength(13)
    const q4 = weeksOfQuarter('2025-Q4')
    expect(q4.at(-1)).toBe('2026-W01')
    expect(q4).toHaveLength(13)
    // A 92-day quarter that starts on a Monday has 14 Mondays.
    const q3 = weeksOfQuarter('2024-Q3')
    expect([q3[0], q3.at(-1), q3.length]).toEqual(['2024-W27', '2024-W40', 14])
    // Every week of a year lands in exactly one quarter, the one quarterOf names.
    const year = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] as const
    const all = year.flatMap((quarter) => weeksOfQuarter(quarter).map((week) => [week, quarter] as const))
    expect(new Set(all.map(([week]) => week)).size).toBe(all.length)
    for (const [week, quarter] of all) expect(quarterOf(week)).toBe(quarter)
    expect(all.map(([week]) => week)).toContain('2026-W53')
  })

  it('validates quarter ids', () => {
    expect(isQuarterId('2026-Q4')).toBe(true)
    expect(isQuarterId('2026-Q5')).toBe(false)
    expect(isQuarterId('2026-q1')).toBe(false)
    expect(() => weeksOfQuarter('2026-Q0' as never)).toThrow(/not a quarter id/)
  })
})

describe('team headcount in the workspace', () => {
  it('sets, changes and forgets a headcount; a team without one has none', () => {
    const doc = new Y.Doc()
    const team = addTeam(doc, 'Payments', { newId: () => 't1' })
    expect(readTeam(doc, team.id)).toEqual({ id: 't1', name: 'Payments' })
    expect(setTeamHeadcount(doc, 't1', 7)).toBe(true)
    expect(setTeamHeadcount(doc, 't1', 7)).toBe(false)
    expect(listTeams(doc)).toEqual([{ id: 't1', name: 'Payments', headcount: 7 }])
    expect(setTeamHeadcount(doc, 't1', 0)).toBe(true)
    expect(readTeam(doc, 't1')?.headcount).toBe(0)
    expect(setTeamHeadcount(doc, 't1', null)).toBe(true)
    expect(readTeam(doc, 't1')).toEqual({ id: 't1', name: 'Payments' })
  })

  it('refuses a headcount that is not a whole number of people, and an unknown team', () => {
    const doc = new Y.Doc()
    addTeam(doc, 'Payments', { newId: () => 't1' })
    const sentence = `A team's headcount is a whole number of people from 0 to ${HEADCOUNT_MAX}, or left empty when not known.`
    for (const bad of [-1, 2.5, HEADCOUNT_MAX + 1, '3', Number.NaN]) expect(() => setTeamHeadcount(doc, 't1', bad as number)).toThrow(sentence)
    expect(() => setTeamHeadcount(doc, 'nope', 3)).toThrow('There is no team with id nope.')
    expect(readTeam(doc, 't1')?.headcount).toBeUndefined()
  })
})
