import { STATUS_LABELS, type Status, type TrendEntry } from '@fourwall/shared'

/** A letter per status, so the strip reads without colour (and on a greyscale projector). */
const LETTERS: Record<Status, string> = { red: 'R', yellow: 'Y', green: 'G', unset: '?' }

function entryLabel(entry: TrendEntry): string {
  return `${entry.weekId ?? 'This week'} ${STATUS_LABELS[entry.status]}`
}

/** The last weeks' statuses, oldest first: one small lettered square per reviewed week. */
export function TrendStrip({ trend }: { trend: readonly TrendEntry[] }) {
  if (trend.length === 0) return null
  return (
    <span className="trend" role="img" aria-label={`Trend: ${trend.map(entryLabel).join(', ')}`} data-trend>
      {trend.map((entry, index) => (
        <span key={`${entry.weekId ?? 'now'}-${index}`} className={`trend__week trend__week--${entry.status}`} title={entryLabel(entry)}>
          {LETTERS[entry.status]}
        </span>
      ))}
    </span>
  )
}
