import { SHIFT_STATUS_LABELS, skillLabel, type Shift, type ShiftWarning, type Team } from '@fourwall/shared'
import { describeDestination, describeSource } from './ledgerText.js'
import { ShiftHeading } from './ShiftHeading.js'
import { ShiftWarnings } from './ShiftWarnings.js'
import type { LedgerItem } from './useLedger.js'

interface Props {
  shift: Shift
  items: readonly LedgerItem[]
  teams: readonly Team[]
  warnings: readonly ShiftWarning[]
}

/** One row for someone who only watches (a team lead, or anyone once the week is closed): text, no input. */
export function ShiftDetails({ shift, items, teams, warnings }: Props) {
  const none = <span className="muted">—</span>
  const headingId = `shift-${shift.id}-heading`
  return (
    <li className="shift-row shift-row--read-only" id={`shift-${shift.id}`} data-shift-id={shift.id} aria-labelledby={headingId}>
      <ShiftHeading shift={shift} items={items} teams={teams} headingId={headingId} />
      <ShiftWarnings warnings={warnings} />
      <dl className="shift-row__facts">
        <div>
          <dt>From</dt>
          <dd data-field="from">{describeSource(shift.from, items, teams)}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd data-field="to">{describeDestination(shift.to, items)}</dd>
        </div>
        <div>
          <dt>People</dt>
          <dd data-field="headcount">{shift.headcount}</dd>
        </div>
        <div>
          <dt>Skill</dt>
          <dd data-field="skill">{skillLabel(shift)}</dd>
        </div>
        <div>
          <dt>Start date</dt>
          <dd data-field="startDate">{shift.startDate ?? none}</dd>
        </div>
        <div>
          <dt>Expected weeks</dt>
          <dd data-field="durationWeeks">{shift.durationWeeks ?? none}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-field="status">{SHIFT_STATUS_LABELS[shift.status]}</dd>
        </div>
        <div className="shift-row__wide">
          <dt>Rationale</dt>
          <dd data-field="rationale" className="shift-row__rationale">
            {shift.rationale || none}
          </dd>
        </div>
      </dl>
    </li>
  )
}
