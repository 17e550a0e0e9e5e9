import type { Okr, Team } from '@fourwall/shared'
import type * as Y from 'yjs'
import { AddTeamForm } from './AddTeamForm.js'
import { TeamRow } from './TeamRow.js'

interface Props {
  doc: Y.Doc
  teams: Team[]
  okrs: Okr[]
  editable: boolean
}

export function TeamsSection({ doc, teams, okrs, editable }: Props) {
  const owned = (teamId: string): number => okrs.filter((okr) => okr.teamId === teamId).length
  return (
    <section className="workspace-section" aria-labelledby="teams-heading" data-section="teams">
      <h2 id="teams-heading">
        Teams <span className="muted small">({teams.length})</span>
      </h2>
      {editable && <AddTeamForm doc={doc} />}
      {teams.length === 0 ? (
        <p className="empty" data-empty="teams">
          No teams yet.{' '}
          {editable
            ? 'Add one above, or import a CSV file below: its team column creates the teams it names.'
            : 'The leads, their chiefs of staff or an admin set them up.'}
        </p>
      ) : (
        <ul className="team-list">
          {teams.map((team) =>
            editable ? (
              <TeamRow key={team.id} doc={doc} team={team} owned={owned(team.id)} />
            ) : (
              <li key={team.id} className="team-row" data-team-id={team.id} data-team-name={team.name}>
                <span className="team-row__name">
                  <strong>{team.name}</strong>{' '}
                  <span className="muted small">
                    · {owned(team.id)} OKR{owned(team.id) === 1 ? '' : 's'}
                  </span>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  )
}
