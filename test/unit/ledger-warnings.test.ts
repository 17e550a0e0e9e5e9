import { describe, expect, it } from 'vitest'
import { addShift, capacityByTeam, listItems, listShifts, readShift, setStatus, setTeamHeadcount, shiftWarnings, updateShift, type ShiftInput } from '@fourwall/shared'
import { PAT, paymentsAndMobile, type LedgerWorld } from './ledger-fixtures.js'

function warningsOf(world: LedgerWorld, id: string) {
  const capacity = capacityByTeam(listShifts(world.week), listItems(world.week), world.workspace)
  return shiftWarnings(readShift(world.week, id)!, world.week, world.workspace, capacity)
}

function add(world: LedgerWorld, input: ShiftInput): string {
  return addShift(world.week, input, { by: PAT }).id
}

describe('shift warnings', () => {
  it('warns when a shift takes people from a Red or a Yellow item, naming it', () => {
    const world = paymentsAndMobile()
    const { okr } = world
    const fromRed = add(world, { from: { kind: 'item', okrId: okr['Cut checkout latency']! }, to: okr['Android launch']!, headcount: 1, skill: 'mobile' })
    const fromYellow = add(world, { from: { kind: 'item', okrId: okr['Ship refunds']! }, to: okr['Android launch']!, headcount: 1, skill: 'mobile' })
    const fromGreen = add(world, { from: { kind: 'item', okrId: okr['Offline mode']! }, to: okr['Android launch']!, headcount: 1, skill: 'mobile' })
    expect(warningsOf(world, fromRed)).toEqual([{ kind: 'from-red', level: 'warning', sentence: 'Takes people from a Red item (Cut checkout latency).' }])
    expect(warningsOf(world, fromYellow)).toEqual([{ kind: 'from-yellow', level: 'warning', sentence: 'Takes people from a Yellow item (Ship refunds).' }])
    expect(warningsOf(world, fromGreen)).toEqual([])
    // The warning follows the item's status as it changes.
    setStatus(world.week, okr['Offline mode']!, 'red')
    expect(warningsOf(world, fromGreen).map((warning) => warning.kind)).toEqual(['from-red'])
  })

  it('warns when the week leaves a team with a known headcount below zero', () => {
    const world = paymentsAndMobile()
    const { okr, team } = world
    const input: ShiftInput = { from: { kind: 'team', teamId: team.Search! }, to: okr['Android launch']!, headcount: 2, skill: 'back-end' }
    const first = add(world, input)
    // No headcount known: nothing to compare with.
    expect(warningsOf(world, first)).toEqual([])
    setTeamHeadcount(world.workspace, team.Search!, 3)
    expect(warningsOf(world, first)).toEqual([])
    const second = add(world, input)
    const belowZero = { kind: 'below-zero', level: 'warning', sentence: 'Leaves Search at \u22121.' }
    expect(warningsOf(world, first)).toEqual([belowZero])
    expect(warningsOf(world, second)).toEqual([belowZero])
    // A reverted shift no longer counts, and warns about nothing itself.
    updateShift(world.week, second, { status: 'reverted' })
    expect(warningsOf(world, first)).toEqual([])
    expect(warningsOf(world, second)).toEqual([])
  })

  it('counts an item source against the item\'s team for the headcount', () => {
    const world = paymentsAndMobile()
    const { okr, team } = world
    setTeamHeadcount(world.workspace, team.Mobile!, 0)
    const id = add(world, { from: { kind: 'item', okrId: okr['Offline mode']! }, to: okr['Cut checkout latency']!, headcount: 1, skill: 'mobile' })
    expect(warningsOf(world, id).map((warning) => warning.sentence)).toEqual(['Leaves Mobile at \u22121.'])
  })

  it('notes gently when the destination has turned Green since', () => {
    const world = paymentsAndMobile()
    const { okr, team } = world
    const id = add(world, { from: { kind: 'team', teamId: team.Search! }, to: okr['Ship refunds']!, headcount: 1, skill: 'design' })
    expect(warningsOf(world, id)).toEqual([])
    setStatus(world.week, okr['Ship refunds']!, 'green')
    expect(warningsOf(world, id)).toEqual([{ kind: 'to-green', level: 'note', sentence: 'Goes to a Green item (Ship refunds): is it still needed there?' }])
  })
})
