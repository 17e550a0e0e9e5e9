import { StatusIcon } from '../components/StatusIcon.js'
import type { MeetingStatus } from './MeetingStore.js'

const TEXT: Record<MeetingStatus, string> = {
  live: 'Meeting live',
  connecting: 'Joining the meeting…',
  offline: 'Meeting offline, reconnecting…',
}

/** The meeting connection in words beside an icon of its own shape; a sentence when it cannot recover. */
export function MeetingStatusLine({ status, problem }: { status: MeetingStatus; problem: string | null }) {
  return (
    <p className={`meeting-status meeting-status--${status}`} role="status">
      <StatusIcon kind={status === 'live' ? 'live' : status === 'connecting' ? 'connecting' : 'offline'} />
      {problem ?? TEXT[status]}
    </p>
  )
}
