import { SHIFT_HEADCOUNT_MAX, type ShiftSource, type Skill, type Team } from '@fourwall/shared'
import { FieldFrame } from '../components/fields/FieldFrame.js'
import { OTHER_SOURCE, sourceFromKey } from './ledgerText.js'
import { SkillSelect } from './SkillSelect.js'
import { SourceSelect } from './SourceSelect.js'
import type { LedgerItem } from './useLedger.js'

/** A shift being added, as its form holds it: the source's select key and words, the people as typed. */
export interface ShiftDraft {
  from: string
  label: string
  headcount: string
  skill: Skill
}

export const NEW_SHIFT_DRAFT: ShiftDraft = { from: '', label: '', headcount: '1', skill: 'mobile' }

export type DraftedShift = { ok: true; from: ShiftSource; headcount: number; skill: Skill } | { ok: false; problem: string }

/** The draft as addShift takes it, or the sentence for what the form still needs; addShift checks the rest. */
export function shiftFromDraft(draft: ShiftDraft): DraftedShift {
  const from = sourceFromKey(draft.from, draft.label)
  if (!from) return { ok: false, problem: 'Say where the people come from: a team, an item of this week, or another place in words.' }
  return { ok: true, from, headcount: Number(draft.headcount), skill: draft.skill }
}

interface Props {
  /** Prefix for the fields' ids (useId). */
  idPrefix: string
  draft: ShiftDraft
  onChange(patch: Partial<ShiftDraft>): void
  /** The source's label: "From" beside a "To", "Take people from" where the item is the destination. */
  fromLabel: string
  teams: readonly Team[]
  /** The items people may come from. */
  items: readonly LedgerItem[]
}

/**
 * Where the people come from (a team, an item, or words), how many and which skill: the part that
 * "Add a shift" and an outcome's "Record it in the ledger" both ask before a row exists.
 */
export function ShiftDraftFields({ idPrefix, draft, onChange, fromLabel, teams, items }: Props) {
  return (
    <>
      <FieldFrame id={`${idPrefix}-from`} label={fromLabel} className="shift-field">
        <SourceSelect id={`${idPrefix}-from`} value={draft.from} teams={teams} items={items} onChange={(from) => onChange({ from })} />
      </FieldFrame>
      {draft.from === OTHER_SOURCE && (
        <FieldFrame id={`${idPrefix}-label`} label="From where, in words" className="shift-field">
          <input
            id={`${idPrefix}-label`}
            type="text"
            value={draft.label}
            placeholder="New hires, contractors…"
            onChange={(event) => onChange({ label: event.target.value })}
          />
        </FieldFrame>
      )}
      <FieldFrame id={`${idPrefix}-headcount`} label="People" className="shift-field">
        <input
          id={`${idPrefix}-headcount`}
          type="number"
          inputMode="numeric"
          min={1}
          max={SHIFT_HEADCOUNT_MAX}
          step={1}
          value={draft.headcount}
          onChange={(event) => onChange({ headcount: event.target.value })}
        />
      </FieldFrame>
      <FieldFrame id={`${idPrefix}-skill`} label="Skill" className="shift-field">
        <SkillSelect id={`${idPrefix}-skill`} value={draft.skill} onChange={(skill) => onChange({ skill })} />
      </FieldFrame>
    </>
  )
}
