/**
 * The live meeting at the top of the board: who facilitates (and the buttons to take, give or hand
 * over the meeting), what is being discussed (Previous/Next for the facilitator), Step away /
 * Rejoin, the shared timer, the review's progress, and the keyboard shortcuts with their help.
 * Everyone sees all of it; only the controls this person may use are there (abilities.ts), and a
 * closed week has none. The server checks every action again and the bar shows its refusal.
 */
import { STATUS_LABELS, type AgendaProgress, type MeetingPerson, type Role, type Status, type TimerAction } from '@fourwall/shared'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { StatusIcon } from '../components/StatusIcon.js'
import { meetingAbilities } from './abilities.js'
import { nextItemId, previousItemId } from './agendaNavigation.js'
import { FacilitatorLine } from './FacilitatorLine.js'
import { FollowControl } from './FollowControl.js'
import type { LocalSelection } from './FollowedFocus.js'
import { MeetingProgress } from './MeetingProgress.js'
import { MeetingStatusLine } from './MeetingStatusLine.js'
import { MeetingTimer } from './MeetingTimer.js'
import { NowDiscussing } from './NowDiscussing.js'
import type { AvailableShortcut } from './shortcuts.js'
import { ShortcutsHelp } from './ShortcutsHelp.js'
import type { Meeting } from './useMeeting.js'
import { useMeetingShortcuts } from './useMeetingShortcuts.js'

/** What the bar needs of the week's agenda (the board's ItemStore has it). */
export interface MeetingAgenda {
  /** The items to discuss, in order (Red, longest at risk first, then Yellow): what Previous/Next walk. */
  discussIds: readonly string[]
  /** An item's objective for "Now discussing"; null for an id this week does not have. */
  labelOf(itemId: string): string | null
}

/** An answer from the board: null (or nothing) when done, or the sentence saying why not. */
type Outcome = string | null | void

export interface MeetingBarProps {
  meeting: Meeting
  identity: { id: string; role: Role }
  agenda: MeetingAgenda
  progress: AgendaProgress
  /** The week is closed: the meeting shows as it ended, with no controls. */
  closed: boolean
  /** Sets an item's status (the R, Y, G and U keys); without it those keys are off. */
  onSetStatus?(itemId: string, status: Status): Outcome | Promise<Outcome>
  /** The board's selection: it follows the meeting's focus until this person steps away. */
  selection?: LocalSelection | null
}

const STATUS_KEYS: readonly { id: 'red' | 'yellow' | 'green' | 'unset'; status: Status }[] = [
  { id: 'red', status: 'red' },
  { id: 'yellow', status: 'yellow' },
  { id: 'green', status: 'green' },
  { id: 'unset', status: 'unset' },
]

const NOTHING_OPEN = 'No item is open on your screen: open one first, or wait for the facilitator to focus one.'

