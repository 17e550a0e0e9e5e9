import { canEditDocuments, type WeekId } from '@fourwall/shared'
import type { WebsocketProvider } from 'y-websocket'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import { useHasSynced } from '../hooks/useHasSynced.js'
import { useWeekClosed } from '../hooks/useWeekClosed.js'
import { useLocalPresence } from '../hooks/useLocalPresence.js'
import { usePresence } from '../hooks/usePresence.js'
import type { Identity } from '../lib/identity.js'
import { BoardPlaceholder } from './BoardPlaceholder.js'
import { Header } from './Header.js'
import { SharedNote } from './SharedNote.js'
import { StatusIcon } from './StatusIcon.js'
import { WhoIsHere } from './WhoIsHere.js'

interface Props {
  weekId: WeekId
  /** The calendar's week now; differs from weekId while browsing another week. */
  currentWeekId: WeekId
  identity: Identity
  provider: WebsocketProvider | null
  connection: ConnectionState
  onSignOut(): Promise<void>
}

export function BoardScreen({ weekId, currentWeekId: _currentWeekId, identity, provider, connection, onSignOut }: Props) {
  const awareness = provider?.awareness ?? null
  useLocalPresence(awareness, identity)
  const people = usePresence(awareness)
  const synced = useHasSynced(provider)
  const closed = useWeekClosed(provider?.doc ?? null)

  return (
    <div className="board-screen" data-screen="board" data-synced={synced}>
      <Header
        weekId={weekId}
        identity={identity}
        connection={connection}
        onReconnect={() => provider?.connect()}
        onSignOut={onSignOut}
      />
      <main className="board-screen__main">
        <div className="board-screen__content">
          {!canEditDocuments(identity.role) && (
            // Said once, in words, above everything: every control on this page is theirs to read only.
            <p className="notice notice--read-only" data-read-only>
              <strong>Read-only view.</strong> You follow the review live as it happens; the leads, their chiefs of
              staff and editors make the changes.
            </p>
          )}
          {closed && (
            <p className="notice" role="status" data-week-closed>
              <StatusIcon kind="closed" /> This week's review was closed by {closed.byName} on{' '}
              {new Date(closed.at).toLocaleString()}. It stays readable; nothing can be changed.
            </p>
          )}
          <BoardPlaceholder />
          {provider && synced ? (
            <SharedNote doc={provider.doc} editable={canEditDocuments(identity.role) && !closed} />
          ) : (
            <p role="status" className="panel loading" aria-busy="true" data-loading="document">
              <StatusIcon kind="connecting" /> Loading this week's note…
            </p>
          )}
        </div>
        <WhoIsHere people={people} />
      </main>
    </div>
  )
}
