import type { InviteStatus } from '@fourwall/shared'

const LABELS: Record<InviteStatus, string> = {
  pending: 'Pending',
  used: 'Used',
  revoked: 'Revoked',
  expired: 'Expired',
}

/** An invite's status in words (colour only repeats what the word says). */
export function StatusBadge({ status }: { status: InviteStatus }) {
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {LABELS[status]}
    </span>
  )
}
