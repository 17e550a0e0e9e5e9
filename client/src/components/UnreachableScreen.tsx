import { StatusIcon } from './StatusIcon.js'

interface Props {
  message: string
  onRetry(): void
  onSignOut(): void
}

/** Shown while the server cannot say who the token belongs to; it keeps retrying meanwhile. */
export function UnreachableScreen({ message, onRetry, onSignOut }: Props) {
  return (
    <main className="screen" data-screen="unreachable">
      <h1 className="screen__brand">Fourwall</h1>
      <p role="alert" className="notice notice--problem">
        <StatusIcon kind="offline" /> {message} Retrying…
      </p>
      <div className="screen__actions">
        <button type="button" className="button" onClick={onRetry}>
          Retry now
        </button>
        <button type="button" className="button button--quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </main>
  )
}
