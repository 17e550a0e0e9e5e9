/**
 * An item's weekly status, and the two numbers derived from its history: how many weeks in a row
 * it has been at risk ("red for 3 weeks") and its trend strip.
 *
 * The counter rule (`atRiskWeeks`):
 *
 * - An item is *at risk* in a week when its status is Red or Yellow. Both count: an item that goes
 *   Yellow → Yellow → Red has been at risk for 3 weeks, and the strip shows the colours.
 * - `atRiskWeeks` is the number of consecutive reviewed weeks, ending with this one, in which the item
 *   was at risk and no week before this one ended with the outcome "resolved". The first at-risk
 *   week counts as 1: Red in week N (counter 1), still unresolved and Red in N+1 → counter 2.
 * - A Green or unset status this week makes the counter 0; a later Red starts again at 1.
 * - An outcome "resolved" ends the streak: next week the counter starts again at 1 if the item is
 *   still Red or Yellow. A resolution this week does not change this week's counter (the item was
 *   at risk when it was discussed).
 *
 * So the document never stores the counter itself. Carry-over stores `streak`, the counter the item
 * brought into the week (0 when it ended last week resolved, green or unset), and the counter is
 * `streak + 1` while the status is Red or Yellow, else 0. A status change mid-meeting then writes
 * one field, and the counter can never disagree with the status.
 *
 * The same goes for the trend: the document stores `history`, last weeks' entries (at most 7), and
 * the trend is that history plus this week's status: the last 8 reviewed weeks, oldest first.
 * A week without a review document does not appear in the strip.
 */
import type { WeekId } from '../week.js'

export const STATUSES = ['red', 'yellow', 'green', 'unset'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = { red: 'Red', yellow: 'Yellow', green: 'Green', unset: 'Not set' }

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}

/** Red (blocked) and Yellow (at risk) are the statuses the Monday review discusses. */
export function isAtRisk(status: Status): boolean {
  return status === 'red' || status === 'yellow'
}

export function atRiskWeeksOf(status: Status, streak: number): number {
  return isAtRisk(status) ? streak + 1 : 0
}

/** How many weeks the trend strip shows, this week included. */
export const TREND_WEEKS = 8

export interface TrendEntry {
  /** Null only for this week's entry in a document that was not created by `createWeekFrom`. */
  weekId: WeekId | null
  status: Status
}

/** The history a week stores plus this week's status, capped at TREND_WEEKS, oldest first. */
export function trendOf(history: readonly TrendEntry[], weekId: WeekId | null, status: Status): TrendEntry[] {
  return [...history, { weekId, status }].slice(-TREND_WEEKS)
}
