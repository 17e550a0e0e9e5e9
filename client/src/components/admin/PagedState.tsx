import type { PagedList } from '../../hooks/usePagedList.js'
import { FormProblem } from '../FormProblem.js'
import { StatusIcon } from '../StatusIcon.js'

/** Below a paged table: loading, a failure with a retry, or "Load older" while there is more. */
export function PagedState<T extends { id: number }>({ list, what }: { list: PagedList<T>; what: string }) {
  if (list.loading) {
    return (
      <p role="status" className="loading" aria-busy="true">
        <StatusIcon kind="connecting" /> Loading {what}…
      </p>
    )
  }
  if (list.problem) {
    return (
      <div className="stack">
        <FormProblem problem={`Could not load ${what}: ${list.problem}`} />
        <div>
          <button type="button" className="button button--small" onClick={list.entries.length > 0 ? list.loadOlder : list.reload}>
            Try again
          </button>
        </div>
      </div>
    )
  }
  if (!list.hasMore) return null
  return (
    <button type="button" className="button button--small button--quiet" onClick={list.loadOlder}>
      Load older
    </button>
  )
}
