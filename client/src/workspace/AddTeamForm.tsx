import { addTeam, TEAM_MAX } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { TextField } from '../components/TextField.js'
import { useCommand } from './useCommand.js'

export function AddTeamForm({ doc }: { doc: Y.Doc }) {
  const id = useId()
  const [name, setName] = useState('')
  const command = useCommand()

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (command.run(() => addTeam(doc, name))) setName('')
  }

  return (
    <form className="form form--inline" onSubmit={submit} noValidate data-add-team>
      <TextField
        id={`${id}-name`}
        label="New team"
        hint="A team owns OKRs; team leads can be tied to it."
        value={name}
        maxLength={TEAM_MAX}
        autoComplete="off"
        invalid={command.problem !== null}
        describedBy={command.problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setName(event.currentTarget.value)
          command.clear()
        }}
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
