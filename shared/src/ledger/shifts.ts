/**
 * The resource-shift ledger of a week, in the week's PUBLIC document (`week:<id>`): everyone who
 * reads the week sees where people moved, and whoever may edit the week records it.
 *
 * Yjs shape:
 *
 *   shifts: Y.Map<shiftId, Y.Map {
 *             from: {kind:'team', teamId} | {kind:'item', okrId} | {kind:'other', label}
 *             to: okrId (a Red or Yellow item of the week when it was chosen)
 *             headcount: positive integer, skill: Skill, customSkill: string
 *             startDate: 'YYYY-MM-DD' | null, durationWeeks: integer | null
 *             status: 'proposed' | 'agreed' | 'done' | 'reverted', rationale: string
 *             decisionId: string | null, createdBy: {id, name}, createdAt: ISO time, order: number
 *           }>
 *
 * Each row is its own Y.Map and each field its own key, so two people editing different fields of
 * one row at the same moment both keep their change (Yjs resolves per key); only two edits of the
 * same field compete, and the last one wins everywhere alike. `from` is one plain object because
 * its kind and its id only make sense together.
 *
 * Commands validate first and throw a ValidationError with a sentence; each is one transaction and
 * refuses a closed week, like the item commands (review/items.ts).
 */
import type * as Y from 'yjs'
import { check, ValidationError } from '../review/errors.js'
import { randomId } from '../review/ids.js'
import { assertWeekOpen, readItem } from '../review/items.js'
import type { PersonRef } from '../review/outcome.js'
import { isAtRisk, STATUS_LABELS } from '../review/status.js'
import { idError, isId, isIsoDate } from '../review/validation.js'
import { childMap, childMaps, newEntry, numberField, setIfChanged, stringField, type EntryMap } from '../review/ymaps.js'
import { readTeam, type IdOption } from '../review/workspace.js'
import { isShiftStatus, isSkill, type Shift, type ShiftSource, type ShiftStatus, type Skill } from './shift.js'
import {
  shiftCustomSkillError,
  shiftDecisionIdError,
  shiftDurationError,
  parseShiftSource,
  shiftRationaleError,
  shiftHeadcountError,
  shiftStatusError,
  shiftSkillError,
  shiftStartDateError,
  shiftToError,
} from './validation.js'

export const SHIFTS_MAP = 'shifts'

export function shiftsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(SHIFTS_MAP)
}

// ---- reading ---------------------------------------------------------------------------------

function readPerson(value: unknown): PersonRef | null {
  if (typeof value !== 'object' || value === null) return null
  const { id, name } = value as Record<string, unknown>
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : null
}

/** Reads one row; every field falls back to a safe default when a peer wrote nonsense. */
export function shiftFrom(id: string, map: EntryMap): Shift {
  const source = parseShiftSource(map.get('from'))
  const to = map.get('to')
  const headcount = map.get('headcount')
  const skill = map.get('skill')
  const startDate = map.get('startDate')
  const duration = map.get('durationWeeks')
  const status = map.get('status')
  const decisionId = map.get('decisionId')
  return {
    id,
    from: source.ok ? source.value : null,
    to: isId(to) ? to : null,
    headcount: shiftHeadcountError(headcount) === null ? (headcount as number) : 1,
    skill: isSkill(skill) ? skill : 'custom',
    customSkill: stringField(map, 'customSkill'),
    startDate: isIsoDate(startDate) ? startDate : null,
    durationWeeks: duration !== null && shiftDurationError(duration) === null ? (duration as number) : null,
    status: isShiftStatus(status) ? status : 'proposed',
    rationale: stringField(map, 'rationale'),
    decisionId: isId(decisionId) ? decisionId : null,
    createdBy: readPerson(map.get('createdBy')),
    createdAt: stringField(map, 'createdAt'),
    order: numberField(map, 'order', Number.MAX_SAFE_INTEGER),
  }
}

