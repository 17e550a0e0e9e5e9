import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import { StatusIcon } from './StatusIcon.js'

interface Props {
  connection: ConnectionState
  /** Connects now instead of waiting for the next automatic attempt. */
  onReconnect(): void
}

export function ConnectionIndicator({ connection, onReconnect }: Props) {
  return (
    <div className={`connection connection--${connection.status}`} data-connection={connection.status}>
      <StatusIcon kind={connection.status === 'degraded' ? 'offline' : connection.status} />
      <span role="status" className="connection__text">
        {describe(connection)}
      </span>
      {(connection.status === 'offline' || connection.status === 'degraded') && (
        <button type="button" className="button button--small" onClick={onReconnect}>
          Retry now
        </button>
      )}
      {connection.status === 'closed' && (
        <button type="button" className="button button--small" onClick={onReconnect}>
          Reconnect
        </button>
      )}
    </div>
  )
}

function describe(connection: ConnectionState): string {
  switch (connection.status) {
    case 'connecting':
      return 'Connecting…'
    case 'live':
      return 'Live'
    case 'offline':
      return 'Offline, retrying…'
    case 'degraded':
      return 'Server cannot save, retrying…'
    case 'closed':
      return `Closed by the server${connection.reason ? `: ${connection.reason}` : ''} (${connection.code})`
  }
}
