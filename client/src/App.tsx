import { weekDocName, CloseCode } from '@fourwall/shared'
import { useEffect } from 'react'
import { BoardScreen } from './components/BoardScreen.js'
import { LoadingScreen } from './components/LoadingScreen.js'
import { SignInScreen } from './components/SignInScreen.js'
import { UnreachableScreen } from './components/UnreachableScreen.js'
import { useConnectionStatus } from './hooks/useConnectionStatus.js'
import { useCurrentWeekId } from './hooks/useCurrentWeekId.js'
import { useIdentity } from './hooks/useIdentity.js'
import { useProvider } from './hooks/useProvider.js'
import { useToken } from './hooks/useToken.js'

const REFUSED_TOKEN =
  'The server did not accept your token: it may have been revoked or mistyped. Ask for a new link, or paste another token.'

export function App() {
  const { token, notice, signIn, signOut } = useToken()
  if (token === null) return <SignInScreen notice={notice} onSignIn={signIn} />
  // key: a different token is a different person, so nothing of the previous one is reused.
  return <SignedIn key={token} token={token} onSignOut={signOut} />
}

function SignedIn({ token, onSignOut }: { token: string; onSignOut(notice?: string): void }) {
  const weekId = useCurrentWeekId()
  // Ask who we are and start syncing at the same time: the page is ready after one round trip.
  const identity = useIdentity(token)
  const provider = useProvider(token, weekDocName(weekId))
  const connection = useConnectionStatus(provider)

  const refused =
    identity.state.status === 'unauthorized' ||
    (connection.status === 'closed' && connection.code === CloseCode.unauthorized)
  useEffect(() => {
    if (refused) onSignOut(REFUSED_TOKEN)
  }, [refused, onSignOut])

  switch (identity.state.status) {
    case 'loading':
    case 'unauthorized':
      return <LoadingScreen />
    case 'unreachable':
      return <UnreachableScreen message={identity.state.message} onRetry={identity.retry} onSignOut={() => onSignOut()} />
    case 'ready':
      return (
        <BoardScreen
          weekId={weekId}
          identity={identity.state.identity}
          provider={provider}
          connection={connection}
          onSignOut={() => onSignOut()}
        />
      )
  }
}
