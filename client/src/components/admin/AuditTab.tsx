import type { AuditEntry } from '@fourwall/shared'
import { usePagedList } from '../../hooks/usePagedList.js'
import { actionWords, describeDetail } from '../../lib/audit.js'
import { formatDateTime } from '../../lib/format.js'
import { PagedTable } from './AdminTable.js'
import { DocumentUpdates } from './DocumentUpdates.js'

const NO_QUERY = {}

const COLUMNS = ['Time', 'Who', 'Action', 'Target', 'Detail']

export function AuditTab() {
  const list = usePagedList<AuditEntry>('/api/audit', NO_QUERY)
  return (
    <div className="stack">
      <section aria-labelledby="audit-heading" className="admin-section" data-section="audit">
        <h2 id="audit-heading">Audit log</h2>
        <p className="muted">Who did what, newest first: sign-ins, invites, role changes, revocations.</p>
        <PagedTable
          list={list}
          what="the audit log"
          columns={COLUMNS}
          empty="Nothing has happened yet."
          row={(entry) => (
            <tr data-audit-action={entry.action}>
              <td className="nowrap">{formatDateTime(entry.at)}</td>
              <td>{entry.actorName ?? entry.actorId ?? <span className="muted">{anonymousActor(entry)}</span>}</td>
              <td>{actionWords(entry.action)}</td>
              <td>{entry.target ? <code>{entry.target}</code> : <span className="muted">—</span>}</td>
              <td>{describeDetail(entry.detail)}</td>
            </tr>
          )}
        />
      </section>
      <DocumentUpdates />
    </div>
  )
}

/** No actor: a failed sign-in came from someone not yet known; anything else was the server or its CLI. */
function anonymousActor(entry: AuditEntry): string {
  return entry.action === 'signin.failed' || entry.action === 'invite.redeemed' ? 'Someone not signed in' : 'The server'
}
