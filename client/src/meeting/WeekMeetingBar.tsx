import { setStatus, ValidationError, type Role, type Status } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useWeekClosed } from '../hooks/useWeekClosed.js'
import type { LocalSelection } from './FollowedFocus.js'
import { MeetingBar } from './MeetingBar.js'
import { useMeetingState, type MeetingConnection } from './useMeeting.js'
import { useWeekAgenda } from './useWeekAgenda.js'

interface Props {
  /** From useMeetingConnection, held by the page; this bar alone re-renders on meeting changes. */
  connection: MeetingConnection
  identity: { id: string; role: Role }
  /** The week's public document; null while it is not there yet. */
  doc: Y.Doc | null
  selection?: LocalSelection | null
}

/**
 * The meeting bar fed from the week's document alone: its agenda, whether the week is closed, and
 * status changes written with the shared command (which refuses a closed week with a sentence).
 * A board that already has these can render MeetingBar with its own instead.
 */
export function WeekMeetingBar({ connection, identity, doc, selection }: Props) {
  const meeting = useMeetingState(connection)
  const { agenda, progress } = useWeekAgenda(doc)
  const closed = useWeekClosed(doc) !== null
  const onSetStatus = (itemId: string, status: Status): string | null => {
    if (!doc) return "This week's document is still loading."
    try {
      setStatus(doc, itemId, status)
      return null
    } catch (error) {
      if (error instanceof ValidationError) return error.message
      throw error
    }
  }
  return (
    <MeetingBar
      meeting={meeting}
      identity={identity}
      agenda={agenda}
      progress={progress}
      closed={closed}
      onSetStatus={doc ? onSetStatus : undefined}
      selection={selection}
    />
  )
}
