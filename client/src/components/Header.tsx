import type { WeekId } from '@fourwall/shared'
import type { ReactNode } from 'react'
import { WeekPicker } from '../board/WeekPicker.js'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import type { Identity } from '../lib/identity.js'
import { AccountMenu } from './AccountMenu.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'

interface Props {
  weekId: WeekId
  /** The calendar's week now; differs from weekId while browsing another week. */
  currentWeekId: WeekId
  /** Changes when the list of reviewed weeks may have changed. */
  weeksRefreshKey?: unknown
  identity: Identity
  connection: ConnectionState
  onReconnect(): void
  onSignOut(): Promise<void>
  /** The week's own buttons (closing the review, its summary), placed before the account menu. */
  actions?: ReactNode
}

export function Header({ weekId, currentWeekId, weeksRefreshKey, identity, connection, onReconnect, onSignOut, actions }: Props) {
  return (
    <header className="header">
      <h1 className="header__brand">Fourwall</h1>
      <WeekPicker weekId={weekId} currentWeekId={currentWeekId} refreshKey={weeksRefreshKey} />
      <ConnectionIndicator connection={connection} onReconnect={onReconnect} />
      {actions && <div className="header__actions">{actions}</div>}
      <AccountMenu identity={identity} on="board" onSignOut={onSignOut} />
    </header>
  )
}
