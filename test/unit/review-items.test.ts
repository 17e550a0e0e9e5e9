import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  clearOutcome,
  CLOSED_KEY,
  itemsMap,
  listItems,
  META_MAP,
  observeItem,
  observeItems,
  parseOutcomeInput,
  readItem,
  readOutcome,
  recordOutcome,
  setAsk,
  setDue,
  setNote,
  setOwner,
  setStatus,
  updateItem,
  ValidationError,
  type OutcomeInput,
  type Status,
  type WeekId,
} from '@fourwall/shared'
import { LEAD, newWeek, syncBoth, workspaceWith } from './review-fixtures.js'

const W48 = '2026-W48' as WeekId

function setup(): { week: Y.Doc; a: string; b: string } {
  const { doc: workspace, ids } = workspaceWith({ A: 'product', B: 'engineering' })
  return { week: newWeek(workspace, W48), a: ids.A!, b: ids.B! }
}

function thrown(fn: () => unknown): ValidationError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ValidationError) return error
    throw error
  }
  throw new Error('expected a ValidationError')
}

describe('week item commands', () => {
  it('set each field of one item', () => {
    const { week, a, b } = setup()
    expect(setStatus(week, a, 'red')).toBe(true)
    setNote(week, a, 'Waiting on legal')
    setOwner(week, a, 'Eli Engineer')
    setAsk(week, a, 'A decision on the vendor')
    setDue(week, a, '2026-12-04')
    expect(readItem(week, a)).toMatchObject({ status: 'red', note: 'Waiting on legal', owner: 'Eli Engineer', ask: 'A decision on the vendor', due: '2026-12-04' })
    expect(readItem(week, b)).toMatchObject({ status: 'unset', note: '', owner: '', ask: '', due: null })
    setDue(week, a, null)
    expect(readItem(week, a)!.due).toBeNull()
  })

  it('report no change and send no update when a value is already set', () => {
    const { week, a } = setup()
    setStatus(week, a, 'yellow')
    let updates = 0
    week.on('update', () => updates++)
    expect(setStatus(week, a, 'yellow')).toBe(false)
    expect(updateItem(week, a, { status: 'yellow', note: '' })).toBe(false)
    expect(clearOutcome(week, a)).toBe(false)
    expect(updates).toBe(0)
  })

  it('refuse invalid input with a sentence and leave the item unchanged', () => {
    const { week, a } = setup()
    setNote(week, a, 'before')
    expect(thrown(() => setStatus(week, a, 'blue' as Status)).message).toBe('A status is red, yellow, green or unset.')
    expect(thrown(() => setNote(week, a, 'two\nlines')).message).toBe('A status note fits on one line.')
    expect(thrown(() => setNote(week, a, 'x'.repeat(201))).message).toBe('A status note has at most 200 characters.')
    expect(() => setNote(week, a, 'x'.repeat(200))).not.toThrow()
    expect(thrown(() => setDue(week, a, '2026-02-30')).field).toBe('due')
    expect(() => setDue(week, a, '04/12/2026')).toThrow(/YYYY-MM-DD/)
    expect(() => setOwner(week, a, 'o'.repeat(101))).toThrow(/at most 100/)
    expect(() => setAsk(week, a, 42 as unknown as string)).toThrow(/must be text/)
    expect(thrown(() => setStatus(week, 'no-such-okr', 'red')).message).toBe('This week has no item for OKR no-such-okr.')
    // A patch with one bad field writes none of its fields.
    expect(() => updateItem(week, a, { status: 'red', due: 'soon' })).toThrow(ValidationError)
    expect(readItem(week, a)!.status).toBe('unset')
  })

  it('refuse every edit once the server has closed the week', () => {
    const { week, a } = setup()
    week.getMap(META_MAP).set(CLOSED_KEY, { at: '2026-11-23T10:00:00Z', by: 'p1', byName: 'Pat' })
    expect(() => setStatus(week, a, 'red')).toThrow('This week is closed.')
    expect(() => recordOutcome(week, a, { kind: 'resolved' }, { by: LEAD })).toThrow('This week is closed.')
  })

  it('read malformed values written by a peer as safe defaults and skip non-map entries', () => {
    const { week, a } = setup()
    const map = itemsMap(week).get(a) as Y.Map<unknown>
    map.set('status', 'purple')
    map.set('due', 'tomorrow')
    map.set('streak', -3)
    map.set('outcome', { kind: 'resolved' }) // no recordedBy / at
    itemsMap(week).set('okr-1', 'yellow') // what older tests wrote
    expect(readItem(week, a)).toMatchObject({ status: 'unset', due: null, streak: 0, atRiskWeeks: 0, outcome: null })
    expect(listItems(week).map((item) => item.objective)).toEqual(['A', 'B'])
  })
})

