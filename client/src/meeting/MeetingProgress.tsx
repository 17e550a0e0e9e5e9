import type { AgendaProgress } from '@fourwall/shared'

/** "3 of 7 discussed · 4 left": the Red and Yellow items with an outcome, as a bar and in words. */
export function MeetingProgress({ progress }: { progress: AgendaProgress }) {
  const { total, discussed, left } = progress
  const text = total === 0 ? 'Nothing to discuss: no Red or Yellow items' : `${discussed} of ${total} discussed · ${left} left`
  return (
    <div className="meeting-progress" data-meeting-progress={`${discussed}/${total}`}>
      <div
        className="meeting-progress__bar"
        role="progressbar"
        aria-label="Review progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={discussed}
        aria-valuetext={text}
      >
        <div className="meeting-progress__done" style={{ width: total === 0 ? '0%' : `${(100 * discussed) / total}%` }} />
      </div>
      <p className="meeting-progress__text">
        {left === 0 && total > 0 && <span aria-hidden="true">✓ </span>}
        {text}
      </p>
    </div>
  )
}
