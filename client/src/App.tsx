import { can, weekDocName, type WeekId } from '@fourwall/shared'
import { useMemo } from 'react'
import { SelectionStore } from './board/index.js'
import { AdminScreen } from './components/AdminScreen.js'
import { AdminOnlyScreen } from './components/AdminOnlyScreen.js'
import { BoardScreen } from './components/BoardScreen.js'
import { JoinScreen } from './components/JoinScreen.js'
import { LoadingScreen } from './components/LoadingScreen.js'
import { SetupScreen } from './components/SetupScreen.js'
import { SignInScreen } from './components/SignInScreen.js'
import { UnreachableScreen } from './components/UnreachableScreen.js'
import { WorkspaceLink } from './workspace/WorkspaceLink.js'
import { WorkspaceScreen } from './workspace/WorkspaceScreen.js'
import { PrinciplesLink } from './principles/PrinciplesLink.js'
import { PrinciplesScreen } from './principles/PrinciplesScreen.js'
import { QuestionsCorner } from './questions/QuestionsCorner.js'
import { WeekHeaderActions } from './summary/WeekHeaderActions.js'
import { useMeetingConnection } from './meeting/useMeeting.js'
import { WeekMeetingBar } from './meeting/WeekMeetingBar.js'
import { useConnectionStatus } from './hooks/useConnectionStatus.js'
import { useCurrentWeekId } from './hooks/useCurrentWeekId.js'
import { usePath } from './hooks/usePath.js'
import { useProvider } from './hooks/useProvider.js'
import { useSession, type Session } from './hooks/useSession.js'
import { useSessionSignals } from './hooks/useSessionSignals.js'
import type { Identity } from './lib/identity.js'
import { routeOf, type Route } from './lib/navigation.js'

export function App() {
  const route = routeOf(usePath())
  const session = useSession()
  const { state } = session

  if (state.status === 'loading') return <LoadingScreen />
  if (state.status === 'unreachable') return <UnreachableScreen message={state.message} onRetry={session.retry} />
  // Before the setup check: the one-time setup link is an invite link too.
  if (route.page === 'join') {
    return <JoinScreen signedInAs={state.status === 'signed-in' ? state.identity : null} onJoined={session.started} />
  }
  if (state.status === 'setup') return <SetupScreen />
  if (state.status === 'signed-out') return <SignInScreen notice={state.notice} onSignedIn={session.started} />
  // key: a different person is a different page, so nothing of the previous one is reused.
  return <SignedIn key={state.identity.id} identity={state.identity} route={route} session={session} />
}

interface SignedInProps {
  identity: Identity
  route: Exclude<Route, { page: 'join' }>
  session: Session
}

function SignedIn({ identity, route, session }: SignedInProps) {
  switch (route.page) {
    case 'admin':
      if (!can(identity.role, 'people.manage')) return <AdminOnlyScreen identity={identity} />
      return <AdminScreen identity={identity} onSignOut={session.signOut} onIdentityChanged={() => session.recheck()} />
    case 'workspace':
      return <WorkspaceScreen identity={identity} session={session} />
    case 'principles':
      return <PrinciplesScreen identity={identity} session={session} />
    case 'board':
      return <Board identity={identity} session={session} browsing={route.weekId} />
  }
}

/** `browsing` is a week picked from the list; null follows the calendar's current week. */
function Board({ identity, session, browsing }: { identity: Identity; session: Session; browsing: WeekId | null }) {
  const currentWeekId = useCurrentWeekId()
  const weekId = browsing ?? currentWeekId
  const provider = useProvider(weekDocName(weekId))
  const connection = useConnectionStatus(provider)
  useSessionSignals(provider, session.recheck)
  // The live meeting: its focus drives the board's rows, and it moves the board's selection while
  // this screen follows the facilitator. Holding it here does not re-render the board.
  const meeting = useMeetingConnection(weekId)
  const selection = useMemo(() => new SelectionStore(), [weekId])
  return (
    <BoardScreen
      key={weekId}
      weekId={weekId}
      currentWeekId={currentWeekId}
      identity={identity}
      provider={provider}
      connection={connection}
      onSignOut={session.signOut}
      focusSource={meeting.focus}
      selection={selection}
      meetingBar={<WeekMeetingBar connection={meeting} identity={identity} doc={provider?.doc ?? null} selection={selection} />}
      headerActions={
        <>
          <WorkspaceLink identity={identity} />
          <PrinciplesLink />
          <QuestionsCorner identity={identity} />
          <WeekHeaderActions weekId={weekId} provider={provider} identity={identity} />
        </>
      }
    />
  )
}
