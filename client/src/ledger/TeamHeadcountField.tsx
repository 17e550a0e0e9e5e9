import { HEADCOUNT_MAX, setTeamHeadcount, type Team } from '@fourwall/shared'
import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { useCommand } from '../workspace/useCommand.js'

/**
 * A team's headcount on the workspace page, written on Enter or when you leave the field; empty
 * means "not known". The ledger warns that a shift leaves a team below zero only when it is known.
 */
export function TeamHeadcountField({ doc, team }: { doc: Y.Doc; team: Team }) {
  const id = useId()
  const shown = team.headcount === undefined ? '' : String(team.headcount)
  const [draft, setDraft] = useState(shown)
  const unsaved = useRef(false)
  const command = useCommand()

  useEffect(() => {
    if (!unsaved.current) setDraft(shown)
  }, [shown])

  const save = (): void => {
    if (!unsaved.current) return
    const value = draft.trim() === '' ? null : Number(draft)
    if (command.run(() => setTeamHeadcount(doc, team.id, value))) unsaved.current = false
  }

  return (
    <span className="team-headcount">
      <label htmlFor={`${id}-headcount`}>
        Headcount<span className="visually-hidden"> of {team.name}</span>
      </label>
      <input
        id={`${id}-headcount`}
        type="number"
        inputMode="numeric"
        min={0}
        max={HEADCOUNT_MAX}
        step={1}
        value={draft}
        placeholder="Not known"
        data-field="headcount"
        aria-invalid={command.problem ? true : undefined}
        aria-describedby={command.problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setDraft(event.target.value)
          unsaved.current = true
          command.clear()
        }}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            save()
          }
        }}
      />
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </span>
  )
}
