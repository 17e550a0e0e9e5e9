import { WORKSPACE_DOC } from '@fourwall/shared'
import type { ReactNode } from 'react'
import type * as Y from 'yjs'
import { useConnectionStatus } from '../hooks/useConnectionStatus.js'
import { useHasSynced } from '../hooks/useHasSynced.js'
import { useProvider } from '../hooks/useProvider.js'
import type { Session } from '../hooks/useSession.js'
import { useSessionSignals } from '../hooks/useSessionSignals.js'
import type { Identity } from '../lib/identity.js'
import { PageHeader } from './PageHeader.js'
import { StatusIcon } from './StatusIcon.js'

interface Props {
  /** The page's name in its data-screen, its class ("workspace-screen") and its data-loading. */
  screen: string
  title: string
  identity: Identity
  session: Session
  /** Whether this person may change what the page shows (the page's data-editable). */
  editable: boolean
  /** "Loading the workspace…", shown until the document has come from the server. */
  loading: string
  /** What the page says above its content, shown while it loads too (an intro, the read-only notice). */
  children?: ReactNode
  /** The page's content, once the document has loaded. */
  content(doc: Y.Doc): ReactNode
}

/**
 * A page of its own on the live `workspace` document (the workspace setup, the principles): the
 * header with the connection, and the content once the document has synced; a reconnect or an
 * expired session is handled as on the board.
 */
export function WorkspaceDocPage({ screen, title, identity, session, editable, loading, children, content }: Props) {
  const provider = useProvider(WORKSPACE_DOC)
  const connection = useConnectionStatus(provider)
  const synced = useHasSynced(provider)
  useSessionSignals(provider, session.recheck)

  return (
    <div className={`${screen}-screen`} data-screen={screen} data-synced={synced} data-editable={editable}>
      <PageHeader title={title} identity={identity} connection={connection} onReconnect={() => provider?.connect()} onSignOut={session.signOut} />
      <main className={`${screen}-screen__main`}>
        {children}
        {provider && synced ? (
          content(provider.doc)
        ) : (
          <p role="status" className="panel loading" aria-busy="true" data-loading={screen}>
            <StatusIcon kind="connecting" /> {loading}
          </p>
        )}
      </main>
    </div>
  )
}
