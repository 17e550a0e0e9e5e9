import { addShift, type Team } from '@fourwall/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { useBoard } from '../board/BoardContext.js'
import { tryCommand } from '../board/writeItem.js'
import { FormProblem } from '../components/FormProblem.js'
import { FieldFrame } from '../components/fields/FieldFrame.js'
import { DestinationSelect } from './DestinationSelect.js'
import { itemsAsDestinations } from './ledgerText.js'
import { NEW_SHIFT_DRAFT, ShiftDraftFields, shiftFromDraft, type ShiftDraft } from './ShiftDraftFields.js'
import type { LedgerItem } from './useLedger.js'

interface Props {
  items: readonly LedgerItem[]
  teams: readonly Team[]
  workspace: Y.Doc | null
  /** The item to prefill as the destination: the one being discussed (or open), when it is Red or Yellow. */
  suggestedTo: string | null
}

/**
 * "Add a shift": where from, where to, how many and which skill; the row then appears in the ledger
 * on every screen, where the dates, the status and the rationale are filled in.
 */
export function AddShiftForm({ items, teams, workspace, suggestedTo }: Props) {
  const { store, identity } = useBoard()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [to, setTo] = useState('')
  const [draft, setDraft] = useState<ShiftDraft>(NEW_SHIFT_DRAFT)
  const [problem, setProblem] = useState<string | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const returnFocus = useRef(false)

  // Closing the form (added, cancelled, Escape) puts the focus back on the button that opened it.
  useEffect(() => {
    if (open || !returnFocus.current) return
    returnFocus.current = false
    button.current?.focus()
  }, [open])
  const close = (): void => {
    returnFocus.current = true
    setOpen(false)
  }

  const destinations = itemsAsDestinations(items)
  const start = (): void => {
    const suggested = destinations.find((item) => item.id === suggestedTo) ?? destinations[0]
    setTo(suggested?.id ?? '')
    setDraft(NEW_SHIFT_DRAFT)
    setProblem(null)
    setOpen(true)
  }
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const shift = shiftFromDraft(draft)
    if (!shift.ok) {
      setProblem(shift.problem)
      return
    }
    const { from, headcount, skill } = shift
    const failed = tryCommand(() => addShift(store.doc, { from, to, headcount, skill }, { by: { id: identity.id, name: identity.name }, ...(workspace ? { workspace } : {}) }))
    setProblem(failed)
    if (!failed) close()
  }

  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={start} ref={button} data-add-shift>
        Add a shift
      </button>
    )
  }
  return (
    <form
      className="add-shift"
      onSubmit={submit}
      aria-label="Add a shift"
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          event.stopPropagation()
          close()
        }
      }}
    >
      <div className="shift-row__fields">
        <FieldFrame id={`${id}-to`} label="To" className="shift-field">
          {/* The person just asked to add a shift: the first field is where they go next. */}
          <DestinationSelect id={`${id}-to`} value={to} items={items} onChange={setTo} autoFocus />
        </FieldFrame>
        <ShiftDraftFields idPrefix={id} draft={draft} onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} fromLabel="From" teams={teams} items={items} />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--small">
          Add shift
        </button>
        <button type="button" className="button button--small button--quiet" onClick={close}>
          Cancel
        </button>
      </div>
      <FormProblem id={`${id}-problem`} problem={problem} />
    </form>
  )
}
