import type { ReactNode } from 'react'
import type { ApiData } from '../../hooks/useApiData.js'
import { FormProblem } from '../FormProblem.js'
import { StatusIcon } from '../StatusIcon.js'

interface Props<T> {
  state: ApiData<T>
  reload(): void
  /** "people", "invites": finishes "Loading …". */
  what: string
  children(data: T): ReactNode
}

/** A list's loading and failure states, so each tab only says what to show once it has data. */
export function Loaded<T>({ state, reload, what, children }: Props<T>) {
  if (state.status === 'loading') return <ListLoading what={what} />
  if (state.status === 'failed') return <ListFailed what={what} problem={state.problem} onRetry={reload} />
  return <>{children(state.data)}</>
}

/** "Loading people…", announced politely. */
export function ListLoading({ what }: { what: string }) {
  return (
    <p role="status" className="loading" aria-busy="true" data-loading={what}>
      <StatusIcon kind="connecting" /> Loading {what}…
    </p>
  )
}

/** Why a list did not load, and a button to try again. */
export function ListFailed({ what, problem, onRetry }: { what: string; problem: string; onRetry(): void }) {
  return (
    <div className="stack">
      <FormProblem problem={`Could not load ${what}: ${problem}`} />
      <div>
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  )
}

/** What an empty table says instead of showing bare headers. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="empty" data-empty>
      {children}
    </p>
  )
}
