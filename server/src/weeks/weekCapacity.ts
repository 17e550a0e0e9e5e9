/**
 * The capacity view's numbers for a week: per team, the people moved by this week's resource
 * shifts and by every stored week of its quarter up to and including it. Counted by the same pure
 * function the board uses live (shared/src/ledger/capacity.ts), over the documents as stored.
 */
import {
  addFlows,
  capacityByTeam,
  listItems,
  listShifts,
  mondayOf,
  NO_TEAM_FLOW,
  quarterOf,
  weekDocName,
  weeksOfQuarter,
  WORKSPACE_DOC,
  type QuarterId,
  type TeamFlow,
  type WeekId,
} from '@fourwall/shared'
import type { DocumentRegistry } from '../sync/DocumentRegistry.js'

export interface TeamCapacityReport {
  teamId: string
  teamName: string
  headcount: number | null
  /** This week's shifts alone. */
  week: TeamFlow
  /** Every stored week of the quarter up to and including this one. */
  quarter: TeamFlow
}

export interface CapacityReport {
  weekId: WeekId
  quarter: QuarterId
  /** The stored weeks the quarter's numbers add up, oldest first. */
  weeks: WeekId[]
  teams: TeamCapacityReport[]
}

export interface WeekCapacityDeps {
  documents: DocumentRegistry
  /** Weeks with a stored review document. */
  listWeeks: () => Promise<WeekId[]>
}

export async function weekCapacity({ documents, listWeeks }: WeekCapacityDeps, weekId: WeekId): Promise<CapacityReport> {
  const quarter = quarterOf(weekId)
  const inQuarter = new Set(weeksOfQuarter(quarter))
  const until = mondayOf(weekId).getTime()
  const weeks = (await listWeeks())
    .filter((week) => inQuarter.has(week) && mondayOf(week).getTime() <= until)
    .sort((a, b) => mondayOf(a).getTime() - mondayOf(b).getTime())

  return documents.use(async (open) => {
    const workspace = (await open(WORKSPACE_DOC)).ydoc
    const teams = new Map<string, TeamCapacityReport>()
    for (const week of weeks) {
      const doc = (await open(weekDocName(week))).ydoc
      for (const team of capacityByTeam(listShifts(doc), listItems(doc), workspace)) {
        const entry = teams.get(team.teamId) ?? { teamId: team.teamId, teamName: team.teamName, headcount: team.headcount, week: NO_TEAM_FLOW, quarter: NO_TEAM_FLOW }
        const flow: TeamFlow = { in: team.in, out: team.out, net: team.net }
        entry.quarter = addFlows(entry.quarter, flow)
        if (week === weekId) entry.week = flow
        teams.set(team.teamId, entry)
      }
    }
    // A quarter with no stored week yet still lists the workspace's teams, with nothing moved.
    if (weeks.length === 0) {
      for (const team of capacityByTeam([], [], workspace)) {
        teams.set(team.teamId, { teamId: team.teamId, teamName: team.teamName, headcount: team.headcount, week: NO_TEAM_FLOW, quarter: NO_TEAM_FLOW })
      }
    }
    const sorted = [...teams.values()].sort((a, b) => a.teamName.localeCompare(b.teamName) || a.teamId.localeCompare(b.teamId))
    return { weekId, quarter, weeks, teams: sorted }
  })
}