export function compareShifts(a: Pick<Shift, 'order' | 'createdAt' | 'id'>, b: Pick<Shift, 'order' | 'createdAt' | 'id'>): number {
  // Two people adding at once get the same order: the earlier one, then the id, comes first everywhere.
  return a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
}

/** Every row of the ledger, in the order they were added. */
export function listShifts(doc: Y.Doc): Shift[] {
  return childMaps(shiftsMap(doc))
    .map(([id, map]) => shiftFrom(id, map))
    .sort(compareShifts)
}

export function readShift(doc: Y.Doc, id: string): Shift | null {
  const map = childMap(shiftsMap(doc), id)
  return map ? shiftFrom(id, map) : null
}

/**
 * Calls `onChange` with the ids of the rows a transaction added, removed or edited, local or
 * remote. Returns the unsubscribe function.
 */
export function observeShifts(doc: Y.Doc, onChange: (shiftIds: Set<string>) => void): () => void {
  const shifts = shiftsMap(doc)
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const ids = new Set<string>()
    for (const event of events) {
      if (event.target === shifts) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key)
      else if (typeof event.path[0] === 'string') ids.add(event.path[0])
    }
    if (ids.size > 0) onChange(ids)
  }
  shifts.observeDeep(handler)
  return () => shifts.unobserveDeep(handler)
}

// ---- commands --------------------------------------------------------------------------------

/** A new row as a form sends it; what is left out gets its default (proposed, no dates, no rationale). */
export interface ShiftInput {
  from: ShiftSource
  to: string
  headcount: number
  skill: Skill
  customSkill?: string
  startDate?: string | null
  durationWeeks?: number | null
  status?: ShiftStatus
  rationale?: string
  decisionId?: string | null
}

/** The fields people edit one at a time on the board. */
export type ShiftPatch = Partial<ShiftInput>

export interface ShiftCheckOptions {
  /** The workspace, to check that a team named as the source exists; without it only its id's shape is checked. */
  workspace?: Y.Doc
}

export interface AddShiftOptions extends IdOption, ShiftCheckOptions {
  /** Who records the shift. */
  by: PersonRef
  /** When; now by default. */
  now?: Date
}

/** The Red or Yellow item the people go to. Checked only when it is chosen: it may turn Green later. */
function requireDestination(doc: Y.Doc, okrId: string): void {
  check(shiftToError(okrId), 'to')
  const item = readItem(doc, okrId)
  if (!item) throw new ValidationError(`This week has no item for OKR ${okrId}.`, 'to')
  if (!isAtRisk(item.status)) {
    throw new ValidationError(`People go to a Red or Yellow item; "${item.objective}" is ${STATUS_LABELS[item.status]}.`, 'to')
  }
}

function requireSource(doc: Y.Doc, value: unknown, to: string | null, options: ShiftCheckOptions): ShiftSource {
  const parsed = parseShiftSource(value)
  if (!parsed.ok) throw new ValidationError(parsed.error, 'from')
  const source = parsed.value
  if (source.kind === 'item') {
    if (!readItem(doc, source.okrId)) throw new ValidationError(`This week has no item for OKR ${source.okrId}.`, 'from')
    if (source.okrId === to) throw new ValidationError('People move from one item to another: choose a different item to take them from.', 'from')
  }
  if (source.kind === 'team' && options.workspace && !readTeam(options.workspace, source.teamId)) {
    throw new ValidationError(`There is no team with id ${source.teamId}.`, 'from')
  }
  return source
}

/** Checks the plain fields of a patch (everything but from and to). */
function checkFields(patch: ShiftPatch): void {
  if (patch.headcount !== undefined) check(shiftHeadcountError(patch.headcount), 'headcount')
  if (patch.skill !== undefined) check(shiftSkillError(patch.skill), 'skill')
  if (patch.customSkill !== undefined) check(shiftCustomSkillError(patch.customSkill), 'customSkill')
  if (patch.startDate !== undefined) check(shiftStartDateError(patch.startDate), 'startDate')
  if (patch.durationWeeks !== undefined) check(shiftDurationError(patch.durationWeeks), 'durationWeeks')
  if (patch.status !== undefined) check(shiftStatusError(patch.status), 'status')
  if (patch.rationale !== undefined) check(shiftRationaleError(patch.rationale), 'rationale')
  if (patch.decisionId !== undefined) check(shiftDecisionIdError(patch.decisionId), 'decisionId')
}

