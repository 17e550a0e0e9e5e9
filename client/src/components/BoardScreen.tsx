import { canEditDocuments, type WeekId } from '@fourwall/shared'
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import {
  Agenda,
  BoardContext,
  EmptyWeek,
  FocusContext,
  ItemStoreContext,
  OfflineBanner,
  SelectionContext,
  SelectionStore,
  useItemPresence,
  useItemStore,
  usePresenceStore,
  useReviewInfo,
  type Board,
  type FocusSource,
  type ItemStore,
} from '../board/index.js'
import type { ConnectionState } from '../hooks/useConnectionStatus.js'
import { useHasSynced } from '../hooks/useHasSynced.js'
import { useLocalPresence } from '../hooks/useLocalPresence.js'
import { useStickyOffset } from '../hooks/useStickyOffset.js'
import { useWeekClosed } from '../hooks/useWeekClosed.js'
import type { Identity } from '../lib/identity.js'
import { WeekBehindWorkspace } from '../board/WeekBehindWorkspace.js'
import { ShiftLedger } from '../ledger/ShiftLedger.js'
import { WeekDecisions } from '../decisions/WeekDecisions.js'
import { Header } from './Header.js'
import { StatusIcon } from './StatusIcon.js'
import { WhoIsHere } from './WhoIsHere.js'

interface Props {
  weekId: WeekId
  /** The calendar's week now; differs from weekId while browsing another week. */
  currentWeekId: WeekId
  identity: Identity
  provider: WebsocketProvider | null
  connection: ConnectionState
  onSignOut(): Promise<void>
  /** The live meeting's bar (facilitator, focus, timer), shown above the agenda. */
  meetingBar?: ReactNode
  /** Week-level buttons for the header (closing the review, its summary). */
  headerActions?: ReactNode
  /** The meeting's focus; without it, whatever FocusContext is provided above the board. */
  focusSource?: FocusSource
  /** The selection to use, for a meeting that moves it from outside; the board keeps its own otherwise. */
  selection?: SelectionStore
  /** Told whenever this person selects another item (or none). */
  onSelectItem?(itemId: string | null): void
}

export function BoardScreen(props: Props) {
  const { weekId, currentWeekId, identity, provider, connection, onSignOut, meetingBar, headerActions, focusSource, onSelectItem } = props
  const awareness = provider?.awareness ?? null
  useLocalPresence(awareness, identity)
  const synced = useHasSynced(provider)
  const closed = useWeekClosed(provider?.doc ?? null)
  const store = useItemStore(provider?.doc ?? null)
  const presence = usePresenceStore(awareness, identity.id)
  const [ownSelection] = useState(() => new SelectionStore())
  const selection = props.selection ?? ownSelection
  const typing = useItemPresence(awareness, selection)
  const info = useReviewInfo(store)
  const editable = canEditDocuments(identity.role) && !closed

  useEffect(() => {
    if (!onSelectItem) return
    return selection.subscribe(() => onSelectItem(selection.selectedId()))
  }, [selection, onSelectItem])

  const board = useMemo<Board | null>(
    () => (store ? { store, selection, presence, typing, editable, identity } : null),
    [store, selection, presence, typing, editable, identity],
  )
  const meetingRef = useRef<HTMLDivElement>(null)
  useStickyOffset(meetingRef)
  const outerFocus = useContext(FocusContext)
  const describeItem = useCallback((itemId: string) => store?.item(itemId)?.objective ?? null, [store])

  return (
    <FocusContext.Provider value={focusSource ?? outerFocus}>
      <SelectionContext.Provider value={selection}>
        <ItemStoreContext.Provider value={store}>
          <BoardContext.Provider value={board}>
            <div className="board-screen" data-screen="board" data-synced={synced}>
              <Header
                weekId={weekId}
                currentWeekId={currentWeekId}
                weeksRefreshKey={info?.weekId ?? null}
                identity={identity}
                connection={connection}
                onReconnect={() => provider?.connect()}
                onSignOut={onSignOut}
                actions={headerActions}
              />
              <OfflineBanner connection={connection} synced={synced} />
              <main className="board-screen__main">
                {/* Across the whole width, above the agenda and the people: the part read from the back of the room. */}
                {meetingBar && (
                  <div className="board-screen__meeting" ref={meetingRef}>
                    {meetingBar}
                  </div>
                )}
                <div className="board-screen__content">
                  {!canEditDocuments(identity.role) && (
                    // Said once, in words, above everything: every item on this page is theirs to read only.
                    <p className="notice notice--read-only" data-read-only>
                      <strong>Read-only view.</strong> You follow the review live as it happens; the leads, their chiefs of
                      staff and editors make the changes.
                    </p>
                  )}
                  {closed && (
                    <p className="notice" role="status" data-week-closed>
                      <StatusIcon kind="closed" /> This week's review was closed by {closed.byName} on{' '}
                      {new Date(closed.at).toLocaleString()}. It stays readable; nothing can be changed.
                    </p>
                  )}
                  <BoardBody store={synced ? store : null} hasReview={info !== null} weekId={weekId} identity={identity} closed={closed !== null} />
                </div>
                <WhoIsHere presence={presence} describeItem={describeItem} />
              </main>
            </div>
          </BoardContext.Provider>
        </ItemStoreContext.Provider>
      </SelectionContext.Provider>
    </FocusContext.Provider>
  )
}

interface BodyProps {
  /** Null until the week's document has loaded from the server. */
  store: ItemStore | null
  hasReview: boolean
  weekId: WeekId
  identity: Identity
  closed: boolean
}

/** Loading, then either the agenda or the explanation of why this week has nothing to review. */
function BoardBody({ store, hasReview, weekId, identity, closed }: BodyProps) {
  if (!store) {
    return (
      <p role="status" className="panel loading" aria-busy="true" data-loading="document">
        <StatusIcon kind="connecting" /> Loading this week's review…
      </p>
    )
  }
  if (!hasReview) return <EmptyWeek weekId={weekId} identity={identity} reason="missing" closed={closed} />
  return (
    <>
      {canEditDocuments(identity.role) && !closed && <WeekBehindWorkspace weekDoc={store.doc} />}
      <Agenda weekId={weekId} closed={closed} />
      <ShiftLedger weekId={weekId} />
      <WeekDecisions weekId={weekId} identity={identity} weekDoc={store.doc} closed={closed} />
    </>
  )
}
