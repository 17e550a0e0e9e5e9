/**
 * The board's ItemStore over a real Y.Doc (no React): which snapshots keep their identity, so the
 * rows and the agenda list re-render only when what they show changed.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordOutcome, setNote, setStatus, type WeekId } from '@fourwall/shared'
import { ItemStore } from '../../client/src/board/ItemStore.js'
import { LEAD, newWeek, syncBoth, workspaceWith } from './review-fixtures.js'

const W48 = '2026-W48' as WeekId

function board() {
  const { doc: workspace, ids } = workspaceWith({ A: 'product', B: 'engineering', C: 'shared' })
  const week = newWeek(workspace, W48)
  const store = new ItemStore(week)
  const calls = { a: 0, b: 0, agenda: 0 }
  store.subscribeItem(ids.A!, () => calls.a++)
  store.subscribeItem(ids.B!, () => calls.b++)
  store.subscribeAgenda(() => calls.agenda++)
  return { week, store, calls, a: ids.A!, b: ids.B!, c: ids.C! }
}

describe('ItemStore', () => {
  it('re-reads only the changed item: the others keep their object identity', () => {
    const { week, store, calls, a, b } = board()
    const [beforeA, beforeB] = [store.item(a), store.item(b)]
    setStatus(week, a, 'red')
    expect(store.item(a)).not.toBe(beforeA)
    expect(store.item(a)?.status).toBe('red')
    expect(store.item(b)).toBe(beforeB)
    expect(calls).toMatchObject({ a: 1, b: 0 })
  })

  it('keeps the agenda snapshot when a note changes, and replaces it when an item moves or gets an outcome', () => {
    const { week, store, calls, a, b, c } = board()
    const initial = store.agendaSnapshot()
    expect(initial).toMatchObject({ discuss: [], unset: [a, b, c], green: [], total: 3 })

    setNote(week, a, 'Waiting on the vendor')
    expect(store.agendaSnapshot()).toBe(initial)
    expect(calls.agenda).toBe(0)

    setStatus(week, b, 'red')
    const moved = store.agendaSnapshot()
    expect(moved).not.toBe(initial)
    expect(moved).toMatchObject({ discuss: [b], unset: [a, c], progress: { total: 1, discussed: 0, left: 1 }, next: b })
    // A list that did not change keeps its array, so its section is not re-rendered either.
    expect(moved.green).toBe(initial.green)
    expect(moved.unset).not.toBe(initial.unset)
    expect(calls.agenda).toBe(1)

    recordOutcome(week, b, { kind: 'resolved' }, { by: LEAD })
    expect(store.agendaSnapshot()).toMatchObject({ discuss: [b], progress: { discussed: 1, left: 0 }, next: null })
    expect(calls.agenda).toBe(2)
  })

  it('follows remote updates and stops after destroy', () => {
    const { week, store, calls, a } = board()
    // A second replica of the same week, as another person's client holds it.
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(week))
    setStatus(remote, a, 'yellow')
    syncBoth(week, remote)
    expect(store.item(a)?.status).toBe('yellow')
    expect(calls.a).toBe(1)

    store.destroy()
    setStatus(remote, a, 'green')
    syncBoth(week, remote)
    expect(store.item(a)?.status).toBe('yellow')
    expect(calls.a).toBe(1)
  })
})
