import { ROLE_LABELS, type SessionView } from '@fourwall/shared'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import { api } from '../../lib/api.js'
import { describeBrowser, formatDateTime, formatRelative } from '../../lib/format.js'
import { AdminTable } from './AdminTable.js'
import { Loaded } from './Loaded.js'
import { RowAction } from './RowAction.js'

const readSessions = listOf<SessionView>('sessions')

const COLUMNS = ['Person', 'Role', 'Signed in', 'Last seen', 'IP', 'Browser']

/** This browser first, then the most recently seen. */
function sortSessions(sessions: SessionView[]): SessionView[] {
  return [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt)
}

export function SessionsTab() {
  const { state, reload } = useApiData('/api/sessions', readSessions)
  return (
    <section aria-labelledby="sessions-heading" className="admin-section" data-section="sessions">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="muted">
        Every browser signed in now. Revoking one signs it out: its open board disconnects within seconds.
      </p>
      <Loaded state={state} reload={reload} what="sessions">
        {(sessions) => (
          <AdminTable
            columns={COLUMNS}
            actions
            items={sortSessions(sessions)}
            empty="Nobody is signed in."
            row={(session) => (
              <tr data-session-id={session.id} data-current={session.current || undefined}>
                <th scope="row">
                  {session.personName}
                  {session.current && <span className="badge badge--current">This browser</span>}
                </th>
                <td>{ROLE_LABELS[session.role]}</td>
                <td>{formatDateTime(session.createdAt)}</td>
                <td title={formatDateTime(session.lastSeenAt)}>{formatRelative(session.lastSeenAt)}</td>
                <td>{session.ip ?? <span className="muted">—</span>}</td>
                <td title={session.userAgent ?? undefined}>{describeBrowser(session.userAgent)}</td>
                <td>
                  {session.current ? (
                    <span className="muted small">Use Sign out</span>
                  ) : (
                    <RowAction run={() => api(`/api/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' })} onDone={reload}>
                      Revoke<span className="visually-hidden"> the session of {session.personName}</span>
                    </RowAction>
                  )}
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  )
}
