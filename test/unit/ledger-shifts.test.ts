import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addShift,
  CLOSED_KEY,
  listShifts,
  META_MAP,
  observeShifts,
  readShift,
  removeShift,
  setStatus,
  shiftsMap,
  skillLabel,
  updateShift,
  ValidationError,
  type ShiftInput,
} from '@fourwall/shared'
import { PAT, paymentsAndMobile } from './ledger-fixtures.js'
import { counterIds, syncBoth } from './review-fixtures.js'

const NOW = new Date('2026-11-23T10:00:00Z')

function world() {
  const w = paymentsAndMobile()
  const input: ShiftInput = {
    from: { kind: 'team', teamId: w.team.Search! },
    to: w.okr['Android launch']!,
    headcount: 2,
    skill: 'mobile',
  }
  return { ...w, input }
}

describe('adding a shift', () => {
  it('stores every field under its own key of the row, with defaults for what was left out', () => {
    const { week, input, team, okr } = world()
    const shift = addShift(week, input, { by: PAT, now: NOW, newId: () => 'shift-1' })
    expect(shift).toEqual({
      id: 'shift-1',
      from: { kind: 'team', teamId: team.Search },
      to: okr['Android launch'],
      headcount: 2,
      skill: 'mobile',
      customSkill: '',
      startDate: null,
      durationWeeks: null,
      status: 'proposed',
      rationale: '',
      decisionId: null,
      createdBy: PAT,
      createdAt: NOW.toISOString(),
      order: 0,
    })
    const row = shiftsMap(week).get('shift-1')
    expect(row).toBeInstanceOf(Y.Map)
    expect([...(row as Y.Map<unknown>).keys()].sort()).toEqual(
      ['createdAt', 'createdBy', 'customSkill', 'decisionId', 'durationWeeks', 'from', 'headcount', 'order', 'rationale', 'skill', 'startDate', 'status', 'to'],
    )
    expect(readShift(week, 'shift-1')).toEqual(shift)
  })

  it('lists rows in the order they were added, from any source', () => {
    const { week, input, okr, workspace } = world()
    const newId = counterIds('s')
    addShift(week, input, { by: PAT, newId })
    addShift(week, { ...input, from: { kind: 'item', okrId: okr['Offline mode']! }, to: okr['Cut checkout latency']!, headcount: 1, skill: 'back-end' }, { by: PAT, newId })
    addShift(week, { ...input, from: { kind: 'other', label: '  Contractors ' }, skill: 'custom', customSkill: ' Security ' }, { by: PAT, newId, workspace })
    const shifts = listShifts(week)
    expect(shifts.map((shift) => [shift.id, shift.order])).toEqual([['s-1', 0], ['s-2', 1], ['s-3', 2]])
    expect(shifts[2]!.from).toEqual({ kind: 'other', label: 'Contractors' })
    expect(skillLabel(shifts[2]!)).toBe('Security')
    expect(skillLabel(shifts[1]!)).toBe('Back end')
  })

  it('refuses a row whose fields make no sense, with a sentence, and writes nothing', () => {
    const { week, input, okr, workspace } = world()
    const refused = (patch: Partial<ShiftInput>, message: string | RegExp, extra = {}) =>
      expect(() => addShift(week, { ...input, ...patch } as ShiftInput, { by: PAT, ...extra })).toThrow(message)
    refused({ to: okr['Offline mode']! }, 'People go to a Red or Yellow item; "Offline mode" is Green.')
    refused({ to: 'no-such-okr' }, 'This week has no item for OKR no-such-okr.')
    refused({ to: '' }, 'Choose the Red or Yellow item the people go to.')
    refused({ headcount: 0 }, 'The headcount is a whole number of people from 1 to 1000.')
    refused({ headcount: 1.5 }, /whole number of people/)
    refused({ headcount: '2' as unknown as number }, /whole number of people/)
    refused({ skill: 'cooking' as never }, 'The skill is one of mobile, front-end, back-end, data, design, custom.')
    refused({ customSkill: 'x'.repeat(41) }, 'The skill has at most 40 characters.')
    refused({ startDate: '2026-02-30' }, 'The start date must be a date written as YYYY-MM-DD, such as 2026-12-04.')
    refused({ durationWeeks: 0 }, /expected duration is a whole number of weeks from 1 to 104/)
    refused({ status: 'maybe' as never }, 'A shift is proposed, agreed, done, reverted.')
    refused({ rationale: 'x'.repeat(1001) }, 'The rationale has at most 1000 characters.')
    refused({ decisionId: 'not an id!' }, /The decision id must be 1 to 100 characters/)
    refused({ from: { kind: 'other', label: '   ' } }, 'Where the people come from is required.')
    refused({ from: { kind: 'planet' } as never }, /Say where the people come from/)
    refused({ from: { kind: 'item', okrId: okr['Android launch']! } }, /choose a different item to take them from/)
    refused({ from: { kind: 'item', okrId: 'gone' } }, 'This week has no item for OKR gone.')
    refused({ from: { kind: 'team', teamId: 'no-team' } }, 'There is no team with id no-team.', { workspace })
    expect(() => addShift(week, input, { by: { id: '', name: '' } })).toThrow('A shift is recorded by a person (an id and a name).')
    expect(listShifts(week)).toEqual([])
  })

  it('says which field a refusal is about', () => {
    const { week, input } = world()
    try {
      addShift(week, { ...input, headcount: -1 }, { by: PAT })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).field).toBe('headcount')
    }
  })

  it('refuses every command on a closed week', () => {
    const { week, input } = world()
    const { id } = addShift(week, input, { by: PAT })
    week.getMap(META_MAP).set(CLOSED_KEY, { at: '2026-11-23T10:00:00Z', by: 'p1', byName: 'Pat' })
    expect(() => addShift(week, input, { by: PAT })).toThrow('This week is closed.')
    expect(() => updateShift(week, id, { headcount: 3 })).toThrow('This week is closed.')
    expect(() => removeShift(week, id)).toThrow('This week is closed.')
    expect(readShift(week, id)?.headcount).toBe(2)
  })
})

