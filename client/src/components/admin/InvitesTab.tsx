import { ROLE_LABELS, type InviteView } from '@fourwall/shared'
import { useState } from 'react'
import { listOf, useApiData } from '../../hooks/useApiData.js'
import { api } from '../../lib/api.js'
import { formatDateTime, formatRelative } from '../../lib/format.js'
import { describeTies } from '../../lib/roles.js'
import { AdminTable } from './AdminTable.js'
import { InviteForm, type CreatedInvite } from './InviteForm.js'
import { InviteLinkPanel } from './InviteLinkPanel.js'
import { Loaded } from './Loaded.js'
import { RowAction } from './RowAction.js'
import { StatusBadge } from './StatusBadge.js'

const readInvites = listOf<InviteView>('invites')

const COLUMNS = ['Name', 'Role', 'Status', 'Created', 'Expires / used']

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
        {(invites) => (
          <AdminTable
            columns={COLUMNS}
            actions
            items={newestFirst(invites)}
            empty="No invite links yet. Create one above."
            row={(invite) => (
              <tr data-invite-id={invite.id} data-invite-status={invite.status}>
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
                <td>
                  {invite.status === 'pending' && (
                    <RowAction run={() => api(`/api/invites/${encodeURIComponent(invite.id)}`, { method: 'DELETE' })} onDone={reload}>
                      Revoke<span className="visually-hidden"> the invite for {invite.name}</span>
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

function newestFirst(invites: InviteView[]): InviteView[] {
  return [...invites].sort((a, b) => b.createdAt - a.createdAt)
}

function describeEnd(invite: InviteView): string {
  if (invite.status === 'used' && invite.usedAt !== null) return `Used ${formatDateTime(invite.usedAt)}`
  if (invite.status === 'revoked') return '—'
  const when = `${formatDateTime(invite.expiresAt)} (${formatRelative(invite.expiresAt)})`
  return invite.status === 'expired' ? `Expired ${when}` : `Expires ${when}`
}
