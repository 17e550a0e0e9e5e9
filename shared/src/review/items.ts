/**
 * The items of a week's public document (`week:<id>`): one per OKR, with this week's status and
 * what the review decided. Past weeks stay browsable because every item keeps its own copy of the
 * OKR's objective, team and domain as they were when the week was created.
 *
 * Yjs shape:
 *
 *   items:  Y.Map<okrId, Y.Map {
 *             objective, keyResults, teamId, teamName, domain, order   (copied from the workspace)
 *             status: 'red' | 'yellow' | 'green' | 'unset'
 *             note: string (one line, ≤ 200), owner: string, ask: string, due: 'YYYY-MM-DD' | null
 *             outcome: Outcome | null                                  (outcome.ts)
 *             streak: number, history: TrendEntry[]                    (written by carry-over only)
 *           }>
 *   review: Y.Map { weekId, createdFrom: WeekId | null, createdAt }    (week-level facts)
 *
 * Each item is its own Y.Map, so a status change writes one key of one item: observers of other
 * items never fire, and two people editing different fields of the same item both keep their edit.
 * The `meta` map (reviewDoc.ts) belongs to the server and is only read here, to refuse edits to a
 * closed week before the server would.
 *
 * Commands validate first and throw a ValidationError with a sentence; each is one transaction and
 * writes only the fields whose value changes (returning whether anything changed).
 */
import type * as Y from 'yjs'
import { NAME_MAX } from '../people.js'
import { readWeekClosed } from '../reviewDoc.js'
import { isWeekId, type WeekId } from '../week.js'
import { isDomain, type Domain } from './domains.js'
import { check, ValidationError } from './errors.js'
import { parseOutcomeInput, readOutcome, type Outcome, type OutcomeInput, type PersonRef } from './outcome.js'
import { atRiskWeeksOf, isStatus, TREND_WEEKS, trendOf, type Status, type TrendEntry } from './status.js'
import { isIsoDate, isoDateError, lineError } from './validation.js'
import { compareOkrs } from './workspace.js'
import { childMap, childMaps, numberField, setIfChanged, stringField, type EntryMap } from './ymaps.js'

export const ITEMS_MAP = 'items'
export const REVIEW_MAP = 'review'

export const NOTE_MAX = 200
export const OWNER_MAX = NAME_MAX
export const ASK_MAX = 300

/** An item as the board shows it: stored fields plus the derived counter and trend. */
export interface ReviewItem {
  /** The OKR's id: items are keyed by it, and the meeting focuses an item by it. */
  id: string
  objective: string
  keyResults: string[]
  teamId: string
  teamName: string
  domain: Domain
  order: number
  status: Status
  note: string
  owner: string
  ask: string
  due: string | null
  outcome: Outcome | null
  /** Weeks at risk in a row brought into this week (status.ts). */
  streak: number
  /** Weeks in a row at risk and unresolved, this week included; 0 unless Red or Yellow. */
  atRiskWeeks: number
  /** The last TREND_WEEKS reviewed weeks' statuses, oldest first, this week last. */
  trend: TrendEntry[]
}

export interface ReviewInfo {
  weekId: WeekId
  /** The week this one was carried over from; null for the first week. */
  createdFrom: WeekId | null
  createdAt: string
}

export function itemsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ITEMS_MAP)
}

export function reviewMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REVIEW_MAP)
}

// ---- reading ---------------------------------------------------------------------------------

export function readReviewInfo(doc: Y.Doc): ReviewInfo | null {
  const map = reviewMap(doc)
  const weekId = map.get('weekId')
  const createdFrom = map.get('createdFrom')
  const createdAt = map.get('createdAt')
  if (!isWeekId(weekId)) return null
  return { weekId, createdFrom: isWeekId(createdFrom) ? createdFrom : null, createdAt: typeof createdAt === 'string' ? createdAt : '' }
}

