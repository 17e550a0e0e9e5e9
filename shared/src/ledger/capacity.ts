/**
 * How many people each team gains and loses through the week's resource shifts: the capacity view.
 * Pure functions over what was read from the documents, so the board (live, this week) and the
 * server (every stored week of a quarter) count the same way.
 *
 * Who a shift counts against:
 * - from a team: that team loses the headcount ("out");
 * - from an item: the team that owns the item loses it;
 * - from somewhere else (a new hire, a contractor): nobody in the workspace loses anyone;
 * - to an item: the item's team gains it ("in").
 *
 * Proposed, agreed and done shifts all count: in the room the leads want to see what a proposal
 * would do to a team before they agree to it, and an agreed shift is a commitment whether or not
 * the people have moved yet. Reverted shifts never happened as far as capacity goes, so they do not
 * count at all.
 */
import type * as Y from 'yjs'
import type { ReviewItem } from '../review/items.js'
import { listTeams } from '../review/workspace.js'
import type { Shift, ShiftStatus } from './shift.js'

export interface TeamFlow {
  /** People gained. */
  in: number
  /** People given away. */
  out: number
  /** in − out. */
  net: number
}

export interface TeamCapacity extends TeamFlow {
  teamId: string
  teamName: string
  /** The team's headcount from the workspace; null when nobody entered it (or the team is gone). */
  headcount: number | null
}

/** What capacity needs of an item: whose it is. */
export type CapacityItem = Pick<ReviewItem, 'id' | 'teamId' | 'teamName'>

export const NO_TEAM_FLOW: TeamFlow = { in: 0, out: 0, net: 0 }

export function countsTowardCapacity(status: ShiftStatus): boolean {
  return status !== 'reverted'
}

export function addFlows(a: TeamFlow, b: TeamFlow): TeamFlow {
  return { in: a.in + b.in, out: a.out + b.out, net: a.net + b.net }
}

export function subtractFlows(a: TeamFlow, b: TeamFlow): TeamFlow {
  return { in: a.in - b.in, out: a.out - b.out, net: a.net - b.net }
}

interface TeamRef {
  teamId: string
  teamName: string
}

function itemTeam(items: ReadonlyMap<string, CapacityItem>, okrId: string | null): TeamRef | null {
  const item = okrId === null ? undefined : items.get(okrId)
  return item && item.teamId !== '' ? { teamId: item.teamId, teamName: item.teamName } : null
}

/** The team a shift takes people from; null for another source, or an item the week no longer has. */
export function sourceTeamOf(shift: Pick<Shift, 'from'>, items: ReadonlyMap<string, CapacityItem>): TeamRef | null {
  const { from } = shift
  if (!from || from.kind === 'other') return null
  if (from.kind === 'team') return { teamId: from.teamId, teamName: '' }
  return itemTeam(items, from.okrId)
}

/** The team a shift gives people to. */
export function destinationTeamOf(shift: Pick<Shift, 'to'>, items: ReadonlyMap<string, CapacityItem>): TeamRef | null {
  return itemTeam(items, shift.to)
}

export function itemsById<T extends CapacityItem>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

/**
 * Every workspace team (with zeros when nothing moved) plus any other team a shift touched, sorted
 * by name. Team names and headcounts come from the workspace; a team it no longer has keeps the
 * name the week's item copied.
 */
export function capacityByTeam(shifts: readonly Shift[], items: readonly CapacityItem[], workspace: Y.Doc | null): TeamCapacity[] {
  const byId = itemsById(items)
  const teams = new Map<string, TeamCapacity>()
  for (const team of workspace ? listTeams(workspace) : []) {
    teams.set(team.id, { teamId: team.id, teamName: team.name, headcount: team.headcount ?? null, ...NO_TEAM_FLOW })
  }
  const entry = (ref: TeamRef): TeamCapacity => {
    let team = teams.get(ref.teamId)
    if (!team) {
      team = { teamId: ref.teamId, teamName: ref.teamName || 'Unknown team', headcount: null, ...NO_TEAM_FLOW }
      teams.set(ref.teamId, team)
    }
    return team
  }
  for (const shift of shifts) {
    if (!countsTowardCapacity(shift.status)) continue
    const source = sourceTeamOf(shift, byId)
    if (source) {
      const team = entry(source)
      team.out += shift.headcount
      team.net -= shift.headcount
    }
    const destination = destinationTeamOf(shift, byId)
    if (destination) {
      const team = entry(destination)
      team.in += shift.headcount
      team.net += shift.headcount
    }
  }
  return [...teams.values()].sort((a, b) => a.teamName.localeCompare(b.teamName) || a.teamId.localeCompare(b.teamId))
}

/** The headcount left once the flow is applied; null when the team's headcount is not known. */
export function headcountAfter(team: Pick<TeamCapacity, 'headcount'>, flow: TeamFlow): number | null {
  return team.headcount === null ? null : team.headcount + flow.net
}

/** A signed number as people read it: "+2", "−1" (a real minus sign), "0". */
export function signedCount(value: number): string {
  if (value > 0) return `+${value}`
  if (value < 0) return `\u2212${-value}`
  return '0'
}

/** A count that may be below zero, without a plus: "3", "−1". */
export function headcountText(value: number): string {
  return value < 0 ? `\u2212${-value}` : String(value)
}
