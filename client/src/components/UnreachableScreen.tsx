import { StatusIcon } from './StatusIcon.js'

interface Props {
  message: string
  onRetry(): void
}

/** Shown while the server cannot say who is signed in; it keeps retrying meanwhile. */
export function UnreachableScreen({ message, onRetry }: Props) {
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
      </div>
    </main>
  )
}
