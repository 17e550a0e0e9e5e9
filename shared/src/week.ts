/**
 * ISO-8601 week ids ("2026-W48"): one weekly review per id. Weeks start on Monday and week 1 is the
 * week holding the year's first Thursday, so a Monday review always lands in the week it belongs to.
 */
export type WeekId = `${number}-W${string}`

const WEEK_ID = /^(\d{4})-W(\d{2})$/

const DAY_MS = 86_400_000

export function isoWeekOf(date: Date): { year: number; week: number } {
  // Work in UTC on the date's calendar day so time zones and DST never shift the week.
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  const weekday = (new Date(day).getUTCDay() + 6) % 7 // Monday = 0
  const thursday = new Date(day + (3 - weekday) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const firstThursday = Date.UTC(year, 0, 4)
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7
  const weekOneMonday = firstThursday - firstWeekday * DAY_MS
  const week = Math.floor((thursday.getTime() - weekOneMonday) / (7 * DAY_MS)) + 1
  return { year, week }
}

export function weekIdOf(date: Date): WeekId {
  const { year, week } = isoWeekOf(date)
  return `${year}-W${String(week).padStart(2, '0')}` as WeekId
}

/** The week of the local calendar day: a Sunday evening in California is still this week's Sunday. */
export function currentWeekId(now: Date = new Date()): WeekId {
  return weekIdOf(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())))
}

function weeksInYear(year: number): number {
  // A year has 53 ISO weeks exactly when December 28th falls in week 53.
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week
}

export function parseWeekId(value: string): { year: number; week: number } | null {
  const match = WEEK_ID.exec(value)
  if (!match) return null
  const year = Number(match[1])
  const week = Number(match[2])
  if (year < 2000 || year > 2999 || week < 1 || week > weeksInYear(year)) return null
  return { year, week }
}

export function isWeekId(value: unknown): value is WeekId {
  return typeof value === 'string' && parseWeekId(value) !== null
}

/** The Monday (UTC) that starts the given week. */
export function mondayOf(weekId: WeekId): Date {
  const parsed = parseWeekId(weekId)
  if (!parsed) throw new RangeError(`not an ISO week id: ${weekId}`)
  const firstThursday = Date.UTC(parsed.year, 0, 4)
  const firstWeekday = (new Date(firstThursday).getUTCDay() + 6) % 7
  return new Date(firstThursday - firstWeekday * DAY_MS + (parsed.week - 1) * 7 * DAY_MS)
}

export function shiftWeek(weekId: WeekId, by: number): WeekId {
  return weekIdOf(new Date(mondayOf(weekId).getTime() + by * 7 * DAY_MS))
}

// ---- quarters ----------------------------------------------------------------------------------

/**
 * A calendar quarter ("2026-Q4"). A week belongs to the quarter of its Monday, so every week sits in
 * exactly one quarter even when it straddles a month or a year (2026-W01 starts on 2025-12-29, so
 * it counts toward 2025-Q4): the capacity view's quarter sums never count a week twice.
 */
export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`

const QUARTER_ID = /^(\d{4})-Q([1-4])$/

export function isQuarterId(value: unknown): value is QuarterId {
  if (typeof value !== 'string') return false
  const match = QUARTER_ID.exec(value)
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2999
}

export function quarterOf(weekId: WeekId): QuarterId {
  const monday = mondayOf(weekId)
  return `${monday.getUTCFullYear()}-Q${(Math.floor(monday.getUTCMonth() / 3) + 1) as 1 | 2 | 3 | 4}`
}

/** Every week whose Monday falls in the quarter, in order (13 or 14 of them). */
export function weeksOfQuarter(quarter: QuarterId): WeekId[] {
  const match = QUARTER_ID.exec(quarter)
  if (!match) throw new RangeError(`not a quarter id: ${quarter}`)
  const year = Number(match[1])
  const firstMonth = (Number(match[2]) - 1) * 3
  const start = Date.UTC(year, firstMonth, 1)
  const end = Date.UTC(year, firstMonth + 3, 1)
  // The first Monday on or after the quarter's first day.
  const weekday = (new Date(start).getUTCDay() + 6) % 7
  const weeks: WeekId[] = []
  for (let monday = start + ((7 - weekday) % 7) * DAY_MS; monday < end; monday += 7 * DAY_MS) weeks.push(weekIdOf(new Date(monday)))
  return weeks
}
