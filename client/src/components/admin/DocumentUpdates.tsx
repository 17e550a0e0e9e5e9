import { parseDocName, type DocumentUpdateEntry } from '@fourwall/shared'
import { useId, useMemo, useState, type FormEvent } from 'react'
import { usePagedList } from '../../hooks/usePagedList.js'
import { formatBytes } from '../../lib/audit.js'
import { formatDateTime } from '../../lib/format.js'
import { FormProblem } from '../FormProblem.js'
import { TextField } from '../TextField.js'
import { PagedTable } from './AdminTable.js'

const COLUMNS = ['Time', 'Document', 'Stored for', 'Connection', 'Size']

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
        <TextField
          id={`${id}-doc`}
          label="Document"
          hint="For example week:2026-W48. Leave empty for all."
          value={draft}
          placeholder="All documents"
          spellCheck={false}
          invalid={problem !== null}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--small">
            Show
          </button>
        </div>
        <FormProblem problem={problem} />
      </form>
      <PagedTable
        list={list}
        what="document updates"
        columns={COLUMNS}
        empty={doc ? `No stored updates for ${doc}.` : 'No document has been edited yet.'}
        row={(entry) => (
          <tr data-update-id={entry.id}>
            <td className="nowrap">{formatDateTime(entry.at)}</td>
            <td>
              <code>{entry.docName}</code>
            </td>
            <td>{entry.personId === null ? <em>The server</em> : (entry.personName ?? entry.personId)}</td>
            <td>{entry.connectionId ? <code>{entry.connectionId}</code> : <span className="muted">—</span>}</td>
            <td className="table__number">{formatBytes(entry.bytes)}</td>
          </tr>
        )}
      />
    </section>
  )
}
