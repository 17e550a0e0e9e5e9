import { useState, type FormEvent } from 'react'
import { useCommand, type Command } from './useCommand.js'

export interface AddForm<Draft> {
  draft: Draft
  /** The refusal of the last try, and which input it is about. */
  command: Command
  /** A change typed in the form; the old refusal is about text that is gone. */
  edit(patch: Partial<Draft>): void
  submit(event: FormEvent<HTMLFormElement>): void
}

/**
 * A form that adds an entry to the workspace document (a team, a domain, a principle): submitting
 * runs `add` with the draft, and once it went through the form is empty again for the next entry,
 * but for the choices in `keep` (the next domain is likely the same lead's). A refusal keeps what
 * was typed, with its sentence.
 */
export function useAddForm<Draft extends object>(empty: Draft, add: (draft: Draft) => void, keep: readonly (keyof Draft)[] = []): AddForm<Draft> {
  const command = useCommand()
  const [draft, setDraft] = useState<Draft>(empty)
  return {
    draft,
    command,
    edit: (patch) => {
      setDraft((current) => ({ ...current, ...patch }))
      command.clear()
    },
    submit: (event) => {
      event.preventDefault()
      if (!command.run(() => add(draft))) return
      const next = { ...empty }
      for (const key of keep) next[key] = draft[key]
      setDraft(next)
    },
  }
}
