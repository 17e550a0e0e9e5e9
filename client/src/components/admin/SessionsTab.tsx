import { ROLE_LABELS, type SessionView } from '@fourwall/shared'
import { useState } from 'react'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import { api, problemSentence } from '../../lib/api.js'
import { describeBrowser, formatDateTime, formatRelative } from '../../lib/format.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { Empty, Loaded } from './Loaded.js'

const readSessions = listOf<SessionView>('sessions')

export function SessionsTab() {
  const { state, reload } = useApiData('/api/sessions', readSessions)
  return (
    <section aria-labelledby="sessions-heading" className="admin-section" data-section="sessions">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="muted">
        Every browser signed in now. Revoking one signs it out: its open board disconnects within seconds.
      </p>
      <Loaded state={state} reload={reload} what="sessions">
        {(sessions) =>
          sessions.length === 0 ? (
            <Empty>Nobody is signed in.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Role</th>
                    <th scope="col">Signed in</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">IP</th>
                    <th scope="col">Browser</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...sessions]
                    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt)
                    .map((session) => (
                      <tr key={session.id} data-session-id={session.id} data-current={session.current || undefined}>
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
                            <RevokeSession session={session} onRevoked={reload} />
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  )
}

function RevokeSession({ session, onRevoked }: { session: SessionView; onRevoked(): void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const revoke = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await api(`/api/sessions/${encodeURIComponent(session.id)}`, { method: 'DELETE' })
      onRevoked()
    } catch (error) {
      setProblem(problemSentence(error))
      setBusy(false)
    }
  }
  return (
    <div className="row-actions">
      <BusyButton type="button" className="button button--small button--quiet button--danger-quiet" busy={busy} onClick={revoke}>
        Revoke<span className="visually-hidden"> the session of {session.personName}</span>
      </BusyButton>
      <FormProblem problem={problem} />
    </div>
  )
}
