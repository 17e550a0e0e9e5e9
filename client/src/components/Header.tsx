import type { WeekId } from '@fourwall/shared'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import type { Identity } from '../lib/identity.js'
import { weekLabel } from '../lib/weekLabel.js'
import { AccountMenu } from './AccountMenu.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'

interface Props {
  weekId: WeekId
  identity: Identity
  connection: ConnectionState
  onReconnect(): void
  onSignOut(): Promise<void>
}

export function Header({ weekId, identity, connection, onReconnect, onSignOut }: Props) {
  return (
    <header className="header">
      <h1 className="header__brand">Fourwall</h1>
      <p className="header__week" data-week={weekId}>
        {weekLabel(weekId)}
      </p>
      <ConnectionIndicator connection={connection} onReconnect={onReconnect} />
      <AccountMenu identity={identity} on="board" onSignOut={onSignOut} />
    </header>
  )
}
