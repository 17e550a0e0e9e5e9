import { parseDocName, type DocumentUpdateEntry } from '@fourwall/shared'
import { useId, useMemo, useState, type FormEvent } from 'react'
import { usePagedList } from '../../hooks/usePagedList.js'
import { formatBytes } from '../../lib/audit.js'
import { formatDateTime } from '../../lib/format.js'
import { FormProblem } from '../FormProblem.js'
import { Empty } from './Loaded.js'
import { PagedState } from './PagedState.js'

/** Which person's connection stored each document update: the edit side of the audit log. */
export function DocumentUpdates() {
  const id = useId()
  const [doc, setDoc] = useState('')
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const query = useMemo((): Record<string, string> => (doc ? { doc } : {}), [doc])
  const list = usePagedList<DocumentUpdateEntry>('/api/document-updates', query)

  const filter = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const wanted = draft.trim()
    if (wanted !== '' && !parseDocName(wanted)) {
      setProblem('A document is "workspace", "week:2026-W48" or "week:2026-W48:private".')
      return
    }
    setProblem(null)
    setDoc(wanted)
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="admin-section" data-section="document-updates">
      <h2 id={`${id}-heading`}>Document updates</h2>
      <p className="muted">
        Each stored change to a board, and whose connection sent it. "The server" means Fourwall itself (closing a
        week, say).
      </p>
      <form className="form form--inline" onSubmit={filter} noValidate>
        <div className="field">
          <label htmlFor={`${id}-doc`}>Document</label>
          <input
            id={`${id}-doc`}
            value={draft}
            placeholder="All documents"
            spellCheck={false}
            aria-describedby={`${id}-doc-hint`}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setDraft(event.currentTarget.value)}
          />
          <p id={`${id}-doc-hint`} className="field__hint muted">
            For example week:2026-W48. Leave empty for all.
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--small">
            Show
          </button>
        </div>
        <FormProblem problem={problem} />
      </form>
      {list.entries.length === 0 && !list.loading && !list.problem ? (
        <Empty>{doc ? `No stored updates for ${doc}.` : 'No document has been edited yet.'}</Empty>
      ) : (
        list.entries.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Document</th>
                  <th scope="col">Stored for</th>
                  <th scope="col">Connection</th>
                  <th scope="col">Size</th>
                </tr>
              </thead>
              <tbody>
                {list.entries.map((entry) => (
                  <tr key={entry.id} data-update-id={entry.id}>
                    <td className="nowrap">{formatDateTime(entry.at)}</td>
                    <td>
                      <code>{entry.docName}</code>
                    </td>
                    <td>{entry.personId === null ? <em>The server</em> : (entry.personName ?? entry.personId)}</td>
                    <td>{entry.connectionId ? <code>{entry.connectionId}</code> : <span className="muted">—</span>}</td>
                    <td className="table__number">{formatBytes(entry.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <PagedState list={list} what="document updates" />
    </section>
  )
}
