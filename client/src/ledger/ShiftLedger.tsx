import { can, capacityByTeam, shiftWarnings, type WeekId } from '@fourwall/shared'
import { useMemo } from 'react'
import { useBoard } from '../board/BoardContext.js'
import { useFocusedItemId } from '../board/meetingFocus.js'
import { useSelectedItemId } from '../board/useSelection.js'
import { StatusIcon } from '../components/StatusIcon.js'
import { AddShiftForm } from './AddShiftForm.js'
import { CapacityView } from './CapacityView.js'
import { useLedgerWorkspace } from './sharedWorkspace.js'
import { ShiftDetails } from './ShiftDetails.js'
import { ShiftRow } from './ShiftRow.js'
import { useLedger } from './useLedger.js'

/**
 * The week's resource-shift ledger, below the agenda: every row for everyone, editable by whoever
 * may edit the open week, with each row's warnings and the capacity per team it adds up to.
 */
export function ShiftLedger({ weekId }: { weekId: WeekId }) {
  const board = useBoard()
  const { store, selection, identity } = board
  // board.editable already says "an editing role and an open week"; the ledger has its own action.
  const editable = board.editable && can(identity.role, 'shift.edit')
  const workspace = useLedgerWorkspace()
  const { shifts, items, teams } = useLedger(store.doc, workspace)
  const focused = useFocusedItemId()
  const selected = useSelectedItemId(selection)
  const capacity = useMemo(() => capacityByTeam(shifts, items, workspace), [shifts, items, teams, workspace])
  // A week without items (not created yet) has nothing to move people to.
  if (items.length === 0 && shifts.length === 0) return null

  return (
    <section className="ledger agenda-section" aria-labelledby="ledger-heading" data-ledger data-editable={editable}>
      <div className="agenda-section__head">
        <h2 id="ledger-heading" className="agenda-section__title">
          Resource shifts <span className="muted">({shifts.length})</span>
        </h2>
        {editable && <AddShiftForm items={items} teams={teams} workspace={workspace} suggestedTo={focused ?? selected} />}
      </div>
      {!workspace ? (
        <p role="status" className="loading" aria-busy="true" data-loading="ledger">
          <StatusIcon kind="connecting" /> Loading the teams…
        </p>
      ) : shifts.length === 0 ? (
        <p className="empty" data-empty="shifts">
          No resource shifts this week.{editable ? ' When the review moves people, add a shift, or record one from an item\u2019s outcome.' : ''}
        </p>
      ) : (
        <ol className="stack-list ledger__rows">
          {shifts.map((shift) => {
            const warnings = shiftWarnings(shift, store.doc, workspace, capacity)
            return editable ? (
              <ShiftRow key={shift.id} shift={shift} items={items} teams={teams} warnings={warnings} workspace={workspace} />
            ) : (
              <ShiftDetails key={shift.id} shift={shift} items={items} teams={teams} warnings={warnings} />
            )
          })}
        </ol>
      )}
      {workspace && <CapacityView weekId={weekId} week={capacity} />}
    </section>
  )
}