export function MeetingBar({ meeting, identity, agenda, progress, closed, onSetStatus, selection = null }: MeetingBarProps) {
  const { state, status, store, actions, focus, following } = meeting
  const abilities = meetingAbilities(identity, state, closed)
  const live = status === 'live'
  const currentId = useSyncExternalStore(focus.subscribeCurrent, focus.currentItemId)
  const focusId = state?.focus?.itemId ?? null
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)

  useEffect(() => (selection ? focus.attachSelection(selection) : undefined), [focus, selection])

  // The facilitator never steps away: whoever is handed the meeting follows it again.
  useEffect(() => {
    if (abilities.isFacilitator && !following) focus.rejoin()
  }, [abilities.isFacilitator, following, focus])

  /** Runs one action at a time and shows its refusal (or clears the last one). */
  const run = useCallback(async (action: () => Promise<Outcome> | Outcome) => {
    setBusy(true)
    try {
      setProblem((await action()) ?? null)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'That did not work. Try again.')
    } finally {
      setBusy(false)
    }
  }, [])

  const claim = (): void => void run(() => actions.claim())
  const handOver = (person: MeetingPerson): void => void run(() => actions.handover(person.id))
  // The focus last asked for, until the server has answered: a facilitator pressing N twice in a
  // row moves two items on, not twice to the same one while the first answer is on its way.
  const requestedFocus = useRef<string | null>(null)
  const focusOn = (itemId: string): void => {
    requestedFocus.current = itemId
    void run(async () => {
      try {
        return await actions.focus(itemId)
      } finally {
        if (requestedFocus.current === itemId) requestedFocus.current = null
      }
    })
  }
  /** Where next/previous start from when a key is pressed: read then, not when this last rendered. */
  const latestFocus = (): string | null => requestedFocus.current ?? store.getSnapshot().state?.focus?.itemId ?? null
  const timer = (action: TimerAction, seconds?: number): void => void run(() => actions.timer(action, seconds))
  const toggleTimer = (minutes: number | null): void =>
    void run(async () => {
      const current = store.getSnapshot().state?.timer
      if (!current) return null
      if (current.endsAt !== null) return actions.timer('pause')
      // A timer not yet started since its reset takes the minutes typed in the field.
      const fresh = current.remainingMs === current.durationMs
      if (fresh && minutes !== null && minutes * 60_000 !== current.durationMs) {
        const refused = await actions.timer('reset', minutes * 60)
        if (refused) return refused
      }
      return actions.timer('start')
    })

  const steer = abilities.canSteer
    ? { previous: previousItemId(agenda.discussIds, focusId), next: nextItemId(agenda.discussIds, focusId), busy: busy || !live, onFocus: focusOn }
    : null

  const stepFocus = (step: typeof nextItemId): void => {
    const target = step(agenda.discussIds, latestFocus())
    if (target !== null) focusOn(target)
  }

  const shortcuts: AvailableShortcut[] = []
  if (steer) {
    shortcuts.push(
      { id: 'next', does: 'Discuss the next item (everyone’s screen follows)', run: () => stepFocus(nextItemId) },
      { id: 'previous', does: 'Go back to the previous item (everyone’s screen follows)', run: () => stepFocus(previousItemId) },
    )
  } else if (!following) {
    // At either end of the list the selection stays where it is.
    const move = (step: typeof nextItemId): void => {
      const own = focus.currentItemId()
      focus.selectOwn(step(agenda.discussIds, own) ?? own)
    }
    shortcuts.push(
      { id: 'next', does: 'Look at the next item (on your screen only)', run: () => move(nextItemId) },
      { id: 'previous', does: 'Look at the previous item (on your screen only)', run: () => move(previousItemId) },
    )
  }
  if (abilities.canSetStatus && onSetStatus) {
    for (const { id, status: itemStatus } of STATUS_KEYS) {
      shortcuts.push({
        id,
        does: itemStatus === 'unset' ? 'Clear the open item’s status (Not set)' : `Set the open item’s status to ${STATUS_LABELS[itemStatus]}`,
        run: () => {
          const itemId = focus.currentItemId()
          void run(() => (itemId === null ? NOTHING_OPEN : onSetStatus(itemId, itemStatus)))
        },
      })
    }
  }
  if (abilities.canSteer) shortcuts.push({ id: 'timer', does: 'Start or pause the timer', run: () => toggleTimer(null) })
  if (!following) shortcuts.push({ id: 'follow', does: 'Rejoin the meeting (follow the facilitator again)', run: () => focus.rejoin() })
  else if (abilities.canStepAway) shortcuts.push({ id: 'follow', does: 'Step away (keep your own place on this screen)', run: () => focus.stepAway() })
  if (shortcuts.length > 0) shortcuts.push({ id: 'help', does: 'Show these shortcuts', run: () => setHelpOpen(true) })
  useMeetingShortcuts(shortcuts)

  if (!state) {
    return (
      <section className="meeting-bar meeting-bar--loading" aria-label="Live meeting" data-meeting-status={status}>
        <MeetingStatusLine status={status} problem={meeting.problem} />
      </section>
    )
  }

  return (
    <section className="meeting-bar" aria-label="Live meeting" data-meeting-status={status} data-meeting-following={following} data-current-item={currentId ?? ''}>
      <div className="meeting-bar__top">
        <FacilitatorLine state={state} myId={identity.id} abilities={abilities} busy={busy || !live} onClaim={claim} onHandOver={handOver} />
        <MeetingStatusLine status={status} problem={meeting.problem} />
        {shortcuts.length > 0 && (
          <button type="button" className="button button--quiet button--small" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?" data-shortcuts-open>
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        )}
      </div>
      <div className="meeting-bar__main">
        <NowDiscussing focusId={focusId} labelOf={agenda.labelOf} steer={steer} />
        <FollowControl following={following} canStepAway={abilities.canStepAway} onStepAway={() => focus.stepAway()} onRejoin={() => focus.rejoin()} />
        {/* A closed review has no timebox left to keep; a timer still "running" would only mislead. */}
        {!closed && (
          <MeetingTimer
            timer={state.timer}
            serverNow={store.serverNow}
            controls={abilities.canSteer ? { busy: busy || !live, onTimer: timer, onToggle: toggleTimer } : null}
          />
        )}
        <MeetingProgress progress={progress} />
      </div>
      {problem && (
        <p className="notice notice--problem meeting-bar__problem" role="alert">
          <StatusIcon kind="problem" />
          <span>{problem}</span>
        </p>
      )}
      {helpOpen && <ShortcutsHelp available={shortcuts} onClose={() => setHelpOpen(false)} />}
    </section>
  )
}
