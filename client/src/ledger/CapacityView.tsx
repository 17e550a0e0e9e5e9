import { addFlows, headcountAfter, headcountText, NO_TEAM_FLOW, signedCount, type TeamCapacity, type TeamFlow, type WeekId } from '@fourwall/shared'
import { StatusIcon } from '../components/StatusIcon.js'
import { useQuarterCapacity } from './useQuarterCapacity.js'

interface Props {
  weekId: WeekId
  /** This week's capacity, counted from the live ledger. */
  week: readonly TeamCapacity[]
}

interface Line {
  teamId: string
  teamName: string
  headcount: number | null
  week: TeamFlow
  /** Null while the quarter's other weeks are loading or could not be loaded. */
  quarter: TeamFlow | null
}

/**
 * Per team: the people gained and given away this week, the net for the quarter so far (the
 * server's other weeks plus this week's live rows), and what a known headcount comes to after this
 * week, with a warning in words when that is below zero.
 */
export function CapacityView({ weekId, week }: Props) {
  const server = useQuarterCapacity(weekId)
  const loaded = server.status === 'ready' ? server.data : null
  const lines: Line[] = week.map((team) => ({
    teamId: team.teamId,
    teamName: team.teamName,
    headcount: team.headcount,
    week: team,
    quarter: loaded ? addFlows(team, loaded.otherWeeks.get(team.teamId)?.flow ?? NO_TEAM_FLOW) : null,
  }))
  // A team that moved people earlier in the quarter but is gone from the workspace still counts.
  for (const [teamId, other] of loaded?.otherWeeks ?? []) {
    if (!lines.some((line) => line.teamId === teamId) && (other.flow.in !== 0 || other.flow.out !== 0)) {
      lines.push({ teamId, teamName: other.teamName, headcount: null, week: NO_TEAM_FLOW, quarter: other.flow })
    }
  }
  const quarterName = loaded?.quarter ?? 'this quarter'

  return (
    <div className="capacity" data-capacity aria-busy={server.status === 'loading' ? true : undefined}>
      <h3 id="capacity-heading">Capacity per team</h3>
      {server.status === 'failed' && (
        <p className="notice notice--problem" role="alert">
          <StatusIcon kind="problem" /> <span>The quarter's numbers could not be loaded: {server.problem}</span>
        </p>
      )}
      {lines.length === 0 ? (
        <p className="empty" data-empty="capacity">
          No teams yet: the workspace's teams appear here with the people each gains and gives away.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table capacity-table" aria-labelledby="capacity-heading">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Headcount</th>
                <th scope="col">In this week</th>
                <th scope="col">Out this week</th>
                <th scope="col">Net this week</th>
                <th scope="col">Net {quarterName}</th>
                <th scope="col">After this week</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <CapacityLine key={line.teamId} line={line} loading={server.status === 'loading'} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function CapacityLine({ line, loading }: { line: Line; loading: boolean }) {
  const after = headcountAfter(line, line.week)
  const below = after !== null && after < 0
  return (
    <tr data-capacity-team={line.teamName} data-below-zero={below ? 'true' : undefined}>
      <th scope="row">{line.teamName}</th>
      <td className="table__number" data-column="headcount">
        {line.headcount ?? <span className="muted">Not known</span>}
      </td>
      <td className="table__number" data-column="week-in">
        {line.week.in}
      </td>
      <td className="table__number" data-column="week-out">
        {line.week.out}
      </td>
      <td className="table__number" data-column="week-net">
        {signedCount(line.week.net)}
      </td>
      <td className="table__number" data-column="quarter-net">
        {line.quarter ? signedCount(line.quarter.net) : <span className="muted">{loading ? 'Loading…' : '—'}</span>}
      </td>
      <td className="table__number" data-column="after">
        {after === null ? (
          <span className="muted">—</span>
        ) : below ? (
          <span className="capacity__below">
            <StatusIcon kind="at-risk" /> {headcountText(after)}, below zero
          </span>
        ) : (
          headcountText(after)
        )}
      </td>
    </tr>
  )
}
