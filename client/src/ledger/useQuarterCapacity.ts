import { subtractFlows, type TeamFlow, type WeekId } from '@fourwall/shared'
import { useApiData, type ApiData } from '../hooks/useApiData.js'

/** What GET /api/weeks/:weekId/capacity answers (server/src/weeks/weekCapacity.ts). */
export interface CapacityAnswer {
  weekId: string
  quarter: string
  weeks: string[]
  teams: Array<{ teamId: string; teamName: string; headcount: number | null; week: TeamFlow; quarter: TeamFlow }>
}

export interface QuarterCapacity {
  quarter: string
  /** Per team: what the quarter's OTHER stored weeks moved (the server's quarter minus its copy of this week). */
  otherWeeks: Map<string, { teamName: string; flow: TeamFlow }>
}

function isFlow(value: unknown): value is TeamFlow {
  const flow = value as Record<string, unknown> | null
  return typeof flow === 'object' && flow !== null && ['in', 'out', 'net'].every((key) => typeof flow[key] === 'number')
}

function readCapacity(body: unknown): QuarterCapacity {
  const answer = body as Partial<CapacityAnswer> | null
  if (!answer || typeof answer.quarter !== 'string' || !Array.isArray(answer.teams)) throw new Error('The server\'s capacity answer is not in the expected shape.')
  const otherWeeks = new Map<string, { teamName: string; flow: TeamFlow }>()
  for (const team of answer.teams) {
    if (typeof team?.teamId !== 'string' || !isFlow(team.week) || !isFlow(team.quarter)) continue
    otherWeeks.set(team.teamId, { teamName: String(team.teamName), flow: subtractFlows(team.quarter, team.week) })
  }
  return { quarter: answer.quarter, otherWeeks }
}

/**
 * The quarter's other weeks, from the server, once per week shown. This week's own numbers come
 * from the live document instead, so the quarter column moves with every edit in the room.
 */
export function useQuarterCapacity(weekId: WeekId): ApiData<QuarterCapacity> {
  return useApiData(`/api/weeks/${weekId}/capacity`, readCapacity).state
}
