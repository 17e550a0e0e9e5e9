import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import type { Identity } from '../lib/identity.js'
import { AccountMenu } from './AccountMenu.js'
import { ConnectionIndicator } from './ConnectionIndicator.js'
import { Link } from './Link.js'

interface Props {
  /** The page's name, its one h1 ("Workspace", "Product principles"). */
  title: string
  identity: Identity
  connection: ConnectionState
  onReconnect(): void
  onSignOut(): Promise<void>
}

/** The board's header look on a page of its own: the page's name, the way back to the board, the connection. */
export function PageHeader({ title, identity, connection, onReconnect, onSignOut }: Props) {
  return (
    <header className="header">
      <p className="header__brand">Fourwall</p>
      <h1 className="header__title">{title}</h1>
      <Link href="/" className="button button--small button--quiet">
        <span aria-hidden="true">← </span>Board
      </Link>
      <ConnectionIndicator connection={connection} onReconnect={onReconnect} />
      <AccountMenu identity={identity} on="board" onSignOut={onSignOut} />
    </header>
  )
}
