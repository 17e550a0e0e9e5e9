import { addShift, SHIFT_HEADCOUNT_MAX, SKILL_LABELS, SKILLS, type Skill, type Team } from '@fourwall/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import { useBoard } from '../board/BoardContext.js'
import { tryCommand } from '../board/writeItem.js'
import { FormProblem } from '../components/FormProblem.js'
import { itemsAsDestinations, OTHER_SOURCE, sourceFromKey } from './ledgerText.js'
import { DestinationSelect } from './DestinationSelect.js'
import { SourceSelect } from './SourceSelect.js'
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
  const [from, setFrom] = useState('')
  const [label, setLabel] = useState('')
  const [headcount, setHeadcount] = useState('1')
  const [skill, setSkill] = useState<Skill>('mobile')
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
    setFrom('')
    setLabel('')
    setHeadcount('1')
    setSkill('mobile')
    setProblem(null)
    setOpen(true)
  }
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const source = sourceFromKey(from, label)
    if (!source) {
      setProblem('Say where the people come from: a team, an item of this week, or another place in words.')
      return
    }
    const failed = tryCommand(() =>
      addShift(store.doc, { from: source, to, headcount: Number(headcount), skill }, { by: { id: identity.id, name: identity.name }, ...(workspace ? { workspace } : {}) }),
    )
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
        <div className="field shift-field">
          <label htmlFor={`${id}-to`}>To</label>
          {/* The person just asked to add a shift: the first field is where they go next. */}
          <DestinationSelect id={`${id}-to`} value={to} items={items} onChange={setTo} autoFocus />
        </div>
        <div className="field shift-field">
          <label htmlFor={`${id}-from`}>From</label>
          <SourceSelect id={`${id}-from`} value={from} teams={teams} items={items} onChange={setFrom} />
        </div>
        {from === OTHER_SOURCE && (
          <div className="field shift-field">
            <label htmlFor={`${id}-label`}>From where, in words</label>
            <input id={`${id}-label`} type="text" value={label} placeholder="New hires, contractors…" onChange={(event) => setLabel(event.target.value)} />
          </div>
        )}
        <div className="field shift-field">
          <label htmlFor={`${id}-headcount`}>People</label>
          <input
            id={`${id}-headcount`}
            type="number"
            inputMode="numeric"
            min={1}
            max={SHIFT_HEADCOUNT_MAX}
            step={1}
            value={headcount}
            onChange={(event) => setHeadcount(event.target.value)}
          />
        </div>
        <div className="field shift-field">
          <label htmlFor={`${id}-skill`}>Skill</label>
          <select id={`${id}-skill`} value={skill} onChange={(event) => setSkill(event.target.value as Skill)}>
            {SKILLS.map((option) => (
              <option key={option} value={option}>
                {SKILL_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
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
