/** Connection and week states, an item's status on the board, and a form's problem. */
export type StatusIconKind = 'live' | 'connecting' | 'offline' | 'closed' | 'blocked' | 'at-risk' | 'on-track' | 'unknown' | 'problem'

const WARNING = 'M12 2 1 21h22L12 2Zm-1 7h2v6h-2V9Zm0 8h2v2h-2v-2Z'
const CHECK = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.4 14.2-4.3-4.3 1.4-1.4 2.9 2.9 5.9-5.9 1.4 1.4Z'
const CROSS = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.5 5.1 1.4 1.4-3.5 3.5 3.5 3.5-1.4 1.4-3.5-3.5-3.5 3.5-1.4-1.4 3.5-3.5-3.5-3.5 1.4-1.4 3.5 3.5Z'

/**
 * Shapes differ per state (check, spinner, warning, cross; a no-entry sign for a blocked item, a
 * question mark for one without a status), so status never rests on colour alone.
 */
const PATHS: Record<StatusIconKind, string> = {
  live: CHECK,
  connecting: 'M12 2a10 10 0 1 0 10 10h-2.5A7.5 7.5 0 1 1 12 4.5Z',
  offline: WARNING,
  closed: CROSS,
  blocked: 'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20ZM5.5 10.5h13v3h-13Z',
  'at-risk': WARNING,
  'on-track': CHECK,
  problem: CROSS,
  unknown:
    'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20Zm0 2.2a7.8 7.8 0 1 1 0 15.6 7.8 7.8 0 1 1 0-15.6ZM11 16h2v2h-2ZM8.6 9.6C8.6 7.6 10.1 6.3 12 6.3s3.4 1.2 3.4 3c0 1.4-.8 2.1-1.7 2.7-.6.4-.7.7-.7 1.3v.7h-2v-.9c0-1.2.5-1.9 1.4-2.5.7-.5 1-.8 1-1.3 0-.7-.6-1.2-1.4-1.2s-1.4.6-1.4 1.5Z',
}

export function StatusIcon({ kind }: { kind: StatusIconKind }) {
  return (
    <svg className={`status-icon status-icon--${kind}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={PATHS[kind]} />
    </svg>
  )
}
