import { describe, expect, it } from 'vitest'
import { currentWeekId, isWeekId, mondayOf, parseDocName, shiftWeek, weekDocName, weekIdOf } from '@fourwall/shared'

describe('ISO week ids', () => {
  it('follows ISO-8601 at year boundaries', () => {
    expect(weekIdOf(new Date('2026-11-24T12:00:00Z'))).toBe('2026-W48')
    expect(weekIdOf(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53') // Sunday belongs to the previous year's week 53
    expect(weekIdOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01') // Monday of week 1 in the previous calendar year
    expect(weekIdOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01')
  })

  it('validates ids, including 53-week years', () => {
    expect(isWeekId('2020-W53')).toBe(true)
    expect(isWeekId('2021-W53')).toBe(false)
    expect(isWeekId('2026-W00')).toBe(false)
    expect(isWeekId('2026-w48')).toBe(false)
    expect(isWeekId('2026-W48 ')).toBe(false)
  })

  it('shifts weeks and finds their Monday', () => {
    expect(mondayOf('2026-W48').toISOString().slice(0, 10)).toBe('2026-11-23')
    expect(shiftWeek('2026-W52', 1)).toBe('2026-W53')
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01')
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53')
    // The local calendar day decides: 2026-11-29 is the Sunday of week 48 wherever it is that day.
    expect(currentWeekId(new Date(2026, 10, 29, 23, 30))).toBe('2026-W48')
    expect(currentWeekId(new Date(2026, 10, 30, 0, 30))).toBe('2026-W49')
  })

  it('names documents and refuses anything else', () => {
    expect(weekDocName('2026-W48')).toBe('week:2026-W48')
    expect(parseDocName('week:2026-W48')).toEqual({ kind: 'week', weekId: '2026-W48' })
    expect(parseDocName('workspace')).toEqual({ kind: 'workspace' })
    expect(parseDocName('week:2026-W99')).toBeNull()
    expect(parseDocName('../etc/passwd')).toBeNull()
  })
})
