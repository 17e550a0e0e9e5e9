import { AccountMenu } from '../components/AccountMenu.js'
import { ConnectionIndicator } from '../components/ConnectionIndicator.js'
import { Link } from '../components/Link.js'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import type { Identity } from '../lib/identity.js'

interface Props {
  identity: Identity
  connection: ConnectionState
  onReconnect(): void
  onSignOut(): Promise<void>
}

/** The board's header look, with the page's name and the way back to the board. */
export function PrinciplesHeader({ identity, connection, onReconnect, onSignOut }: Props) {
  return (
    <header className="header">
      <p className="header__brand">Fourwall</p>
      <h1 className="header__title">Product principles</h1>
      <Link href="/" className="button button--small button--quiet">
        <span aria-hidden="true">← </span>Board
      </Link>
      <ConnectionIndicator connection={connection} onReconnect={onReconnect} />
      <AccountMenu identity={identity} on="board" onSignOut={onSignOut} />
    </header>
  )
}
