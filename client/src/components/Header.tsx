import type { WeekId } from '@fourwall/shared'
import { ROLE_LABELS } from '@fourwall/shared'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import type { Identity } from '../lib/identity.js'
import { weekLabel } from '../lib/weekLabel.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'

interface Props {
  weekId: WeekId
  identity: Identity
  connection: ConnectionState
  onReconnect(): void
  onSignOut(): void
}

export function Header({ weekId, identity, connection, onReconnect, onSignOut }: Props) {
  return (
    <header className="header">
      <h1 className="header__brand">Fourwall</h1>
      <p className="header__week" data-week={weekId}>
        {weekLabel(weekId)}
      </p>
      <ConnectionIndicator connection={connection} onReconnect={onReconnect} />
      <div className="header__account">
        <span className="header__name">
          {identity.name} <span className="muted">· {ROLE_LABELS[identity.role]}</span>
        </span>
        <button type="button" className="button button--small button--quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  )
}
