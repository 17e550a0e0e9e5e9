import { HEADCOUNT_MAX, setTeamHeadcount, type Team } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { tryCommand } from '../board/writeItem.js'
import { commitNumberText, numberAsText } from '../components/fields/numberText.js'
import { useCommittedValue } from '../components/fields/useCommittedValue.js'
import { FormProblem } from '../components/FormProblem.js'

/**
 * A team's headcount on the workspace page, written on Enter or when you leave the field; empty
 * means "not known". The ledger warns that a shift leaves a team below zero only when it is known.
 */
export function TeamHeadcountField({ doc, team }: { doc: Y.Doc; team: Team }) {
  const id = useId()
  const { error, control } = useCommittedValue({
    value: numberAsText(team.headcount),
    commit: (text) => commitNumberText(text, (value) => tryCommand(() => setTeamHeadcount(doc, team.id, value)), { label: 'Headcount', optional: true }),
  })

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
        placeholder="Not known"
        data-field="headcount"
        aria-describedby={error ? `${id}-problem` : undefined}
        {...control}
      />
      <FormProblem id={`${id}-problem`} problem={error} />
    </span>
  )
}
