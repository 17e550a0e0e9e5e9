import type { ShiftWarning } from '@fourwall/shared'
import { StatusIcon } from '../components/StatusIcon.js'

/** A shift's warnings in words, each with an icon: a warning sign, or a question mark for a gentle note. */
export function ShiftWarnings({ warnings }: { warnings: readonly ShiftWarning[] }) {
  if (warnings.length === 0) return null
  return (
    <ul className="stack-list shift-warnings" aria-label="Warnings">
      {warnings.map((warning) => (
        <li key={warning.kind} className={`shift-warning shift-warning--${warning.level}`} data-shift-warning={warning.kind}>
          <StatusIcon kind={warning.level === 'warning' ? 'at-risk' : 'unknown'} />
          <span>
            <span className="visually-hidden">{warning.level === 'warning' ? 'Warning: ' : 'Note: '}</span>
            {warning.sentence}
          </span>
        </li>
      ))}
    </ul>
  )
}
