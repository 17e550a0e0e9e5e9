import { removeTeam, renameTeam, TEAM_MAX, type Team } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { ConfirmRemoval } from '../components/rows/ConfirmRemoval.js'
import { RowActions } from '../components/rows/RowActions.js'
import { SaveOrCancel } from '../components/rows/SaveOrCancel.js'
import { useEditableRow } from '../components/rows/useEditableRow.js'
import { TeamHeadcountField } from '../ledger/TeamHeadcountField.js'

interface Props {
  doc: Y.Doc
  team: Team
  /** How many OKRs the team owns: a team that owns any cannot be removed. */
  owned: number
}

/** One team: its name and OKR count, renamed in place, its headcount (for the ledger), removed after a confirm step. */
export function TeamRow({ doc, team, owned }: Props) {
  const id = useId()
  const row = useEditableRow(() => team.name)
  const { mode, command } = row
  const rename = row.submit((name) => renameTeam(doc, team.id, name))
  const askToRemove = (): void => {
    // removeTeam refuses a team that still owns OKRs, with a sentence saying what to do instead;
    // showing that sentence at once beats asking "are you sure?" for something that cannot happen.
    if (owned > 0) command.run(() => removeTeam(doc, team.id))
    else row.askToRemove()
  }

  const count = `${owned} OKR${owned === 1 ? '' : 's'}`
  return (
    <li className="team-row" data-team-id={team.id} data-team-name={team.name}>
      {mode === 'editing' ? (
        <form className="team-row__rename" onSubmit={rename} onKeyDown={row.onFormKeyDown} noValidate>
          <label htmlFor={`${id}-name`} className="visually-hidden">
            New name for {team.name}
          </label>
          <input
            id={`${id}-name`}
            value={row.draft}
            maxLength={TEAM_MAX}
            autoComplete="off"
            // The person just asked to rename: the field is where they type next.
            autoFocus
            aria-invalid={command.problem ? true : undefined}
            aria-describedby={command.problem ? `${id}-problem` : undefined}
            onChange={(event) => row.edit(event.currentTarget.value)}
          />
          <SaveOrCancel what={`the name of ${team.name}`} onCancel={row.stop} />
        </form>
      ) : (
        <span className="team-row__name">
          <strong>{team.name}</strong> <span className="muted small">· {count}</span>
        </span>
      )}
      {mode === 'reading' && <TeamHeadcountField doc={doc} team={team} />}
      {mode === 'reading' && <RowActions name={team.name} editWord="Rename" onEdit={row.startEditing} onRemove={askToRemove} />}
      {mode === 'confirming' && (
        <ConfirmRemoval question={`Remove the team ${team.name}?`} name={team.name} onConfirm={() => row.finish(() => removeTeam(doc, team.id))} onCancel={row.stop} />
      )}
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </li>
  )
}
