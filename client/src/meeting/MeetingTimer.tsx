import type { MeetingTimer as Timer, TimerAction } from '@fourwall/shared'
import { TimerControls } from './TimerControls.js'
import { TimerDisplay } from './TimerDisplay.js'

interface Props {
  timer: Timer
  serverNow(): number
  /** The facilitator's controls; null for everyone else. */
  controls: { busy: boolean; onTimer(action: TimerAction, seconds?: number): void; onToggle(minutes: number | null): void } | null
}

export function MeetingTimer({ timer, serverNow, controls }: Props) {
  return (
    <div className="meeting-timer">
      <TimerDisplay timer={timer} serverNow={serverNow} />
      {controls && <TimerControls timer={timer} {...controls} />}
    </div>
  )
}
