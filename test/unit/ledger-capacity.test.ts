import { describe, expect, it } from 'vitest'
import {
  addFlows,
  addShift,
  capacityByTeam,
  headcountText,
  listItems,
  listShifts,
  setTeamHeadcount,
  signedCount,
  updateShift,
  type ShiftInput,
} from '@fourwall/shared'
import { PAT, paymentsAndMobile, type LedgerWorld } from './ledger-fixtures.js'

function add(world: LedgerWorld, input: ShiftInput): string {
  return addShift(world.week, input, { by: PAT }).id
}

function capacity(world: LedgerWorld) {
  const rows = capacityByTeam(listShifts(world.week), listItems(world.week), world.workspace)
  return Object.fromEntries(rows.map((row) => [row.teamName, { in: row.in, out: row.out, net: row.net, headcount: row.headcount }]))
}

describe('capacity per team', () => {
  it('lists every workspace team, with zeros when nothing moved', () => {
    const world = paymentsAndMobile()
    expect(capacity(world)).toEqual({
      Mobile: { in: 0, out: 0, net: 0, headcount: null },
      Payments: { in: 0, out: 0, net: 0, headcount: null },
      Search: { in: 0, out: 0, net: 0, headcount: null },
    })
  })

  it('counts a team source against that team, an item source against its team, and the destination for its team', () => {
    const world = paymentsAndMobile()
    const { team, okr } = world
    // Search gives 2 to Android (Mobile); Mobile's Offline mode gives 3 to Checkout (Payments);
    // contractors give 4 to Refunds (Payments) and nobody in the workspace loses them.
    add(world, { from: { kind: 'team', teamId: team.Search! }, to: okr['Android launch']!, headcount: 2, skill: 'mobile' })
    add(world, { from: { kind: 'item', okrId: okr['Offline mode']! }, to: okr['Cut checkout latency']!, headcount: 3, skill: 'back-end' })
    add(world, { from: { kind: 'other', label: 'Contractors' }, to: okr['Ship refunds']!, headcount: 4, skill: 'front-end' })
    // Within a team: Payments moves 1 from Refunds to Checkout, which is out 1 and in 1.
    add(world, { from: { kind: 'item', okrId: okr['Ship refunds']! }, to: okr['Cut checkout latency']!, headcount: 1, skill: 'data', status: 'done' })
    expect(capacity(world)).toEqual({
      Mobile: { in: 2, out: 3, net: -1, headcount: null },
      Payments: { in: 8, out: 1, net: 7, headcount: null },
      Search: { in: 0, out: 2, net: -2, headcount: null },
    })
  })

  it('counts proposed, agreed and done shifts, and leaves reverted ones out', () => {
    const world = paymentsAndMobile()
    const { team, okr } = world
    const input: ShiftInput = { from: { kind: 'team', teamId: team.Search! }, to: okr['Android launch']!, headcount: 2, skill: 'mobile' }
    const ids = [add(world, input), add(world, { ...input, headcount: 3 }), add(world, { ...input, headcount: 5 }), add(world, { ...input, headcount: 7 })]
    updateShift(world.week, ids[1]!, { status: 'agreed' })
    updateShift(world.week, ids[2]!, { status: 'done' })
    updateShift(world.week, ids[3]!, { status: 'reverted' })
    expect(capacity(world).Search).toEqual({ in: 0, out: 10, net: -10, headcount: null })
    expect(capacity(world).Mobile).toEqual({ in: 10, out: 0, net: 10, headcount: null })
    updateShift(world.week, ids[0]!, { status: 'reverted' })
    expect(capacity(world).Mobile!.net).toBe(8)
  })

  it('takes headcounts from the workspace and keeps a team the workspace no longer has under its copied name', () => {
    const world = paymentsAndMobile()
    const { team, okr } = world
    setTeamHeadcount(world.workspace, team.Payments!, 6)
    add(world, { from: { kind: 'item', okrId: okr['Ship refunds']! }, to: okr['Android launch']!, headcount: 2, skill: 'mobile' })
    const rows = capacityByTeam(listShifts(world.week), listItems(world.week), null)
    expect(rows.map((row) => [row.teamName, row.net, row.headcount])).toEqual([
      ['Mobile', 2, null],
      ['Payments', -2, null],
    ])
    expect(capacity(world).Payments).toEqual({ in: 0, out: 2, net: -2, headcount: 6 })
  })

  it('adds flows and writes signed counts with a real minus sign', () => {
    expect(addFlows({ in: 1, out: 2, net: -1 }, { in: 3, out: 0, net: 3 })).toEqual({ in: 4, out: 2, net: 2 })
    expect([signedCount(2), signedCount(0), signedCount(-3)]).toEqual(['+2', '0', '\u22123'])
    expect(headcountText(-1)).toBe('\u22121')
  })
})
