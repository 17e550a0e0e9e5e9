/**
 * Small checks on text, dates and ids that every review command shares. Each returns null when the
 * value is acceptable, else a sentence saying what is expected.
 */

/**
 * Ids of OKRs, teams and ledger entries. The same shape as the meeting's focus `itemId`
 * (meeting.ts), because a week's item is focused by its OKR id.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

export function idError(value: unknown, what: string): string | null {
  return isId(value) ? null : `${what} must be 1 to 100 characters of A-Z, a-z, 0-9, _ and -.`
}

const LINE_BREAK = /[\r\n\u2028\u2029]/

/**
 * A one-line text of at most `max` characters. Empty is allowed only when `required` is false.
 * `what` starts the sentence: "A status note", "The owner".
 */
export function lineError(value: unknown, what: string, max: number, required = false): string | null {
  if (typeof value !== 'string') return `${what} must be text.`
  if (required && value.trim() === '') return `${what} is required.`
  if (LINE_BREAK.test(value)) return `${what} fits on one line.`
  if (value.length > max) return `${what} has at most ${max} characters.`
  return null
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date written as YYYY-MM-DD that exists (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function isoDateError(value: unknown, what: string): string | null {
  return isIsoDate(value) ? null : `${what} must be a date written as YYYY-MM-DD, such as 2026-12-04.`
}

/** Collapses runs of whitespace (including line breaks from a spreadsheet cell) into single spaces. */
export function squish(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}
