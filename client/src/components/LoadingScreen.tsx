import { StatusIcon } from './StatusIcon.js'

export function LoadingScreen() {
  return (
    <main className="screen" data-screen="loading" aria-busy="true">
      <h1 className="screen__brand">Fourwall</h1>
      <p role="status" className="loading">
        <StatusIcon kind="connecting" /> Loading…
      </p>
    </main>
  )
}
