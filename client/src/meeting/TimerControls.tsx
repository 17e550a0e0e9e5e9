import { useId, useState } from 'react'
import { TIMER_MAX_SECONDS, TIMER_MIN_SECONDS, type MeetingTimer, type TimerAction } from '@fourwall/shared'

interface Props {
  timer: MeetingTimer
  busy: boolean
  /** Runs one timer action (reset takes seconds); the bar shows a refusal. */
  onTimer(action: TimerAction, seconds?: number): void
  /** Starts or pauses; the same as the T shortcut. */
  onToggle(minutes: number | null): void
}

export const DEFAULT_MINUTES = 5
const MIN_MINUTES = Math.ceil(TIMER_MIN_SECONDS / 60)
const MAX_MINUTES = Math.floor(TIMER_MAX_SECONDS / 60)

/** Whole minutes from the field, or the sentence saying what is allowed. */
export function parseMinutes(text: string): { minutes: number } | { error: string } {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isInteger(value) || value < MIN_MINUTES || value > MAX_MINUTES) {
    return { error: `Minutes must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}.` }
  }
  return { minutes: value }
}

/** The facilitator's timer controls: minutes, Start or Pause, Reset. */
export function TimerControls({ timer, busy, onTimer, onToggle }: Props) {
  const id = useId()
  const running = timer.endsAt !== null
  const [text, setText] = useState(() => String(timer.durationMs % 60_000 === 0 ? timer.durationMs / 60_000 : DEFAULT_MINUTES))
  const parsed = parseMinutes(text)
  const error = 'error' in parsed ? parsed.error : null
  const minutes = 'minutes' in parsed ? parsed.minutes : null
  const toggle = running ? 'Pause' : timer.remainingMs < timer.durationMs && timer.remainingMs > 0 ? 'Resume' : 'Start'

  return (
    <div className="meeting-timer__controls">
      <div className="meeting-timer__minutes">
        <label htmlFor={`${id}-minutes`}>Minutes</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={MIN_MINUTES}
          max={MAX_MINUTES}
          step={1}
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && minutes !== null) onTimer('reset', minutes * 60)
          }}
          data-timer-minutes
        />
      </div>
      {/* Short words on the buttons (the names say "timer" in full) so the controls fit under the clock. */}
      <button
        type="button"
        className="button button--small"
        disabled={busy || (!running && minutes === null)}
        onClick={() => onToggle(minutes)}
        aria-label={`${toggle} timer`}
        aria-keyshortcuts="T"
        data-timer-toggle
      >
        {toggle}
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={busy || minutes === null}
        onClick={() => minutes !== null && onTimer('reset', minutes * 60)}
        aria-label="Reset timer"
        data-timer-reset
      >
        Reset
      </button>
      {error && (
        <p id={`${id}-error`} className="field__error meeting-timer__error">
          {error}
        </p>
      )}
    </div>
  )
}