function readHistory(value: unknown): TrendEntry[] {
  if (!Array.isArray(value)) return []
  const entries: TrendEntry[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue
    const { weekId, status } = entry as Record<string, unknown>
    if (isStatus(status)) entries.push({ weekId: isWeekId(weekId) ? weekId : null, status })
  }
  return entries.slice(-(TREND_WEEKS - 1))
}

/** Reads one item map; every field falls back to a safe default when a peer wrote nonsense. */
export function itemFrom(id: string, map: EntryMap, weekId: WeekId | null): ReviewItem {
  const rawStatus = map.get('status')
  const status: Status = isStatus(rawStatus) ? rawStatus : 'unset'
  const rawDomain = map.get('domain')
  const rawResults = map.get('keyResults')
  const rawDue = map.get('due')
  const rawStreak = numberField(map, 'streak', 0)
  const streak = Number.isInteger(rawStreak) && rawStreak > 0 ? rawStreak : 0
  const history = readHistory(map.get('history'))
  return {
    id,
    objective: stringField(map, 'objective'),
    keyResults: Array.isArray(rawResults) ? rawResults.filter((kr): kr is string => typeof kr === 'string') : [],
    teamId: stringField(map, 'teamId'),
    teamName: stringField(map, 'teamName'),
    domain: isDomain(rawDomain) ? rawDomain : 'shared',
    order: numberField(map, 'order', Number.MAX_SAFE_INTEGER),
    status,
    note: stringField(map, 'note'),
    owner: stringField(map, 'owner'),
    ask: stringField(map, 'ask'),
    due: isIsoDate(rawDue) ? rawDue : null,
    outcome: readOutcome(map.get('outcome')),
    streak,
    atRiskWeeks: atRiskWeeksOf(status, streak),
    trend: trendOf(history, weekId, status),
  }
}

export function readItem(doc: Y.Doc, okrId: string): ReviewItem | null {
  const map = childMap(itemsMap(doc), okrId)
  return map ? itemFrom(okrId, map, readReviewInfo(doc)?.weekId ?? null) : null
}

/** Every item in board order (the workspace's order, then objective). */
export function listItems(doc: Y.Doc): ReviewItem[] {
  const weekId = readReviewInfo(doc)?.weekId ?? null
  return childMaps(itemsMap(doc))
    .map(([id, map]) => itemFrom(id, map, weekId))
    .sort(compareOkrs)
}

// ---- observing -------------------------------------------------------------------------------

/**
 * Calls `onChange` with the ids of the items a transaction touched (added, removed or edited),
 * local or remote, so a board re-renders those rows only. Returns the unsubscribe function.
 */
export function observeItems(doc: Y.Doc, onChange: (okrIds: Set<string>) => void): () => void {
  const items = itemsMap(doc)
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const ids = new Set<string>()
    for (const event of events) {
      if (event.target === items) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key)
      else if (typeof event.path[0] === 'string') ids.add(event.path[0])
    }
    if (ids.size > 0) onChange(ids)
  }
  items.observeDeep(handler)
  return () => items.unobserveDeep(handler)
}

/**
 * Calls `onChange` whenever one item changes, including when its map is replaced (a rebuilt week)
 * or removed. Returns the unsubscribe function.
 */
export function observeItem(doc: Y.Doc, okrId: string, onChange: () => void): () => void {
  const items = itemsMap(doc)
  let current: EntryMap | null = null
  const onItem = (): void => onChange()
  const bind = (): void => {
    current?.unobserve(onItem)
    current = childMap(items, okrId)
    current?.observe(onItem)
  }
  const onItems = (event: Y.YMapEvent<unknown>): void => {
    if (!event.keysChanged.has(okrId)) return
    bind()
    onChange()
  }
  bind()
  items.observe(onItems)
  return () => {
    items.unobserve(onItems)
    current?.unobserve(onItem)
  }
}

// ---- validation ------------------------------------------------------------------------------

export function statusError(status: unknown): string | null {
  return isStatus(status) ? null : 'A status is red, yellow, green or unset.'
}

