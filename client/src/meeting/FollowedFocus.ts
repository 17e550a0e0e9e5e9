/**
 * What this screen follows: the facilitator's focus, unless this person clicked "Step away". Per
 * tab, never sent anywhere: stepping away changes nobody else's screen.
 *
 * - Following, the focus is the meeting's, and each new focus also becomes this screen's selection
 *   (the board opens the item being discussed and brings it into view).
 * - Stepped away, this screen follows no focus (the board neither jumps nor marks a row), and keeps
 *   its own selection, which the meeting no longer moves; the keyboard's next/previous move it.
 *   The meeting bar still says what is being discussed.
 * - Rejoining follows again and jumps to the current focus at once.
 *
 * `currentItemId` is the item this screen is on either way (the focus, or the own selection): what
 * the status shortcuts change.
 *
 * The selection is the board's (its SelectionStore fits LocalSelection); until one is attached, a
 * selection of its own stands in, so the meeting works on a page without the board too.
 */
import type { FocusSource } from '../board/meetingFocus.js'

type Listener = () => void

/** The part of the board's selection this needs. */
export interface LocalSelection {
  selectedId(): string | null
  select(id: string | null): void
  subscribe(listener: Listener): () => void
}

/** A selection nobody else shows: used until the board attaches its own. */
export class OwnSelection implements LocalSelection {
  private selected: string | null = null
  private readonly listeners = new Set<Listener>()

  selectedId = (): string | null => this.selected

  select = (id: string | null): void => {
    if (id === this.selected) return
    this.selected = id
    for (const listener of [...this.listeners]) listener()
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export class FollowedFocus implements FocusSource {
  private following = true
  private selection: LocalSelection = new OwnSelection()
  private stopSelection: () => void
  private readonly stopMeeting: () => void
  private last: string | null
  private lastCurrent: string | null
  private readonly focusListeners = new Set<Listener>()
  private readonly currentListeners = new Set<Listener>()
  private readonly followListeners = new Set<Listener>()

  constructor(private readonly meeting: FocusSource) {
    this.last = meeting.focusedItemId()
    this.lastCurrent = this.last
    this.stopMeeting = meeting.subscribe(() => this.meetingMoved())
    this.stopSelection = this.selection.subscribe(() => this.changed())
  }

  destroy(): void {
    this.stopMeeting()
    this.stopSelection()
    this.focusListeners.clear()
    this.currentListeners.clear()
    this.followListeners.clear()
  }

  // ---- FocusSource ----------------------------------------------------------------------------

  focusedItemId = (): string | null => (this.following ? this.meeting.focusedItemId() : null)

  subscribe = (listener: Listener): (() => void) => {
    this.focusListeners.add(listener)
    return () => this.focusListeners.delete(listener)
  }

  // ---- the item this screen is on ---------------------------------------------------------------

  currentItemId = (): string | null => (this.following ? this.meeting.focusedItemId() : this.selection.selectedId())

  subscribeCurrent = (listener: Listener): (() => void) => {
    this.currentListeners.add(listener)
    return () => this.currentListeners.delete(listener)
  }

  // ---- following ------------------------------------------------------------------------------

  isFollowing = (): boolean => this.following

  subscribeFollowing = (listener: Listener): (() => void) => {
    this.followListeners.add(listener)
    return () => this.followListeners.delete(listener)
  }

  /** Stops following; the screen stays where it is (on the current focus if nothing is selected). */
  stepAway(): void {
    if (!this.following) return
    if (this.selection.selectedId() === null) this.selection.select(this.meeting.focusedItemId())
    this.setFollowing(false)
  }

  /** Follows the meeting again and jumps to what it discusses now. */
  rejoin(): void {
    if (this.following) return
    const focus = this.meeting.focusedItemId()
    if (focus !== null) this.selection.select(focus)
    this.setFollowing(true)
  }

  /** Moves this screen's own selection (only while stepped away; following, the meeting moves it). */
  selectOwn(itemId: string | null): void {
    if (!this.following) this.selection.select(itemId)
  }

  /**
   * Uses the board's selection from now on; returns the function that detaches it again. While
   * following, the board opens the item being discussed right away.
   */
  attachSelection(selection: LocalSelection): () => void {
    this.stopSelection()
    this.selection = selection
    this.stopSelection = selection.subscribe(() => this.changed())
    const focus = this.meeting.focusedItemId()
    if (this.following && focus !== null) selection.select(focus)
    this.changed()
    return () => {
      if (this.selection !== selection) return
      this.stopSelection()
      this.selection = new OwnSelection()
      this.stopSelection = this.selection.subscribe(() => this.changed())
      this.changed()
    }
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private meetingMoved(): void {
    const focus = this.meeting.focusedItemId()
    // A cleared focus does not close what this person has open.
    if (this.following && focus !== null) this.selection.select(focus)
    this.changed()
  }

  private setFollowing(following: boolean): void {
    this.following = following
    this.changed()
    for (const listener of [...this.followListeners]) listener()
  }

  /** Tells the rows only when the answer to "which item does this screen follow?" changed. */
  private changed(): void {
    const focus = this.focusedItemId()
    const current = this.currentItemId()
    if (current !== this.lastCurrent) {
      this.lastCurrent = current
      for (const listener of [...this.currentListeners]) listener()
    }
    if (focus === this.last) return
    this.last = focus
    for (const listener of [...this.focusListeners]) listener()
  }
}
