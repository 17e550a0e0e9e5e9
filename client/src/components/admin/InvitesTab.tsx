import { ROLE_LABELS, type InviteView } from '@fourwall/shared'
import { useState } from 'react'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import { api, problemSentence } from '../../lib/api.js'
import { formatDateTime, formatRelative } from '../../lib/format.js'
import { describeTies } from '../../lib/roles.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { InviteForm, type CreatedInvite } from './InviteForm.js'
import { InviteLinkPanel } from './InviteLinkPanel.js'
import { Empty, Loaded } from './Loaded.js'
import { StatusBadge } from './StatusBadge.js'

const readInvites = listOf<InviteView>('invites')

export function InvitesTab() {
  const { state, reload } = useApiData('/api/invites', readInvites)
  const [created, setCreated] = useState<CreatedInvite | null>(null)

  return (
    <section aria-labelledby="invites-heading" className="admin-section" data-section="invites">
      <h2 id="invites-heading">Invites</h2>
      <p className="muted">
        An invite link adds one person with the role you choose. It works once and then expires.
      </p>
      <InviteForm
        onCreated={(next) => {
          setCreated(next)
          reload()
        }}
      />
      {created && <InviteLinkPanel created={created} onDone={() => setCreated(null)} />}
      <h3>Invite links</h3>
      <Loaded state={state} reload={reload} what="invites">
        {(invites) =>
          invites.length === 0 ? (
            <Empty>No invite links yet. Create one above.</Empty>
          ) : (
            <InvitesTable invites={invites} onRevoked={reload} />
          )
        }
      </Loaded>
    </section>
  )
}

function InvitesTable({ invites, onRevoked }: { invites: InviteView[]; onRevoked(): void }) {
  const newestFirst = [...invites].sort((a, b) => b.createdAt - a.createdAt)
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
            <th scope="col">Expires / used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((invite) => (
            <tr key={invite.id} data-invite-id={invite.id} data-invite-status={invite.status}>
              <th scope="row">
                {invite.name}
                {invite.personId && <span className="muted small"> (sign-in link)</span>}
              </th>
              <td>
                {ROLE_LABELS[invite.role]}
                {describeTies(invite) && <span className="muted small"> · {describeTies(invite)}</span>}
              </td>
              <td>
                <StatusBadge status={invite.status} />
              </td>
              <td>
                {formatDateTime(invite.createdAt)}
                {invite.createdBy && <span className="muted small"> by {invite.createdBy.name}</span>}
              </td>
              <td>{describeEnd(invite)}</td>
              <td>{invite.status === 'pending' && <RevokeInvite invite={invite} onRevoked={onRevoked} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function describeEnd(invite: InviteView): string {
  if (invite.status === 'used' && invite.usedAt !== null) return `Used ${formatDateTime(invite.usedAt)}`
  if (invite.status === 'revoked') return '—'
  const when = `${formatDateTime(invite.expiresAt)} (${formatRelative(invite.expiresAt)})`
  return invite.status === 'expired' ? `Expired ${when}` : `Expires ${when}`
}

function RevokeInvite({ invite, onRevoked }: { invite: InviteView; onRevoked(): void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const revoke = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await api(`/api/invites/${encodeURIComponent(invite.id)}`, { method: 'DELETE' })
      onRevoked()
    } catch (error) {
      setProblem(problemSentence(error))
      setBusy(false)
    }
  }
  return (
    <div className="row-actions">
      <BusyButton type="button" className="button button--small button--quiet button--danger-quiet" busy={busy} onClick={revoke}>
        Revoke<span className="visually-hidden"> the invite for {invite.name}</span>
      </BusyButton>
      <FormProblem problem={problem} />
    </div>
  )
}
