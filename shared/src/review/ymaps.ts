/**
 * Helpers for the "map of maps" shape both review documents use: a top-level Y.Map keyed by id
 * whose values are Y.Maps, one per team, OKR or item. One entry per Y.Map means a remote edit to one
 * OKR fires observers on that OKR's map only, so a board of 300 rows re-renders one row.
 *
 * Anyone with write access can put anything into a document (the server checks who writes, not
 * what), so readers never trust a value's type: entries that are not Y.Maps are skipped.
 */
import * as Y from 'yjs'

export type EntryMap = Y.Map<unknown>

/** The child Y.Map stored under `id`, or null when there is none (or something else is there). */
export function childMap(parent: Y.Map<unknown>, id: string): EntryMap | null {
  const value = parent.get(id)
  return value instanceof Y.Map ? (value as EntryMap) : null
}

/** Every [id, child map] pair, skipping values that are not Y.Maps. */
export function childMaps(parent: Y.Map<unknown>): Array<[string, EntryMap]> {
  const entries: Array<[string, EntryMap]> = []
  parent.forEach((value, id) => {
    if (value instanceof Y.Map) entries.push([id, value as EntryMap])
  })
  return entries
}

/** A new child map holding `fields`, to be inserted into a parent map inside a transaction. */
export function newEntry(fields: Record<string, unknown>): EntryMap {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) map.set(key, value)
  return map
}

/**
 * Writes a field only when its value changes: a no-op edit then sends no update and wakes no
 * observer. Values are plain JSON (strings, numbers, null, arrays and objects of them).
 */
export function setIfChanged(map: EntryMap, key: string, value: unknown): boolean {
  if (sameValue(map.get(key), value)) return false
  map.set(key, value)
  return true
}

/** Whether a stored field already holds `value` (plain JSON compared by content). */
export function sameValue(current: unknown, value: unknown): boolean {
  if (current === value) return true
  return typeof value === 'object' && value !== null && JSON.stringify(current) === JSON.stringify(value)
}

export function stringField(map: EntryMap, key: string, fallback = ''): string {
  const value = map.get(key)
  return typeof value === 'string' ? value : fallback
}

export function numberField(map: EntryMap, key: string, fallback: number): number {
  const value = map.get(key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
