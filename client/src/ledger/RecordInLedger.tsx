import {
  addShift,
  parseOutcomeInput,
  recordOutcome,
  SHIFT_STATUS_LABELS,
  skillLabel,
  type ReviewItem,
} from '@fourwall/shared'
import { useId, useState } from 'react'
import { useBoard } from '../board/BoardContext.js'
import { tryCommand } from '../board/writeItem.js'
import { FormProblem } from '../components/FormProblem.js'
import { describeSource } from './ledgerText.js'
import { useLedgerWorkspace } from './sharedWorkspace.js'
import { NEW_SHIFT_DRAFT, ShiftDraftFields, shiftFromDraft, type ShiftDraft } from './ShiftDraftFields.js'
import { useLedger } from './useLedger.js'

interface Props {
  item: ReviewItem
  /** The outcome's one-line summary as typed so far: it becomes the outcome and the shift's rationale. */
  summary: string
}

/**
 * Beside a "Resource shift" outcome: the shift it links to in the ledger, or "Record it in the
 * ledger", which adds a row going to this item (its rationale the outcome's summary) and records
 * the outcome with the row's id, in one transaction so every screen sees both at once.
 */
export function RecordInLedger({ item, summary }: Props) {
  const { store, identity } = useBoard()
  const workspace = useLedgerWorkspace()
  const { shifts, items, teams } = useLedger(store.doc, workspace)
  const id = useId()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<ShiftDraft>(NEW_SHIFT_DRAFT)
  const [problem, setProblem] = useState<string | null>(null)

  const linkedId = item.outcome?.kind === 'shift' ? item.outcome.shiftId : undefined
  const linked = linkedId ? shifts.find((shift) => shift.id === linkedId) : undefined
  if (linked) {
    return (
      <p className="ledger-link" data-linked-shift={linked.id}>
        <span className="muted">In the ledger:</span>{' '}
        <a href={`#shift-${linked.id}`}>
          {linked.headcount} × {skillLabel(linked)} from {describeSource(linked.from, items, teams)}, {SHIFT_STATUS_LABELS[linked.status].toLowerCase()}
        </a>
      </p>
    )
  }

  const record = (): void => {
    const by = { id: identity.id, name: identity.name }
    const outcome = parseOutcomeInput({ kind: 'shift', summary })
    if (!outcome.ok) {
      setProblem(outcome.error)
      return
    }
    const shift = shiftFromDraft(draft)
    if (!shift.ok) {
      setProblem(shift.problem)
      return
    }
    const { from, headcount, skill } = shift
    const rationale = summary.trim()
    const failed = tryCommand(() =>
      store.doc.transact(() => {
        // addShift checks everything before it writes, so a refusal leaves no row without its outcome.
        const shift = addShift(store.doc, { from, to: item.id, headcount, skill, rationale }, { by, ...(workspace ? { workspace } : {}) })
        recordOutcome(store.doc, item.id, { kind: 'shift', summary: rationale, shiftId: shift.id }, { by })
      }),
    )
    setProblem(failed)
    if (!failed) setOpen(false)
  }

  if (!open) {
    return (
      <div className="ledger-link">
        {linkedId && <p className="muted small">The shift this outcome was linked to is no longer in the ledger.</p>}
        <button type="button" className="button button--small button--quiet" onClick={() => setOpen(true)} data-record-in-ledger>
          Record it in the ledger
        </button>
      </div>
    )
  }
  return (
    <div className="ledger-link ledger-link--form" role="group" aria-label="Record the shift in the ledger">
      <div className="shift-row__fields">
        <ShiftDraftFields
          idPrefix={id}
          draft={draft}
          onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
          fromLabel="Take people from"
          teams={teams}
          items={items.filter((candidate) => candidate.id !== item.id)}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={record}>
          Record in the ledger
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            setOpen(false)
            setProblem(null)
          }}
        >
          Cancel
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={problem} />
    </div>
  )
}
