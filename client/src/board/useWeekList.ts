import { isWeekId, type WeekId } from '@fourwall/shared'
import { useEffect, useRef } from 'react'
import { useApiData, type ApiData } from '../hooks/useApiData.js'

/** `GET /api/weeks` → the week ids that have a review, newest first; malformed entries are dropped. */
function readWeeks(body: unknown): WeekId[] {
  const weeks = (body as { weeks?: unknown } | null)?.weeks
  if (!Array.isArray(weeks)) throw new Error('The server\'s answer has no "weeks" list.')
  return weeks.map((entry) => (entry as { weekId?: unknown } | null)?.weekId).filter(isWeekId)
}

/** The weeks with a review; loaded again whenever `refreshKey` changes (a week was just created). */
export function useWeekList(refreshKey: unknown): ApiData<WeekId[]> {
  const { state, reload } = useApiData('/api/weeks', readWeeks)
  const loadedFor = useRef(refreshKey)
  useEffect(() => {
    // The first load is useApiData's own; only a change of key asks again.
    if (Object.is(loadedFor.current, refreshKey)) return
    loadedFor.current = refreshKey
    reload()
  }, [refreshKey, reload])
  return state
}
