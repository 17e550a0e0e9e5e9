import { DOMAIN_LABELS, removeOkr, updateOkr, type Okr, type Team } from '@fourwall/shared'
import { useState } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { ConfirmRemoval } from '../components/rows/ConfirmRemoval.js'
import { draftOf, OkrForm } from './OkrForm.js'
import { moveOkr } from './reorder.js'
import { useCommand } from './useCommand.js'

interface Props {
  doc: Y.Doc
  okr: Okr
  /** The OKRs of its team, in board order: moving up and down happens among them. */
  group: readonly Okr[]
  teams: Team[]
  /** False for people who only read the workspace: then the row is text, with no controls. */
  editable: boolean
}

type Mode = 'idle' | 'editing' | 'confirming'

const COLUMNS = 4

/** One OKR as a table row, with its editor opened below it. */
export function OkrRow({ doc, okr, group, teams, editable }: Props) {
  const [mode, setMode] = useState<Mode>('idle')
  const command = useCommand()
  const index = group.findIndex((entry) => entry.id === okr.id)
  const move = (direction: -1 | 1): void => {
    command.run(() => moveOkr(doc, group, okr.id, direction))
  }

  return (
    <>
      <tr data-okr-id={okr.id} data-okr-objective={okr.objective} className={mode === 'editing' ? 'table__editor' : undefined}>
        <th scope="row">{okr.objective}</th>
        <td>
          {okr.keyResults.length === 0 ? (
            <span className="muted">No key results</span>
          ) : (
            <ul className="okr-key-results">
              {okr.keyResults.map((keyResult, position) => (
                <li key={position}>{keyResult}</li>
              ))}
            </ul>
          )}
        </td>
        <td>{DOMAIN_LABELS[okr.domain]}</td>
        {editable && (
          <td>
            {mode === 'confirming' ? (
              <ConfirmRemoval
                question="Remove this OKR? Past weeks keep their copy."
                name={okr.objective}
                onConfirm={() => {
                  if (command.run(() => removeOkr(doc, okr.id))) setMode('idle')
                }}
                onCancel={() => setMode('idle')}
              />
            ) : (
              <div className="row-actions okr-actions">
                <button
                  type="button"
                  className="button button--small button--quiet"
                  // The visible word "up" is in the name, so voice control finds the button by what it shows.
                  aria-label={`Move ${okr.objective} up`}
                  disabled={index <= 0}
                  onClick={() => move(-1)}
                >
                  <span aria-hidden="true">↑</span> Up
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Move ${okr.objective} down`}
                  disabled={index < 0 || index >= group.length - 1}
                  onClick={() => move(1)}
                >
                  <span aria-hidden="true">↓</span> Down
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-expanded={mode === 'editing'}
                  onClick={() => setMode(mode === 'editing' ? 'idle' : 'editing')}
                >
                  Edit<span className="visually-hidden"> {okr.objective}</span>
                </button>
                <button
                  type="button"
                  className="button button--small button--quiet button--danger-quiet"
                  onClick={() => {
                    command.clear()
                    setMode('confirming')
                  }}
                >
                  Remove<span className="visually-hidden"> {okr.objective}</span>
                </button>
              </div>
            )}
            <FormProblem problem={command.problem} />
          </td>
        )}
      </tr>
      {editable && mode === 'editing' && (
        <tr className="table__editor">
          <td colSpan={COLUMNS}>
            <OkrForm
              label={`Edit ${okr.objective}`}
              teams={teams}
              initial={draftOf(okr)}
              submit="Save changes"
              onSubmit={(input) => updateOkr(doc, okr.id, input)}
              onDone={() => setMode('idle')}
              onCancel={() => setMode('idle')}
            />
          </td>
        </tr>
      )}
    </>
  )
}
