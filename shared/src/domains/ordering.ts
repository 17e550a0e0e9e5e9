/**
 * The hand-kept order of a small list stored as a map of maps (the domain map, the product
 * principles): each entry has a numeric `order`, and moving one swaps it with its neighbour. Two
 * entries added at the same moment by two people can share an order; readers break the tie by name,
 * then id, so every screen shows the same list, and a move of one of them steps half a place past
 * its neighbour instead of swapping equal numbers (which would change nothing).
 */
import type * as Y from 'yjs'
import { ValidationError } from '../review/errors.js'
import { childMap, childMaps, numberField, setIfChanged } from '../review/ymaps.js'

export interface Ordered {
  id: string
  name: string
  order: number
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  return a.order - b.order || a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
}

/** The `order` for a new entry: after every entry in the list. */
export function nextOrder(parent: Y.Map<unknown>): number {
  let max = -1
  for (const [, map] of childMaps(parent)) max = Math.max(max, numberField(map, 'order', -1))
  return max + 1
}

export type MoveDirection = -1 | 1

export function isMoveDirection(value: unknown): value is MoveDirection {
  return value === -1 || value === 1
}

/**
 * Moves the entry `id` one place up (-1) or down (1) in `sorted` (the list as readers see it), in
 * one transaction. Moving the first entry up or the last one down changes nothing.
 */
export function moveOrdered(doc: Y.Doc, parent: Y.Map<unknown>, sorted: readonly Ordered[], id: string, direction: MoveDirection): void {
  if (!isMoveDirection(direction)) throw new ValidationError('A move goes one place up (-1) or down (1).')
  const index = sorted.findIndex((entry) => entry.id === id)
  const moved = sorted[index]
  if (!moved) throw new ValidationError(`There is no entry with id ${id} to move.`)
  const neighbour = sorted[index + direction]
  if (!neighbour) return
  const movedMap = childMap(parent, moved.id)
  const neighbourMap = childMap(parent, neighbour.id)
  if (!movedMap || !neighbourMap) return
  doc.transact(() => {
    if (moved.order === neighbour.order) {
      setIfChanged(movedMap, 'order', neighbour.order + direction / 2)
    } else {
      setIfChanged(movedMap, 'order', neighbour.order)
      setIfChanged(neighbourMap, 'order', moved.order)
    }
  })
}
