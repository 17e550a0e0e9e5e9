/**
 * A resource shift: people moved during the Monday review ("two mobile engineers from Search to the
 * Android launch"). The words and types every part of the ledger shares; the document shape and the
 * commands are in shifts.ts.
 */
import type { PersonRef } from '../review/outcome.js'

/** Where people come from: a whole team, the team behind an item of the week, or somewhere else. */
export type ShiftSource = { kind: 'team'; teamId: string } | { kind: 'item'; okrId: string } | { kind: 'other'; label: string }

export const SKILLS = ['mobile', 'front-end', 'back-end', 'data', 'design', 'custom'] as const
export type Skill = (typeof SKILLS)[number]

export const SKILL_LABELS: Record<Skill, string> = {
  mobile: 'Mobile',
  'front-end': 'Front end',
  'back-end': 'Back end',
  data: 'Data',
  design: 'Design',
  custom: 'Other skill',
}

/**
 * A shift is proposed in the room, agreed by both leads, done once the people have moved, and
 * reverted when it was undone (it then no longer counts toward any team's capacity).
 */
export const SHIFT_STATUSES = ['proposed', 'agreed', 'done', 'reverted'] as const
export type ShiftStatus = (typeof SHIFT_STATUSES)[number]

export const SHIFT_STATUS_LABELS: Record<ShiftStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  done: 'Done',
  reverted: 'Reverted',
}

export interface Shift {
  id: string
  from: ShiftSource | null
  /** The OKR id of the Red or Yellow item of the week the people go to; null only when a peer wrote nonsense. */
  to: string | null
  headcount: number
  skill: Skill
  /** The skill in words when `skill` is custom; empty otherwise (and until someone names it). */
  customSkill: string
  startDate: string | null
  durationWeeks: number | null
  status: ShiftStatus
  rationale: string
  /** The decision this shift belongs to, once the decisions ledger links it. */
  decisionId: string | null
  createdBy: PersonRef | null
  createdAt: string
  order: number
}

export function isSkill(value: unknown): value is Skill {
  return typeof value === 'string' && (SKILLS as readonly string[]).includes(value)
}

export function isShiftStatus(value: unknown): value is ShiftStatus {
  return typeof value === 'string' && (SHIFT_STATUSES as readonly string[]).includes(value)
}

/** The skill as people read it: "Mobile", or the custom skill's own words. */
export function skillLabel(shift: Pick<Shift, 'skill' | 'customSkill'>): string {
  return shift.skill === 'custom' ? shift.customSkill.trim() || SKILL_LABELS.custom : SKILL_LABELS[shift.skill]
}
