import { PRINCIPLE_EXPLANATION_MAX, PRINCIPLE_NAME_MAX } from '@fourwall/shared'
import type { Command } from '../workspace/useCommand.js'

export interface PrincipleDraft {
  name: string
  explanation: string
}

interface Props {
  /** Prefix for the fields' ids (useId). */
  id: string
  draft: PrincipleDraft
  /** The form's last refusal: the input it is about is marked invalid. */
  command: Command
  /** A change typed (the form clears its refusal). */
  onChange(draft: PrincipleDraft): void
  /** Focus the name when the form opens (editing an existing principle). */
  autoFocus?: boolean
}

/** A principle's name (short: decisions cite it) and its explanation, as the add and edit forms share them. */
export function PrincipleFields({ id, draft, command, onChange, autoFocus = false }: Props) {
  const problemId = `${id}-problem`
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={PRINCIPLE_NAME_MAX}
          autoComplete="off"
          autoFocus={autoFocus}
          aria-invalid={command.invalid('name') || undefined}
          aria-describedby={[`${id}-name-hint`, command.invalid('name') ? problemId : null].filter(Boolean).join(' ')}
          onChange={(event) => onChange({ ...draft, name: event.currentTarget.value })}
        />
        <p id={`${id}-name-hint`} className="field__hint muted">
          A few words decisions can cite, such as “Fewer things, done well”.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-explanation`}>Explanation</label>
        <textarea
          id={`${id}-explanation`}
          className="principle-form__explanation"
          rows={4}
          value={draft.explanation}
          maxLength={PRINCIPLE_EXPLANATION_MAX}
          aria-invalid={command.invalid('explanation') || undefined}
          aria-describedby={[`${id}-explanation-hint`, command.invalid('explanation') ? problemId : null].filter(Boolean).join(' ')}
          onChange={(event) => onChange({ ...draft, explanation: event.currentTarget.value })}
        />
        <p id={`${id}-explanation-hint`} className="field__hint muted">
          What it means and what it rules out, in plain words.
        </p>
      </div>
    </>
  )
}