describe('outcomes', () => {
  it('record each kind with who and when, and replace the previous one', () => {
    const { week, a } = setup()
    const now = new Date('2026-11-23T09:41:00Z')
    const kinds: OutcomeInput[] = [
      { kind: 'resolved' },
      { kind: 'shift', summary: 'Move two mobile engineers from Checkout to Payments', shiftId: 'shift-7' },
      { kind: 'shift', summary: 'Lend one SRE to Search for two weeks' },
      { kind: 'decision', summary: 'Delay the EU launch by two weeks', decisionId: 'decision-3' },
      { kind: 'decision', summary: 'Ship the beta to ten customers first' },
      { kind: 'follow-up', owner: 'Cass', due: '2026-11-30' },
    ]
    for (const input of kinds) {
      recordOutcome(week, a, input, { by: LEAD, now })
      expect(readItem(week, a)!.outcome).toEqual({ ...input, recordedBy: LEAD, at: '2026-11-23T09:41:00.000Z' })
    }
    expect(clearOutcome(week, a)).toBe(true)
    expect(readItem(week, a)!.outcome).toBeNull()
  })

  it('refuse unknown kinds and incomplete outcomes', () => {
    const { week, a } = setup()
    const bad = (input: unknown): string => thrown(() => recordOutcome(week, a, input as OutcomeInput, { by: LEAD })).message
    expect(bad({ kind: 'ignored' })).toBe('An outcome is resolved, shift, decision or follow-up.')
    expect(bad(null)).toMatch(/must be an object/)
    expect(bad({ kind: 'follow-up', due: '2026-11-30' })).toBe('A follow-up needs an owner.')
    expect(bad({ kind: 'follow-up', owner: '  ', due: '2026-11-30' })).toBe('A follow-up needs an owner.')
    expect(bad({ kind: 'follow-up', owner: 'Cass' })).toBe('A follow-up needs a due date.')
    expect(bad({ kind: 'follow-up', owner: 'Cass', due: 'next week' })).toMatch(/YYYY-MM-DD/)
    expect(bad({ kind: 'shift' })).toBe('A resource shift needs a one-line summary, such as "Delay the EU launch by two weeks".')
    expect(bad({ kind: 'shift', summary: '   ', shiftId: 'shift-7' })).toMatch(/needs a one-line summary/)
    expect(bad({ kind: 'decision', summary: 42 })).toMatch(/A decision needs a one-line summary/)
    expect(bad({ kind: 'decision', summary: 'Delay\nthe launch' })).toBe("A decision's summary fits on one line.")
    expect(bad({ kind: 'decision', summary: 'x'.repeat(201) })).toBe("A decision's summary has at most 200 characters.")
    expect(bad({ kind: 'shift', summary: 'Move two engineers', shiftId: 'has spaces' })).toMatch(/^A resource shift's shiftId must be 1 to 100 characters/)
    expect(bad({ kind: 'decision', summary: 'Delay the launch', decisionId: 7 })).toMatch(/^A decision's decisionId must be/)
    expect(thrown(() => recordOutcome(week, a, { kind: 'resolved' }, { by: { id: '', name: 'x' } })).field).toBe('recordedBy')
    expect(readItem(week, a)!.outcome).toBeNull()
  })

  it('drop unknown keys and trim the follow-up owner', () => {
    expect(parseOutcomeInput({ kind: 'follow-up', owner: ' Cass ', due: '2026-11-30', extra: 1 })).toEqual({
      ok: true,
      value: { kind: 'follow-up', owner: 'Cass', due: '2026-11-30' },
    })
    expect(parseOutcomeInput(Object.create({ kind: 'resolved' }))).toMatchObject({ ok: false })
  })

  it('trim a summary, accept one of exactly 200 characters, and treat a null ledger id as none', () => {
    expect(parseOutcomeInput({ kind: 'decision', summary: '  Delay the EU launch by two weeks  ', decisionId: null })).toEqual({
      ok: true,
      value: { kind: 'decision', summary: 'Delay the EU launch by two weeks' },
    })
    const longest = 'y'.repeat(200)
    expect(parseOutcomeInput({ kind: 'shift', summary: ` ${longest} `, shiftId: 'shift-1' })).toEqual({
      ok: true,
      value: { kind: 'shift', summary: longest, shiftId: 'shift-1' },
    })
  })

  it('read back only well-formed stored outcomes', () => {
    const recordedBy = LEAD
    const at = '2026-11-23T09:41:00.000Z'
    expect(readOutcome({ kind: 'shift', summary: 'Move two engineers', recordedBy, at })).toEqual({ kind: 'shift', summary: 'Move two engineers', recordedBy, at })
    // What the first version of outcomes stored (an id, no summary) is not an outcome any more.
    expect(readOutcome({ kind: 'decision', decisionId: 'decision-3', recordedBy, at })).toBeNull()
    expect(readOutcome({ kind: 'decision', summary: 'Ship it', recordedBy: { id: 1 }, at })).toBeNull()
  })
})

describe('collaboration on one week', () => {
  it('keeps both of two concurrent edits to different fields of one item', () => {
    const { week: left, a } = setup()
    const right = new Y.Doc()
    syncBoth(left, right)
    setStatus(left, a, 'red')
    setNote(right, a, 'Blocked on the API review')
    recordOutcome(right, a, { kind: 'follow-up', owner: 'Eli', due: '2026-11-27' }, { by: LEAD })
    syncBoth(left, right)
    for (const doc of [left, right]) {
      expect(readItem(doc, a)).toMatchObject({ status: 'red', note: 'Blocked on the API review', outcome: { kind: 'follow-up', owner: 'Eli' } })
    }
  })

  it('converges on one value when two people change the same field at once', () => {
    const { week: left, a } = setup()
    const right = new Y.Doc()
    syncBoth(left, right)
    setStatus(left, a, 'red')
    setStatus(right, a, 'green')
    syncBoth(left, right)
    expect(readItem(left, a)!.status).toBe(readItem(right, a)!.status)
  })

  it('wakes the observers of the changed item only', () => {
    const { week: local, a, b } = setup()
    const remote = new Y.Doc()
    syncBoth(local, remote)
    const fired = { a: 0, b: 0, bDeep: 0 }
    const mapA = itemsMap(local).get(a) as Y.Map<unknown>
    const mapB = itemsMap(local).get(b) as Y.Map<unknown>
    mapA.observe(() => fired.a++)
    mapB.observe(() => fired.b++)
    mapB.observeDeep(() => fired.bDeep++)
    const changed: Array<Set<string>> = []
    observeItems(local, (okrIds) => changed.push(okrIds))
    let itemA = 0
    let itemB = 0
    observeItem(local, a, () => itemA++)
    observeItem(local, b, () => itemB++)

    setStatus(remote, a, 'red') // a remote status change...
    syncBoth(local, remote)
    expect(readItem(local, a)!.status).toBe('red')
    expect(fired).toEqual({ a: 1, b: 0, bDeep: 0 }) // ...touches exactly one item map
    expect(changed).toEqual([new Set([a])])
    expect([itemA, itemB]).toEqual([1, 0])

    itemsMap(local).delete(b)
    expect(changed.at(-1)).toEqual(new Set([b]))
    expect([itemA, itemB]).toEqual([1, 1])
  })
})
