/** A new server with no admin yet. Nothing on this page can set it up: that takes the server's log or shell. */
export function SetupScreen() {
  return (
    <main className="screen" data-screen="setup">
      <h1 className="screen__brand">Fourwall</h1>
      <h2>Fourwall is not set up yet</h2>
      <p>Nobody is its admin yet. Whoever runs the server becomes the first one:</p>
      <p className="notice">
        <span>
          Open the one-time setup link printed in the server's log, or run{' '}
          <code className="command">npm run fourwall -- admin create --name "Your Name"</code>
        </span>
      </p>
      <p className="muted">Everyone else joins with an invite link from an admin.</p>
    </main>
  )
}
