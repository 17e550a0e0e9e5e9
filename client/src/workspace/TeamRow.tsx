import { removeTeam, renameTeam, TEAM_MAX, type Team } from '@fourwall/shared'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { TeamHeadcountField } from '../ledger/TeamHeadcountField.js'
import { useCommand } from './useCommand.js'

interface Props {
  doc: Y.Doc
  team: Team
  /** How many OKRs the team owns: a team that owns any cannot be removed. */
  owned: number
}

type Mode = 'idle' | 'renaming' | 'confirming'

/** One team: its name and OKR count, renamed in place, its headcount (for the ledger), removed after a confirm step. */
export function TeamRow({ doc, team, owned }: Props) {
  const id = useId()
  const [mode, setMode] = useState<Mode>('idle')
  const [draft, setDraft] = useState(team.name)
  const command = useCommand()

  const startRenaming = (): void => {
    setDraft(team.name)
    command.clear()
    setMode('renaming')
  }
  const stop = (): void => {
    command.clear()
    setMode('idle')
  }
  const rename = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (command.run(() => renameTeam(doc, team.id, draft))) setMode('idle')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      stop()
    }
  }
  const askToRemove = (): void => {
    command.clear()
    // removeTeam refuses a team that still owns OKRs, with a sentence saying what to do instead;
    // showing that sentence at once beats asking "are you sure?" for something that cannot happen.
    if (owned > 0) command.run(() => removeTeam(doc, team.id))
    else setMode('confirming')
  }

  const count = `${owned} OKR${owned === 1 ? '' : 's'}`
  return (
    <li className="team-row" data-team-id={team.id} data-team-name={team.name}>
      {mode === 'renaming' ? (
        <form className="team-row__rename" onSubmit={rename} onKeyDown={onKeyDown} noValidate>
          <label htmlFor={`${id}-name`} className="visually-hidden">
            New name for {team.name}
          </label>
          <input
            id={`${id}-name`}
            value={draft}
            maxLength={TEAM_MAX}
            autoComplete="off"
            // The person just asked to rename: the field is where they type next.
            autoFocus
            aria-invalid={command.problem ? true : undefined}
            aria-describedby={command.problem ? `${id}-problem` : undefined}
            onChange={(event) => {
              setDraft(event.currentTarget.value)
              command.clear()
            }}
          />
          <button type="submit" className="button button--small">
            Save<span className="visually-hidden"> the name of {team.name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" onClick={stop}>
            Cancel
          </button>
        </form>
      ) : (
        <span className="team-row__name">
          <strong>{team.name}</strong> <span className="muted small">· {count}</span>
        </span>
      )}
      {mode === 'idle' && <TeamHeadcountField doc={doc} team={team} />}
      {mode === 'idle' && (
        <span className="row-actions">
          <button type="button" className="button button--small button--quiet" onClick={startRenaming}>
            Rename<span className="visually-hidden"> {team.name}</span>
          </button>
          <button type="button" className="button button--small button--quiet button--danger-quiet" onClick={askToRemove}>
            Remove<span className="visually-hidden"> {team.name}</span>
          </button>
        </span>
      )}
      {mode === 'confirming' && (
        <span className="row-actions">
          <span>Remove the team {team.name}?</span>
          <button
            type="button"
            className="button button--small button--danger"
            autoFocus
            onClick={() => {
              if (command.run(() => removeTeam(doc, team.id))) setMode('idle')
            }}
          >
            Yes, remove<span className="visually-hidden"> {team.name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" onClick={stop}>
            Cancel
          </button>
        </span>
      )}
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </li>
  )
}
