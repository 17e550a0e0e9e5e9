import { parseWeekId, type WeekId } from '@fourwall/shared'

/** "Week 48 · 2026-W48": the number people say, then the id the board is filed under. */
export function weekLabel(weekId: WeekId): string {
  const parsed = parseWeekId(weekId)
  return parsed ? `Week ${parsed.week} · ${weekId}` : weekId
}