function nextShiftOrder(doc: Y.Doc): number {
  let max = -1
  for (const [, map] of childMaps(shiftsMap(doc))) max = Math.max(max, numberField(map, 'order', -1))
  return max + 1
}

export function addShift(doc: Y.Doc, input: ShiftInput, options: AddShiftOptions): Shift {
  assertWeekOpen(doc)
  if (typeof input !== 'object' || input === null) throw new ValidationError('A shift needs where people come from, where they go, how many and their skill.')
  requireDestination(doc, input.to)
  const from = requireSource(doc, input.from, input.to, options)
  checkFields(input)
  const { by } = options
  if (typeof by?.id !== 'string' || by.id === '' || typeof by.name !== 'string') {
    throw new ValidationError('A shift is recorded by a person (an id and a name).', 'createdBy')
  }
  const id = (options.newId ?? randomId)()
  check(idError(id, 'A new shift id'))
  if (shiftsMap(doc).has(id)) throw new ValidationError(`A shift with id ${id} already exists.`)
  const fields = {
    from,
    to: input.to,
    headcount: input.headcount,
    skill: input.skill,
    customSkill: input.customSkill?.trim() ?? '',
    startDate: input.startDate ?? null,
    durationWeeks: input.durationWeeks ?? null,
    status: input.status ?? 'proposed',
    rationale: input.rationale ?? '',
    decisionId: input.decisionId ?? null,
    createdBy: { id: by.id, name: by.name },
    createdAt: (options.now ?? new Date()).toISOString(),
    order: nextShiftOrder(doc),
  }
  doc.transact(() => shiftsMap(doc).set(id, newEntry(fields)))
  return { id, ...fields }
}

function requireShiftMap(doc: Y.Doc, id: string): EntryMap {
  const map = childMap(shiftsMap(doc), id)
  if (!map) throw new ValidationError(`This week's ledger has no shift with id ${id}; someone may have removed it.`)
  return map
}

/**
 * Changes only the given fields, and of those only the ones whose value differs, so a field edited
 * on the board writes one key and never overwrites a field someone else is editing.
 */
export function updateShift(doc: Y.Doc, id: string, patch: ShiftPatch, options: ShiftCheckOptions = {}): boolean {
  assertWeekOpen(doc)
  const map = requireShiftMap(doc, id)
  if (typeof patch !== 'object' || patch === null) throw new ValidationError('A change to a shift names the fields it changes.')
  const current = shiftFrom(id, map)
  const to = patch.to ?? current.to
  if (patch.to !== undefined && patch.to !== current.to) requireDestination(doc, patch.to)
  let from: ShiftSource | undefined
  if (patch.from !== undefined) from = requireSource(doc, patch.from, to, options)
  else if (patch.to !== undefined && current.from?.kind === 'item' && current.from.okrId === patch.to) {
    throw new ValidationError('People move from one item to another: the people already come from that item.', 'to')
  }
  checkFields(patch)
  let changed = false
  doc.transact(() => {
    const set = (key: string, value: unknown): void => {
      if (setIfChanged(map, key, value)) changed = true
    }
    if (from !== undefined) set('from', from)
    if (patch.to !== undefined) set('to', patch.to)
    if (patch.customSkill !== undefined) set('customSkill', patch.customSkill.trim())
    for (const key of ['headcount', 'skill', 'startDate', 'durationWeeks', 'status', 'rationale', 'decisionId'] as const) {
      const value = patch[key]
      if (value !== undefined) set(key, value)
    }
  })
  return changed
}

export function removeShift(doc: Y.Doc, id: string): void {
  assertWeekOpen(doc)
  requireShiftMap(doc, id)
  doc.transact(() => shiftsMap(doc).delete(id))
}

