import { StatusIcon } from '../components/StatusIcon.js'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'

const MESSAGES = {
  offline: 'You are offline — your edits are kept and will sync when the connection returns.',
  degraded:
    'The server cannot save right now (its storage is unreachable) — your edits are kept on this page and will be saved as soon as it is back.',
  closed: 'The server closed the connection — your edits are kept on this page and will sync once you reconnect.',
} as const

/**
 * Said in words across the page, not only in the header's indicator: once the board has loaded, a
 * lost connection does not lose edits (Yjs keeps them and sends them on reconnect), and people
 * should know that rather than stop working.
 */
export function OfflineBanner({ connection, synced }: { connection: ConnectionState; synced: boolean }) {
  if (!synced || (connection.status !== 'offline' && connection.status !== 'closed' && connection.status !== 'degraded')) return null
  return (
    <p className="notice notice--offline" role="status" data-offline-banner={connection.status}>
      <StatusIcon kind="offline" /> {MESSAGES[connection.status]}
    </p>
  )
}
