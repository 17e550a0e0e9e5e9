/**
 * The Monday review's agenda, built from the week's items. The framework's rule: skip the Green
 * items, discuss only Red (blocked) and Yellow (at risk). So:
 *
 * 1. `discuss`: Red items, longest at risk first (highest `atRiskWeeks`), then Yellow items the same
 *    way; ties keep the board order (the workspace's order, then objective, then id).
 * 2. `unset`: items nobody gave a status this week, shown after Yellow as "needs a status". They are
 *    not discussed (there is nothing to discuss yet) and do not count in the progress, but they sit
 *    above the green fold so an unknown is never mistaken for "fine".
 * 3. `green`: folded into one line ("14 green, skipped") that can be opened.
 *
 * `progress` counts the Red and Yellow items: an item is discussed once it has an outcome.
 * A pure function over plain items, so the client recomputes it on every change and tests need
 * no document.
 */
import type { Outcome } from './outcome.js'
import type { Status } from './status.js'

/** What the agenda needs of an item (ReviewItem has all of it). */
export interface AgendaItem {
  id: string
  status: Status
  atRiskWeeks: number
  order: number
  objective: string
  outcome: Outcome | null
}

export interface AgendaProgress {
  /** Red and Yellow items. */
  total: number
  /** Of those, the ones with an outcome. */
  discussed: number
  left: number
}

export interface Agenda<T extends AgendaItem> {
  discuss: T[]
  unset: T[]
  green: T[]
  progress: AgendaProgress
  /** The first item to discuss that has no outcome yet; null when the review is done. */
  next: T | null
}

function byLongestAtRisk(a: AgendaItem, b: AgendaItem): number {
  return b.atRiskWeeks - a.atRiskWeeks || a.order - b.order || a.objective.localeCompare(b.objective) || a.id.localeCompare(b.id)
}

function byBoardOrder(a: AgendaItem, b: AgendaItem): number {
  return a.order - b.order || a.objective.localeCompare(b.objective) || a.id.localeCompare(b.id)
}

export function buildAgenda<T extends AgendaItem>(items: readonly T[]): Agenda<T> {
  const pick = (status: Status): T[] => items.filter((item) => item.status === status)
  const discuss = [...pick('red').sort(byLongestAtRisk), ...pick('yellow').sort(byLongestAtRisk)]
  const discussed = discuss.filter((item) => item.outcome !== null).length
  return {
    discuss,
    unset: pick('unset').sort(byBoardOrder),
    green: pick('green').sort(byBoardOrder),
    progress: { total: discuss.length, discussed, left: discuss.length - discussed },
    next: discuss.find((item) => item.outcome === null) ?? null,
  }
}

/** The folded line for the Green items: "14 green, skipped". */
export function greenFoldLabel(count: number): string {
  return `${count} green, skipped`
}

/** "Red for 3 weeks" / "Yellow for 1 week": the counter as the board shows it; '' when not at risk. */
export function atRiskLabel(item: Pick<AgendaItem, 'status' | 'atRiskWeeks'>): string {
  if (item.atRiskWeeks === 0 || (item.status !== 'red' && item.status !== 'yellow')) return ''
  const colour = item.status === 'red' ? 'Red' : 'Yellow'
  return `${colour} for ${item.atRiskWeeks} week${item.atRiskWeeks === 1 ? '' : 's'}`
}
