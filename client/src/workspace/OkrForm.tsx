import { DOMAIN_LABELS, DOMAINS, KEY_RESULT_MAX, KEY_RESULTS_MAX, OBJECTIVE_MAX, type Domain, type OkrInput, type Team } from '@fourwall/shared'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { FormProblem } from '../components/FormProblem.js'
import { TextField } from '../components/TextField.js'
import { useCommand } from './useCommand.js'

export interface OkrDraft {
  objective: string
  /** One key result per line, as the textarea holds them. */
  keyResults: string
  teamId: string
  domain: Domain
}

export function draftOf(okr: { objective: string; keyResults: readonly string[]; teamId: string; domain: Domain }): OkrDraft {
  return { objective: okr.objective, keyResults: okr.keyResults.join('\n'), teamId: okr.teamId, domain: okr.domain }
}

/** The draft as the workspace commands take it; they trim the lines and drop the empty ones. */
export function inputOf(draft: OkrDraft): OkrInput {
  return { objective: draft.objective, keyResults: draft.keyResults.split(/\r?\n/), teamId: draft.teamId, domain: draft.domain }
}

interface Props {
  teams: Team[]
  initial: OkrDraft
  /** "Add OKR", "Save changes". */
  submit: string
  /** Writes the OKR; throws a ValidationError (shown under the form) when something is wrong. */
  onSubmit(input: OkrInput): void
  /** After a successful save; an add form clears itself instead. */
  onDone?(): void
  onCancel?(): void
  /** Names the form for screen readers: "Add an OKR", "Edit Ship checkout v2". */
  label: string
}

/** The fields of one OKR: objective, key results, owning team and domain. Used to add and to edit. */
export function OkrForm({ teams, initial, submit, onSubmit, onDone, onCancel, label }: Props) {
  const id = useId()
  const [draft, setDraft] = useState<OkrDraft>(initial)
  const command = useCommand()
  const problemId = `${id}-problem`

  const change = <K extends keyof OkrDraft>(key: K, value: OkrDraft[K]): void => {
    setDraft((previous) => ({ ...previous, [key]: value }))
    command.clear()
  }
  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (!command.run(() => onSubmit(inputOf(draft)))) return
    if (onDone) onDone()
    else setDraft({ ...initial, teamId: draft.teamId, domain: draft.domain }) // the next OKR is likely the same team's
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault()
      onCancel()
    }
  }
  const describedBy = (field: string): string | undefined => (command.invalid(field) ? problemId : undefined)

  return (
    <form className="form okr-form" onSubmit={save} onKeyDown={onKeyDown} aria-label={label} noValidate data-okr-form>
      <TextField
        id={`${id}-objective`}
        label="Objective"
        value={draft.objective}
        maxLength={OBJECTIVE_MAX}
        autoComplete="off"
        invalid={command.invalid('objective')}
        describedBy={describedBy('objective')}
        onChange={(event) => change('objective', event.currentTarget.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-key-results`}>Key results</label>
        <textarea
          id={`${id}-key-results`}
          className="okr-form__key-results"
          rows={3}
          value={draft.keyResults}
          aria-invalid={command.invalid('keyResults') || undefined}
          aria-describedby={[`${id}-key-results-hint`, describedBy('keyResults')].filter(Boolean).join(' ')}
          onChange={(event) => change('keyResults', event.currentTarget.value)}
        />
        <p id={`${id}-key-results-hint`} className="field__hint muted">
          One per line, up to {KEY_RESULTS_MAX}, each at most {KEY_RESULT_MAX} characters.
        </p>
      </div>
      <div className="okr-form__pickers">
        <div className="field">
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            value={draft.teamId}
            aria-invalid={command.invalid('teamId') || undefined}
            aria-describedby={describedBy('teamId')}
            onChange={(event) => change('teamId', event.currentTarget.value)}
          >
            {draft.teamId === '' && <option value="">Choose a team…</option>}
            {!teams.some((team) => team.id === draft.teamId) && draft.teamId !== '' && (
              <option value={draft.teamId}>Unknown team (removed)</option>
            )}
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-domain`}>Domain</label>
          <select
            id={`${id}-domain`}
            value={draft.domain}
            aria-describedby={`${id}-domain-hint`}
            onChange={(event) => change('domain', event.currentTarget.value as Domain)}
          >
            {DOMAINS.map((domain) => (
              <option key={domain} value={domain}>
                {DOMAIN_LABELS[domain]}
              </option>
            ))}
          </select>
          <p id={`${id}-domain-hint`} className="field__hint muted">
            Whose call it is: the Product Lead's, the Engineering Lead's, or both.
          </p>
        </div>
      </div>
      <FormProblem id={problemId} problem={command.problem} />
      <div className="form__actions">
        <button type="submit" className="button">
          {submit}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
