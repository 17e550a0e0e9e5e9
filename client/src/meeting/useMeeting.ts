import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { MeetingState, WeekId } from '@fourwall/shared'
import { FollowedFocus } from './FollowedFocus.js'
import { MeetingStore, type ConnectMeetingSocket, type MeetingActions, type MeetingStatus } from './MeetingStore.js'

/** The meeting's stores, without their state: holding this does not re-render on meeting changes. */
export interface MeetingConnection {
  store: MeetingStore
  /** What this screen follows (see FollowedFocus): the FocusSource for the board's FocusContext. */
  focus: FollowedFocus
}

export interface Meeting extends MeetingConnection {
  /** Null until this tab has joined the week's meeting. */
  state: MeetingState | null
  status: MeetingStatus
  /** Why this tab cannot follow the meeting, in a sentence; null when it can. */
  problem: string | null
  actions: MeetingActions
  /** Add to Date.now() for the server's time. */
  clockOffsetMs: number
  /** False after "Step away", until "Rejoin". */
  following: boolean
}

/**
 * The live meeting of a week for this page: one socket.io connection while the page shows the
 * week, left and closed when it unmounts or the week changes. It does not re-render the caller:
 * pass `focus` to the board (rows re-render only when their own focus changes) and the connection
 * to whatever shows the meeting, which reads it with useMeetingState.
 */
export function useMeetingConnection(weekId: WeekId, connect?: ConnectMeetingSocket): MeetingConnection {
  const connection = useMemo(() => {
    const store = new MeetingStore(weekId, connect)
    return { store, focus: new FollowedFocus(store) }
  }, [weekId, connect])

  useEffect(() => {
    connection.store.start()
    return () => connection.store.stop()
  }, [connection])

  return connection
}

/** The meeting's state for a component that shows it: re-renders on every change (timer, presence, focus). */
export function useMeetingState({ store, focus }: MeetingConnection): Meeting {
  const snapshot = useSyncExternalStore(store.subscribeSnapshot, store.getSnapshot)
  const following = useSyncExternalStore(focus.subscribeFollowing, focus.isFollowing)
  return {
    store,
    focus,
    state: snapshot.state,
    status: snapshot.status,
    problem: snapshot.problem,
    actions: store.actions,
    clockOffsetMs: snapshot.clockOffsetMs,
    following,
  }
}

/** Both at once, for a component that owns the connection and shows it too. */
export function useMeeting(weekId: WeekId, connect?: ConnectMeetingSocket): Meeting {
  return useMeetingState(useMeetingConnection(weekId, connect))
}