describe('editing a shift', () => {
  it('writes only the fields whose value changes, and says whether anything did', () => {
    const { week, input } = world()
    const { id } = addShift(week, input, { by: PAT })
    const updates: Uint8Array[] = []
    week.on('update', (update: Uint8Array) => updates.push(update))
    expect(updateShift(week, id, { headcount: 2, skill: 'mobile' })).toBe(false)
    expect(updates).toHaveLength(0)
    expect(updateShift(week, id, { headcount: 3, status: 'agreed', startDate: '2026-12-01', durationWeeks: 6, rationale: 'Launch first.\nSearch can wait.' })).toBe(true)
    expect(readShift(week, id)).toMatchObject({ headcount: 3, status: 'agreed', startDate: '2026-12-01', durationWeeks: 6, rationale: 'Launch first.\nSearch can wait.' })
    expect(updateShift(week, id, { startDate: null, durationWeeks: null })).toBe(true)
    expect(readShift(week, id)).toMatchObject({ startDate: null, durationWeeks: null })
  })

  it('keeps both changes when two people edit different fields of the same row at once', () => {
    const { week, input } = world()
    const { id } = addShift(week, input, { by: PAT })
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(week))
    updateShift(week, id, { headcount: 5 })
    updateShift(other, id, { skill: 'data' })
    syncBoth(week, other)
    for (const doc of [week, other]) expect(readShift(doc, id)).toMatchObject({ headcount: 5, skill: 'data' })
  })

  it('checks a new destination and source against the week', () => {
    const { week, input, okr } = world()
    const { id } = addShift(week, { ...input, from: { kind: 'item', okrId: okr['Ship refunds']! } }, { by: PAT })
    expect(() => updateShift(week, id, { to: okr['Faster search']! })).toThrow(/"Faster search" is Green/)
    expect(() => updateShift(week, id, { to: okr['Ship refunds']! })).toThrow(/already come from that item/)
    expect(() => updateShift(week, id, { from: { kind: 'item', okrId: okr['Android launch']! } })).toThrow(/different item/)
    expect(updateShift(week, id, { to: okr['Cut checkout latency']! })).toBe(true)
    // The destination may turn Green later; editing another field does not re-check it.
    setStatus(week, okr['Cut checkout latency']!, 'green')
    expect(updateShift(week, id, { headcount: 4 })).toBe(true)
    expect(readShift(week, id)).toMatchObject({ to: okr['Cut checkout latency'], headcount: 4 })
    expect(() => updateShift(week, 'gone', { headcount: 1 })).toThrow("This week's ledger has no shift with id gone; someone may have removed it.")
  })

  it('removes a row', () => {
    const { week, input } = world()
    const { id } = addShift(week, input, { by: PAT })
    removeShift(week, id)
    expect(listShifts(week)).toEqual([])
    expect(() => removeShift(week, id)).toThrow(/no shift with id/)
  })
})

describe('reading and observing the ledger', () => {
  it('reads what a peer wrote wrongly with safe defaults', () => {
    const { week } = world()
    const row = new Y.Map<unknown>()
    week.transact(() => {
      shiftsMap(week).set('odd', row)
      for (const [key, value] of Object.entries({ from: { kind: 'team' }, to: 42, headcount: -3, skill: 'magic', status: 'maybe', startDate: 'soon', durationWeeks: 1.5 })) row.set(key, value)
      shiftsMap(week).set('not-a-map', 'text')
    })
    expect(listShifts(week)).toEqual([
      expect.objectContaining({ id: 'odd', from: null, to: null, headcount: 1, skill: 'custom', status: 'proposed', startDate: null, durationWeeks: null, createdBy: null }),
    ])
  })

  it('reports the ids of the rows a transaction touched, local or remote', () => {
    const { week, input } = world()
    const seen: string[][] = []
    const stop = observeShifts(week, (ids) => seen.push([...ids].sort()))
    const newId = counterIds('s')
    const a = addShift(week, input, { by: PAT, newId })
    const b = addShift(week, input, { by: PAT, newId })
    updateShift(week, b.id, { headcount: 9 })
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(week))
    updateShift(remote, a.id, { status: 'done' })
    Y.applyUpdate(week, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(week)))
    removeShift(week, a.id)
    stop()
    updateShift(week, b.id, { headcount: 1 })
    expect(seen).toEqual([['s-1'], ['s-2'], ['s-2'], ['s-1'], ['s-1']])
  })
})
