/**
 * Checks of a shift's fields, each returning null when the value is acceptable, else a sentence a
 * person can act on. Shape only: whether the items and teams named exist is checked by the commands
 * (shifts.ts), which have the documents.
 */
import type { Parsed } from '../meeting.js'
import { TEAM_MAX } from '../people.js'
import { idError, isoDateError, lineError } from '../review/validation.js'
import { isShiftStatus, isSkill, SHIFT_STATUSES, SKILLS, type ShiftSource } from './shift.js'

/** More people than this in one row is a reorganisation, not a shift. */
export const SHIFT_HEADCOUNT_MAX = 1_000
/** Two years: longer is a permanent move, recorded as such by leaving the duration empty. */
export const SHIFT_DURATION_WEEKS_MAX = 104
export const SHIFT_SKILL_MAX = 40
export const SHIFT_SOURCE_LABEL_MAX = TEAM_MAX
export const SHIFT_RATIONALE_MAX = 1_000

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]'
}

/** A `from` as a form or a peer sends it; unknown keys are dropped and the label trimmed. */
export function parseShiftSource(value: unknown): Parsed<ShiftSource> {
  const problem = 'Say where the people come from: a team, an item of this week, or another place in words.'
  if (!isPlainObject(value)) return { ok: false, error: problem }
  switch (value.kind) {
    case 'team': {
      const error = idError(value.teamId, 'A team id')
      return error ? { ok: false, error } : { ok: true, value: { kind: 'team', teamId: value.teamId as string } }
    }
    case 'item': {
      const error = idError(value.okrId, 'An item id')
      return error ? { ok: false, error } : { ok: true, value: { kind: 'item', okrId: value.okrId as string } }
    }
    case 'other': {
      const label = typeof value.label === 'string' ? value.label.trim() : value.label
      const error = lineError(label, 'Where the people come from', SHIFT_SOURCE_LABEL_MAX, true)
      return error ? { ok: false, error } : { ok: true, value: { kind: 'other', label: label as string } }
    }
    default:
      return { ok: false, error: problem }
  }
}

export function shiftSourceError(value: unknown): string | null {
  const parsed = parseShiftSource(value)
  return parsed.ok ? null : parsed.error
}

export function shiftToError(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? idError(value, 'The item the people go to') : 'Choose the Red or Yellow item the people go to.'
}

export function shiftHeadcountError(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > SHIFT_HEADCOUNT_MAX) {
    return `The headcount is a whole number of people from 1 to ${SHIFT_HEADCOUNT_MAX}.`
  }
  return null
}

export function shiftSkillError(value: unknown): string | null {
  return isSkill(value) ? null : `The skill is one of ${SKILLS.join(', ')}.`
}

export function shiftCustomSkillError(value: unknown): string | null {
  return lineError(value, 'The skill', SHIFT_SKILL_MAX)
}

export function shiftStartDateError(value: unknown): string | null {
  return value === null ? null : isoDateError(value, 'The start date')
}

export function shiftDurationError(value: unknown): string | null {
  if (value === null) return null
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > SHIFT_DURATION_WEEKS_MAX) {
    return `The expected duration is a whole number of weeks from 1 to ${SHIFT_DURATION_WEEKS_MAX}, or empty when open-ended.`
  }
  return null
}

export function shiftStatusError(value: unknown): string | null {
  return isShiftStatus(value) ? null : `A shift is ${SHIFT_STATUSES.join(', ')}.`
}

/** A few sentences; line breaks are fine, a rationale is read, not scanned. */
export function shiftRationaleError(value: unknown): string | null {
  if (typeof value !== 'string') return 'The rationale must be text.'
  return value.length > SHIFT_RATIONALE_MAX ? `The rationale has at most ${SHIFT_RATIONALE_MAX} characters.` : null
}

export function shiftDecisionIdError(value: unknown): string | null {
  return value === null ? null : idError(value, 'The decision id')
}
