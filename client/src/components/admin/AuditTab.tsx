import type { AuditEntry } from '@fourwall/shared'
import { usePagedList } from '../../hooks/usePagedList.js'
import { actionWords, describeDetail } from '../../lib/audit.js'
import { formatDateTime } from '../../lib/format.js'
import { DocumentUpdates } from './DocumentUpdates.js'
import { Empty } from './Loaded.js'
import { PagedState } from './PagedState.js'

const NO_QUERY = {}

export function AuditTab() {
  const list = usePagedList<AuditEntry>('/api/audit', NO_QUERY)
  return (
    <div className="stack">
      <section aria-labelledby="audit-heading" className="admin-section" data-section="audit">
        <h2 id="audit-heading">Audit log</h2>
        <p className="muted">Who did what, newest first: sign-ins, invites, role changes, revocations.</p>
        {list.entries.length === 0 && !list.loading && !list.problem ? (
          <Empty>Nothing has happened yet.</Empty>
        ) : (
          list.entries.length > 0 && (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Detail</th>
                  </tr>
                </thead>
                <tbody>
                  {list.entries.map((entry) => (
                    <tr key={entry.id} data-audit-action={entry.action}>
                      <td className="nowrap">{formatDateTime(entry.at)}</td>
                      <td>{entry.actorName ?? entry.actorId ?? <span className="muted">{anonymousActor(entry)}</span>}</td>
                      <td>{actionWords(entry.action)}</td>
                      <td>{entry.target ? <code>{entry.target}</code> : <span className="muted">—</span>}</td>
                      <td>{describeDetail(entry.detail)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        )}
        <PagedState list={list} what="the audit log" />
      </section>
      <DocumentUpdates />
    </div>
  )
}

/** No actor: a failed sign-in came from someone not yet known; anything else was the server or its CLI. */
function anonymousActor(entry: AuditEntry): string {
  return entry.action === 'signin.failed' || entry.action === 'invite.redeemed' ? 'Someone not signed in' : 'The server'
}
