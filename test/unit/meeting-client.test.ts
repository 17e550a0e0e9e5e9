/**
 * The meeting's client-side logic that needs no browser: the clock offset behind the shared timer,
 * what a screen follows when its person steps away and rejoins, and moving through the agenda.
 */
import { describe, expect, it } from 'vitest'
import type { FocusSource } from '../../client/src/board/meetingFocus.js'
import { SelectionStore } from '../../client/src/board/SelectionStore.js'
import { nextItemId, previousItemId } from '../../client/src/meeting/agendaNavigation.js'
import { ClockOffset } from '../../client/src/meeting/clockOffset.js'
import { FollowedFocus } from '../../client/src/meeting/FollowedFocus.js'
import { shortcutFor } from '../../client/src/meeting/shortcuts.js'

describe('ClockOffset', () => {
  it('takes the sample with the shortest round trip, midway through it', () => {
    const clock = new ClockOffset()
    // The server is 10 minutes ahead. A slow reply (400 ms) whose stamp was taken late, then a fast one.
    clock.addRoundTrip(1_000_000 + 600_000 + 350, 1_000_000, 1_000_400)
    clock.addRoundTrip(2_000_000 + 600_000 + 10, 2_000_000, 2_000_020)
    expect(clock.offsetMs).toBe(600_000)
    expect(clock.precisionMs).toBe(10)
  })

  it('uses a broadcast only until an ack arrives, and keeps the last offset across a reset', () => {
    const clock = new ClockOffset()
    expect(clock.offsetMs).toBe(0)
    clock.addOneWay(5_000 + 42, 5_000)
    expect(clock.offsetMs).toBe(42)
    clock.addRoundTrip(9_000 + 7, 9_000 - 1, 9_000 + 1)
    expect(clock.offsetMs).toBe(7)
    clock.reset()
    expect(clock.offsetMs).toBe(7)
    expect(clock.precisionMs).toBeNull()
  })

  it('ignores nonsense: a reply before its request, a missing stamp', () => {
    const clock = new ClockOffset()
    clock.addRoundTrip(500, 1_000, 900)
    clock.addRoundTrip(Number.NaN, 1_000, 1_010)
    clock.addOneWay(Number.NaN, 1_000)
    expect(clock.offsetMs).toBe(0)
  })
})

/** A meeting whose focus the test moves by hand. */
function meetingFocus(): FocusSource & { focus(id: string | null): void } {
  let focused: string | null = null
  const listeners = new Set<() => void>()
  return {
    focusedItemId: () => focused,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    focus: (id) => {
      focused = id
      for (const listener of [...listeners]) listener()
    },
  }
}

describe('FollowedFocus', () => {
  it('follows the facilitator, opening each focused item; stepped away it keeps its own place', () => {
    const meeting = meetingFocus()
    const followed = new FollowedFocus(meeting)
    const selection = new SelectionStore()
    followed.attachSelection(selection)
    let woken = 0
    followed.subscribe(() => woken++)

    meeting.focus('a')
    expect(followed.focusedItemId()).toBe('a')
    expect(selection.selectedId()).toBe('a')
    expect(woken).toBe(1)

    followed.stepAway()
    expect(followed.isFollowing()).toBe(false)
    expect(followed.focusedItemId()).toBeNull()
    followed.selectOwn('c')
    meeting.focus('b')
    // The meeting moved on; this screen did not.
    expect(selection.selectedId()).toBe('c')
    expect(followed.currentItemId()).toBe('c')

    followed.rejoin()
    expect(followed.focusedItemId()).toBe('b')
    expect(selection.selectedId()).toBe('b')
    expect(followed.currentItemId()).toBe('b')
    followed.destroy()
  })
})

describe('moving through the agenda', () => {
  const ids = ['r1', 'r2', 'y1']
  it('starts at the top (next) or the bottom (previous) and stops at the ends', () => {
    expect(nextItemId(ids, null)).toBe('r1')
    expect(nextItemId(ids, 'r2')).toBe('y1')
    expect(nextItemId(ids, 'y1')).toBeNull()
    expect(previousItemId(ids, null)).toBe('y1')
    expect(previousItemId(ids, 'r1')).toBeNull()
    // From a Green item someone opened, off the list: back to the list's ends.
    expect(nextItemId(ids, 'green')).toBe('r1')
    expect(previousItemId(ids, 'green')).toBe('y1')
  })

  it('maps the keys the help dialog lists', () => {
    expect(shortcutFor('n')?.id).toBe('next')
    expect(shortcutFor('r')?.id).toBe('red')
    expect(shortcutFor('?')?.id).toBe('help')
    expect(shortcutFor('x')).toBeUndefined()
  })
})
