import { META_MAP, readWeekClosed, type WeekClosedInfo } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** Whether this week's review is closed (the server refuses every write from then on). */
export function useWeekClosed(doc: Y.Doc | null): WeekClosedInfo | null {
  const [closed, setClosed] = useState<WeekClosedInfo | null>(null)
  useEffect(() => {
    if (!doc) return
    const meta = doc.getMap(META_MAP)
    const read = (): void => setClosed(readWeekClosed(doc))
    read()
    meta.observe(read)
    return () => meta.unobserve(read)
  }, [doc])
  return closed
}
