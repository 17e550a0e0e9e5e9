import { Fragment, type ReactNode } from 'react'
import type { PagedList } from '../../hooks/usePagedList.js'
import { Empty } from './Loaded.js'
import { PagedState } from './PagedState.js'

interface Props<T extends { id: string | number }> {
  /** The column headings, left to right. */
  columns: readonly string[]
  /** Adds a last column of buttons, its heading only read out ("Actions"). */
  actions?: boolean
  items: readonly T[]
  /** Said instead of a table with no rows; null says nothing (the list is still loading, say). */
  empty: ReactNode
  /** One item's row (or rows: an editor may open under it). */
  row(item: T): ReactNode
}

/** An admin list as a table, or a sentence saying it is empty instead of showing bare headings. */
export function AdminTable<T extends { id: string | number }>({ columns, actions = false, items, empty, row }: Props<T>) {
  if (items.length === 0) return empty === null ? null : <Empty>{empty}</Empty>
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>{row(item)}</Fragment>
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface PagedProps<T extends { id: number }> extends Omit<Props<T>, 'items' | 'actions'> {
  list: PagedList<T>
  /** "the audit log": finishes "Loading …" and "Could not load …". */
  what: string
}

/** A newest-first table loaded a page at a time, with its loading, failure and "Load older" below it. */
export function PagedTable<T extends { id: number }>({ list, what, empty, ...table }: PagedProps<T>) {
  const settled = !list.loading && !list.problem
  return (
    <>
      <AdminTable {...table} items={list.entries} empty={settled ? empty : null} />
      <PagedState list={list} what={what} />
    </>
  )
}
