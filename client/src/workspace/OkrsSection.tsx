import { addOkr, type Okr, type Team } from '@fourwall/shared'
import { useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { OkrForm } from './OkrForm.js'
import { OkrRow } from './OkrRow.js'

interface Props {
  doc: Y.Doc
  teams: Team[]
  okrs: Okr[]
  editable: boolean
  /** What to offer when there are no OKRs yet (the demo offer). */
  whenEmpty?: ReactNode
}

interface Group {
  key: string
  name: string
  okrs: Okr[]
}

/**
 * One group per team, alphabetically, each in board order. OKRs whose team is gone (removed by a
 * collaborator at the same moment) come last under their own heading, so they can be moved.
 */
function groupByTeam(teams: Team[], okrs: Okr[]): Group[] {
  const groups: Group[] = teams.map((team) => ({ key: team.id, name: team.name, okrs: okrs.filter((okr) => okr.teamId === team.id) }))
  const known = new Set(teams.map((team) => team.id))
  const orphans = okrs.filter((okr) => !known.has(okr.teamId))
  if (orphans.length > 0) groups.push({ key: 'unknown team', name: 'Unknown team', okrs: orphans })
  return groups.filter((group) => group.okrs.length > 0)
}

export function OkrsSection({ doc, teams, okrs, editable, whenEmpty }: Props) {
  const [adding, setAdding] = useState(false)
  const groups = groupByTeam(teams, okrs)
  const columns = ['Objective', 'Key results', 'Domain', ...(editable ? ['Actions'] : [])]

  return (
    <section className="workspace-section" aria-labelledby="okrs-heading" data-section="okrs">
      <h2 id="okrs-heading">
        OKRs <span className="muted small">({okrs.length})</span>
      </h2>
      <p className="muted">Every weekly review starts from these, grouped by the team that owns each.</p>
      {editable && (
        <div className="workspace-add">
          {teams.length === 0 ? (
            <p className="muted">Add a team first: every OKR belongs to one.</p>
          ) : (
            <button type="button" className="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
              {adding ? 'Close the new OKR form' : 'Add an OKR'}
            </button>
          )}
          {adding && teams.length > 0 && (
            <div className="panel workspace-add__form">
              <OkrForm
                label="Add an OKR"
                teams={teams}
                initial={{ objective: '', keyResults: '', teamId: teams[0]?.id ?? '', domain: 'product' }}
                submit="Add OKR"
                onSubmit={(input) => addOkr(doc, input)}
                onCancel={() => setAdding(false)}
              />
            </div>
          )}
        </div>
      )}
      {okrs.length === 0 ? (
        <div className="empty stack" data-empty="okrs">
          <p>
            No OKRs yet.{' '}
            {editable
              ? 'Add them one by one, import them from a CSV file (below), or start from the demo workspace.'
              : 'The leads, their chiefs of staff or an admin add them.'}
          </p>
          {editable && whenEmpty}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table okr-table">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.key} data-okr-team={group.name}>
                <tr className="okr-table__team">
                  <th scope="colgroup" colSpan={columns.length}>
                    {group.name} <span className="muted small">· {group.okrs.length} OKR{group.okrs.length === 1 ? '' : 's'}</span>
                  </th>
                </tr>
                {group.okrs.map((okr) => (
                  <OkrRow key={okr.id} doc={doc} okr={okr} group={group.okrs} teams={teams} editable={editable} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  )
}
