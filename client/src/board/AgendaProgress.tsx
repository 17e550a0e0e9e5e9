import type { AgendaProgress as Progress } from '@fourwall/shared'

/** "2 of 7 discussed · 5 left": an item counts as discussed once it has an outcome. */
export function progressText(progress: Progress): string {
  if (progress.total === 0) return 'Nothing to discuss'
  if (progress.left === 0) return `All ${progress.total} discussed`
  return `${progress.discussed} of ${progress.total} discussed · ${progress.left} left`
}

export function AgendaProgress({ progress }: { progress: Progress }) {
  return (
    <p className="agenda-progress" data-progress={`${progress.discussed}/${progress.total}`}>
      <progress className="agenda-progress__bar" max={Math.max(progress.total, 1)} value={progress.discussed} aria-hidden="true" />
      <span>{progressText(progress)}</span>
    </p>
  )
}
