import { currentWeekId, type WeekId } from '@fourwall/shared'
import { useEffect, useState } from 'react'

/** The ISO week now; a screen left open over the weekend moves to the new week's board on its own. */
export function useCurrentWeekId(): WeekId {
  const [weekId, setWeekId] = useState(() => currentWeekId())
  useEffect(() => {
    const timer = setInterval(() => setWeekId(currentWeekId()), 60_000)
    return () => clearInterval(timer)
  }, [])
  return weekId
}
