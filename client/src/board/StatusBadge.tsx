import { STATUS_LABELS, type Status } from '@fourwall/shared'
import { StatusIcon, type StatusIconKind } from '../components/StatusIcon.js'

/** Each status has its own shape as well as its colour and word: blocked, warning, check, question. */
export const STATUS_ICONS: Record<Status, StatusIconKind> = {
  red: 'blocked',
  yellow: 'at-risk',
  green: 'on-track',
  unset: 'unknown',
}

/** An item's status in colour, icon and word. */
export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status-badge={status}>
      <StatusIcon kind={STATUS_ICONS[status]} />
      <span>{STATUS_LABELS[status]}</span>
    </span>
  )
}