export function noteError(note: unknown): string | null {
  return lineError(note, 'A status note', NOTE_MAX)
}

export function ownerError(owner: unknown): string | null {
  return lineError(owner, 'The owner', OWNER_MAX)
}

export function askError(ask: unknown): string | null {
  return lineError(ask, 'The ask', ASK_MAX)
}

export function dueError(due: unknown): string | null {
  return due === null ? null : isoDateError(due, 'The due date')
}

// ---- commands --------------------------------------------------------------------------------

/** The fields of an item people edit during the week. */
export interface ItemPatch {
  status?: Status
  note?: string
  owner?: string
  ask?: string
  due?: string | null
}

/** Refuses edits to a closed week (the server would refuse them too, after the fact). */
export function assertWeekOpen(doc: Y.Doc): void {
  if (readWeekClosed(doc)) throw new ValidationError('This week is closed.')
}

function requireItem(doc: Y.Doc, okrId: string): EntryMap {
  const map = childMap(itemsMap(doc), okrId)
  if (!map) throw new ValidationError(`This week has no item for OKR ${okrId}.`)
  return map
}

/** Several fields at once, in one transaction (a form's save). Validates every field first. */
export function updateItem(doc: Y.Doc, okrId: string, patch: ItemPatch): boolean {
  assertWeekOpen(doc)
  const map = requireItem(doc, okrId)
  if (patch.status !== undefined) check(statusError(patch.status), 'status')
  if (patch.note !== undefined) check(noteError(patch.note), 'note')
  if (patch.owner !== undefined) check(ownerError(patch.owner), 'owner')
  if (patch.ask !== undefined) check(askError(patch.ask), 'ask')
  if (patch.due !== undefined) check(dueError(patch.due), 'due')
  let changed = false
  doc.transact(() => {
    for (const key of ['status', 'note', 'owner', 'ask', 'due'] as const) {
      const value = patch[key]
      if (value !== undefined && setIfChanged(map, key, value)) changed = true
    }
  })
  return changed
}

export function setStatus(doc: Y.Doc, okrId: string, status: Status): boolean {
  return updateItem(doc, okrId, { status })
}

export function setNote(doc: Y.Doc, okrId: string, note: string): boolean {
  return updateItem(doc, okrId, { note })
}

export function setOwner(doc: Y.Doc, okrId: string, owner: string): boolean {
  return updateItem(doc, okrId, { owner })
}

export function setAsk(doc: Y.Doc, okrId: string, ask: string): boolean {
  return updateItem(doc, okrId, { ask })
}

export function setDue(doc: Y.Doc, okrId: string, due: string | null): boolean {
  return updateItem(doc, okrId, { due })
}

export interface RecordOptions {
  /** Who records the outcome. */
  by: PersonRef
  /** When; now by default. */
  now?: Date
}

/** Records (or replaces) the outcome of a discussed item. */
export function recordOutcome(doc: Y.Doc, okrId: string, input: OutcomeInput, options: RecordOptions): Outcome {
  assertWeekOpen(doc)
  const map = requireItem(doc, okrId)
  const parsed = parseOutcomeInput(input)
  if (!parsed.ok) throw new ValidationError(parsed.error, 'outcome')
  const { by } = options
  if (typeof by?.id !== 'string' || by.id === '' || typeof by.name !== 'string') {
    throw new ValidationError('An outcome is recorded by a person (an id and a name).', 'recordedBy')
  }
  const outcome: Outcome = { ...parsed.value, recordedBy: { id: by.id, name: by.name }, at: (options.now ?? new Date()).toISOString() }
  doc.transact(() => map.set('outcome', outcome))
  return outcome
}

export function clearOutcome(doc: Y.Doc, okrId: string): boolean {
  assertWeekOpen(doc)
  const map = requireItem(doc, okrId)
  if (map.get('outcome') === null || !map.has('outcome')) return false
  doc.transact(() => map.set('outcome', null))
  return true
}
