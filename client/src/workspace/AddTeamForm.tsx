import { addTeam, TEAM_MAX } from '@fourwall/shared'
import { useId } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { TextField } from '../components/TextField.js'
import { useAddForm } from './useAddForm.js'

export function AddTeamForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const form = useAddForm({ name: '' }, ({ name }) => addTeam(doc, name))
  const { command } = form

  return (
    <form className="form form--inline" onSubmit={form.submit} noValidate data-add-team>
      <TextField
        id={`${id}-name`}
        label="New team"
        hint="A team owns OKRs; team leads can be tied to it."
        value={form.draft.name}
        maxLength={TEAM_MAX}
        autoComplete="off"
        invalid={command.problem !== null}
        describedBy={command.problem ? `${id}-problem` : undefined}
        onChange={(event) => form.edit({ name: event.currentTarget.value })}
      />
      <div className="form__actions">
        <button type="submit" className="button">
          Add team
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={command.problem} />
    </form>
  )
}
