import {
  removeShift,
  SHIFT_DURATION_WEEKS_MAX,
  SHIFT_HEADCOUNT_MAX,
  SHIFT_RATIONALE_MAX,
  SHIFT_STATUS_LABELS,
  SHIFT_STATUSES,
  skillLabel,
  updateShift,
  type Shift,
  type ShiftPatch,
  type ShiftStatus,
  type ShiftWarning,
  type Team,
} from '@fourwall/shared'
import { useState } from 'react'
import type * as Y from 'yjs'
import { useBoard } from '../board/BoardContext.js'
import { tryCommand } from '../board/writeItem.js'
import { DestinationSelect } from './DestinationSelect.js'
import { describedByOf, FieldFrame } from '../components/fields/FieldFrame.js'
import { NumberField } from './NumberField.js'
import { RemoveShift } from './RemoveShift.js'
import { ShiftHeading } from './ShiftHeading.js'
import { ShiftWarnings } from './ShiftWarnings.js'
import { SkillField } from './SkillField.js'
import { SourceField } from './SourceField.js'
import type { LedgerItem } from './useLedger.js'
import { WrittenText } from './WrittenText.js'

interface Props {
  shift: Shift
  items: readonly LedgerItem[]
  teams: readonly Team[]
  warnings: readonly ShiftWarning[]
  workspace: Y.Doc | null
}

/**
 * One row of the ledger for someone who may edit it. Every field is written on its own (a select as
 * soon as it changes, a number on Enter or when you leave it, text as you type), so two people
 * editing different fields of the row at once both keep their change.
 */
export function ShiftRow({ shift, items, teams, warnings, workspace }: Props) {
  const { store } = useBoard()
  const [errors, setErrors] = useState<Partial<Record<'to' | 'startDate' | 'status', string | null>>>({})
  const prefix = `shift-${shift.id}`
  const headingId = `${prefix}-heading`
  const update = (patch: ShiftPatch): string | null => tryCommand(() => updateShift(store.doc, shift.id, patch, workspace ? { workspace } : {}))
  const updateShown = (key: 'to' | 'startDate' | 'status', patch: ShiftPatch): void => setErrors((previous) => ({ ...previous, [key]: update(patch) }))

  return (
    <li className="shift-row" id={`shift-${shift.id}`} data-shift-id={shift.id} aria-labelledby={headingId}>
      <ShiftHeading shift={shift} items={items} teams={teams} headingId={headingId} />
      <ShiftWarnings warnings={warnings} />
      <div className="shift-row__fields">
        <SourceField idPrefix={prefix} value={shift.from} teams={teams} items={items} commit={(from) => update({ from })} />
        <FieldFrame id={`${prefix}-to`} label="To" className="shift-field" error={errors.to ?? null}>
          <DestinationSelect
            id={`${prefix}-to`}
            value={shift.to ?? ''}
            items={items}
            describedBy={describedByOf(`${prefix}-to`, { error: errors.to ?? null })}
            onChange={(to) => updateShown('to', { to })}
          />
        </FieldFrame>
        <NumberField
          id={`${prefix}-headcount`}
          label="People"
          value={shift.headcount}
          min={1}
          max={SHIFT_HEADCOUNT_MAX}
          field="headcount"
          commit={(headcount) => (headcount === null ? 'Say how many people move.' : update({ headcount }))}
        />
        <SkillField
          idPrefix={prefix}
          skill={shift.skill}
          customSkill={shift.customSkill}
          commitSkill={(skill) => update({ skill })}
          commitCustomSkill={(customSkill) => update({ customSkill })}
        />
        <FieldFrame id={`${prefix}-start`} label="Start date" className="shift-field" error={errors.startDate ?? null}>
          <input
            id={`${prefix}-start`}
            type="date"
            value={shift.startDate ?? ''}
            data-field="startDate"
            aria-describedby={describedByOf(`${prefix}-start`, { error: errors.startDate ?? null })}
            onChange={(event) => {
              const raw = event.target.value
              // The picker is mid-way through a date: wait for a whole one (or none).
              if (raw !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return
              updateShown('startDate', { startDate: raw === '' ? null : raw })
            }}
          />
        </FieldFrame>
        <NumberField
          id={`${prefix}-duration`}
          label="Expected weeks"
          value={shift.durationWeeks}
          min={1}
          max={SHIFT_DURATION_WEEKS_MAX}
          optional
          field="durationWeeks"
          commit={(durationWeeks) => update({ durationWeeks })}
        />
        <FieldFrame id={`${prefix}-status`} label="Status" className="shift-field" error={errors.status ?? null}>
          <select
            id={`${prefix}-status`}
            value={shift.status}
            data-field="status"
            aria-describedby={describedByOf(`${prefix}-status`, { error: errors.status ?? null })}
            onChange={(event) => updateShown('status', { status: event.target.value as ShiftStatus })}
          >
            {SHIFT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {SHIFT_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </FieldFrame>
        <WrittenText
          id={`${prefix}-rationale`}
          label="Rationale"
          value={shift.rationale}
          maxLength={SHIFT_RATIONALE_MAX}
          multiline
          placeholder="Why this helps the mission, in plain words"
          field="rationale"
          commit={(rationale) => update({ rationale })}
        />
      </div>
      <div className="shift-row__footer">
        {shift.createdBy && <span className="muted small">Recorded by {shift.createdBy.name}</span>}
        <RemoveShift what={`${shift.headcount} × ${skillLabel(shift)}`} remove={() => tryCommand(() => removeShift(store.doc, shift.id))} />
      </div>
    </li>
  )
}
