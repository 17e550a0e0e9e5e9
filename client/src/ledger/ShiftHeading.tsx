import { SHIFT_STATUS_LABELS, skillLabel, type Shift, type Team } from '@fourwall/shared'
import { describeDestination, describeSource } from './ledgerText.js'
import type { LedgerItem } from './useLedger.js'

interface Props {
  shift: Shift
  items: readonly LedgerItem[]
  teams: readonly Team[]
  headingId: string
}

/** A row in one line, for reading from across the room: "2 × Mobile: Search → Red: Android launch · Proposed". */
export function ShiftHeading({ shift, items, teams, headingId }: Props) {
  return (
    <h3 id={headingId} className="shift-row__title">
      <span className="shift-row__what">
        {shift.headcount} × {skillLabel(shift)}
      </span>
      <span className="shift-row__route">
        {describeSource(shift.from, items, teams)} <span aria-hidden="true">→</span>
        <span className="visually-hidden"> to </span> {describeDestination(shift.to, items)}
      </span>
      <span className={`shift-status shift-status--${shift.status}`} data-shift-status={shift.status}>
        {SHIFT_STATUS_LABELS[shift.status]}
      </span>
    </h3>
  )
}
