import { describe, expect, it } from 'vitest'
import {
  atRiskLabel,
  buildAgenda,
  greenFoldLabel,
  listItems,
  recordOutcome,
  setStatus,
  type AgendaItem,
  type Outcome,
  type Status,
  type WeekId,
} from '@fourwall/shared'
import { LEAD, newWeek, workspaceWith } from './review-fixtures.js'

const RESOLVED: Outcome = { kind: 'resolved', recordedBy: LEAD, at: '2026-11-23T09:30:00.000Z' }

function item(id: string, status: Status, atRiskWeeks: number, order: number, outcome: Outcome | null = null): AgendaItem {
  return { id, status, atRiskWeeks, order, objective: `Objective ${id}`, outcome }
}

const ids = (items: AgendaItem[]): string[] => items.map((entry) => entry.id)

describe('the agenda', () => {
  it('puts Red first, longest-red first, then Yellow the same way', () => {
    const agenda = buildAgenda([
      item('y1', 'yellow', 1, 0),
      item('r1', 'red', 1, 1),
      item('r3', 'red', 3, 5),
      item('y4', 'yellow', 4, 2),
      item('r2', 'red', 2, 3),
      item('y2', 'yellow', 2, 4),
    ])
    // A Yellow for 4 weeks still comes after every Red.
    expect(ids(agenda.discuss)).toEqual(['r3', 'r2', 'r1', 'y4', 'y2', 'y1'])
  })

  it('breaks ties by board order, then objective, then id', () => {
    const agenda = buildAgenda([
      item('b', 'red', 2, 7),
      item('a', 'red', 2, 3),
      { ...item('d', 'red', 2, 3), objective: 'Objective a' }, // same order and objective as "a"
      { ...item('c', 'red', 2, 3), objective: 'A first' },
    ])
    expect(ids(agenda.discuss)).toEqual(['c', 'a', 'd', 'b'])
  })

  it('skips Green items into one folded list with a count', () => {
    const greens = Array.from({ length: 14 }, (_, index) => item(`g${index}`, 'green', 0, 20 - index))
    const agenda = buildAgenda([...greens, item('r', 'red', 1, 0)])
    expect(ids(agenda.discuss)).toEqual(['r'])
    expect(agenda.green).toHaveLength(14)
    expect(agenda.green[0]!.id).toBe('g13') // board order inside the fold
    expect(agenda.discuss.some((entry) => entry.status === 'green')).toBe(false)
    expect(greenFoldLabel(agenda.green.length)).toBe('14 green, skipped')
  })

  it('lists unset items apart, after Yellow, outside the progress', () => {
    const agenda = buildAgenda([item('u2', 'unset', 0, 2), item('y', 'yellow', 1, 0), item('u1', 'unset', 0, 1), item('g', 'green', 0, 3)])
    expect(ids(agenda.discuss)).toEqual(['y'])
    expect(ids(agenda.unset)).toEqual(['u1', 'u2'])
    expect(agenda.progress).toEqual({ total: 1, discussed: 0, left: 1 })
  })

  it('counts progress over Red and Yellow items by their outcomes and names the next one', () => {
    const agenda = buildAgenda([
      item('r2', 'red', 2, 0, RESOLVED),
      item('r1', 'red', 1, 1),
      item('y', 'yellow', 1, 2, RESOLVED),
      item('g', 'green', 0, 3, RESOLVED), // a Green opened from the fold does not count
    ])
    expect(agenda.progress).toEqual({ total: 3, discussed: 2, left: 1 })
    expect(agenda.next?.id).toBe('r1')
    expect(buildAgenda([item('r', 'red', 1, 0, RESOLVED)]).next).toBeNull()
    expect(buildAgenda([]).progress).toEqual({ total: 0, discussed: 0, left: 0 })
  })

  it('is built from a real week document, and follows a live outcome', () => {
    const { doc: workspace, ids: okr } = workspaceWith({ Alpha: 'product', Beta: 'engineering', Gamma: 'shared', Delta: 'product' })
    const week = newWeek(workspace, '2026-W48' as WeekId)
    setStatus(week, okr.Alpha!, 'yellow')
    setStatus(week, okr.Beta!, 'green')
    setStatus(week, okr.Gamma!, 'red')
    let agenda = buildAgenda(listItems(week))
    expect(agenda.discuss.map((entry) => entry.objective)).toEqual(['Gamma', 'Alpha'])
    expect(agenda.unset.map((entry) => entry.objective)).toEqual(['Delta'])
    expect(agenda.green.map((entry) => entry.objective)).toEqual(['Beta'])
    recordOutcome(week, okr.Gamma!, { kind: 'resolved' }, { by: LEAD })
    agenda = buildAgenda(listItems(week))
    expect(agenda.progress).toEqual({ total: 2, discussed: 1, left: 1 })
    expect(agenda.next?.objective).toBe('Alpha')
  })

  it('labels the counter', () => {
    expect(atRiskLabel(item('r', 'red', 3, 0))).toBe('Red for 3 weeks')
    expect(atRiskLabel(item('y', 'yellow', 1, 0))).toBe('Yellow for 1 week')
    expect(atRiskLabel(item('g', 'green', 0, 0))).toBe('')
  })
})
