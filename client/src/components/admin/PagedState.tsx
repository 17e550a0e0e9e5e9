import type { PagedList } from '../../hooks/usePagedList.js'
import { ListFailed, ListLoading } from './Loaded.js'

/** Below a paged table: loading, a failure with a retry, or "Load older" while there is more. */
export function PagedState<T extends { id: number }>({ list, what }: { list: PagedList<T>; what: string }) {
  if (list.loading) return <ListLoading what={what} />
  if (list.problem) return <ListFailed what={what} problem={list.problem} onRetry={list.entries.length > 0 ? list.loadOlder : list.reload} />
  if (!list.hasMore) return null
  return (
    <button type="button" className="button button--small button--quiet" onClick={list.loadOlder}>
      Load older
    </button>
  )
}
