export type StatusIconKind = 'live' | 'connecting' | 'offline' | 'closed'

/** Shapes differ per state (check, spinner, warning, cross), so status never rests on colour alone. */
const PATHS: Record<StatusIconKind, string> = {
  live: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.4 14.2-4.3-4.3 1.4-1.4 2.9 2.9 5.9-5.9 1.4 1.4Z',
  connecting: 'M12 2a10 10 0 1 0 10 10h-2.5A7.5 7.5 0 1 1 12 4.5Z',
  offline: 'M12 2 1 21h22L12 2Zm-1 7h2v6h-2V9Zm0 8h2v2h-2v-2Z',
  closed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm3.5 5.1 1.4 1.4-3.5 3.5 3.5 3.5-1.4 1.4-3.5-3.5-3.5 3.5-1.4-1.4 3.5-3.5-3.5-3.5 1.4-1.4 3.5 3.5Z',
}

export function StatusIcon({ kind }: { kind: StatusIconKind }) {
  return (
    <svg className={`status-icon status-icon--${kind}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={PATHS[kind]} />
    </svg>
  )
}
