import type { WeekId } from '@fourwall/shared'
import type { WebsocketProvider } from 'y-websocket'
import { useHasSynced } from '../hooks/useHasSynced.js'
import { useWeekClosed } from '../hooks/useWeekClosed.js'
import type { Identity } from '../lib/identity.js'
import { CloseReview } from './CloseReview.js'

interface Props {
  weekId: WeekId
  provider: WebsocketProvider | null
  identity: Identity
}

/**
 * The week's buttons for the board's header (BoardScreen's `headerActions`): CloseReview, once the
 * week's document has loaded, so the confirm step never counts an empty document.
 */
export function WeekHeaderActions({ weekId, provider, identity }: Props) {
  const synced = useHasSynced(provider)
  const closed = useWeekClosed(provider?.doc ?? null)
  if (!provider || !synced) return null
  return <CloseReview weekId={weekId} doc={provider.doc} identity={identity} closed={closed} />
}
