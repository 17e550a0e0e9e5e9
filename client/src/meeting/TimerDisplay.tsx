import { useEffect, useState } from 'react'
import type { MeetingTimer } from '@fourwall/shared'
import { describeDuration, formatClock } from './formatDuration.js'

interface Props {
  timer: MeetingTimer
  /** The server's time now (Date.now() corrected by the clock offset). */
  serverNow(): number
}

/** Often enough that the seconds never lag visibly; cheap because only this component re-renders. */
export const TIMER_TICK_MS = 250

/**
 * The countdown, in big type for the projector. Computed from the server's timer and the server's
 * clock, so every screen shows the same time left whatever its own clock says. While it runs it
 * re-renders itself every tick, alone: the board around it does not.
 *
 * When the time is up it says "Over time" in words, counting how far over, so the state never
 * rests on colour.
 */
export function TimerDisplay({ timer, serverNow }: Props) {
  const running = timer.endsAt !== null
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    setNow(serverNow())
    if (!running) return
    const interval = setInterval(() => setNow(serverNow()), TIMER_TICK_MS)
    return () => clearInterval(interval)
  }, [running, timer, serverNow])

  // Never more than was left when it started: a clock offset off by a few ms must not show 5:01.
  const leftMs = timer.endsAt === null ? timer.remainingMs : Math.min(timer.remainingMs, timer.endsAt - now)
  const remainingMs = Math.max(0, leftMs)
  const over = leftMs <= 0
  const overByMs = timer.endsAt !== null && over ? now - timer.endsAt : 0
  const state = over ? 'Over time' : running ? 'Running' : timer.remainingMs === timer.durationMs ? 'Ready' : 'Paused'
  const label = over
    ? `Timer: over time${overByMs >= 1000 ? ` by ${describeDuration(overByMs)}` : ''}`
    : `Timer: ${describeDuration(remainingMs)} left, ${state.toLowerCase()}`

  return (
    <div
      className={`meeting-timer__display${over ? ' meeting-timer__display--over' : ''}${running ? ' meeting-timer__display--running' : ''}`}
      role="timer"
      aria-label={label}
      data-timer-remaining-ms={Math.round(remainingMs)}
      data-timer-running={running}
      data-timer-over={over}
    >
      <span className="meeting-timer__time" aria-hidden="true">
        {over && overByMs >= 1000 ? `+${formatClock(overByMs)}` : formatClock(remainingMs)}
      </span>
      <span className="meeting-timer__state" aria-hidden="true">
        {over ? '⚠ Over time' : state}
      </span>
    </div>
  )
}
