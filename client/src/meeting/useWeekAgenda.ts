import { buildAgenda, listItems, observeItems, type AgendaProgress, type ReviewItem } from '@fourwall/shared'
import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { MeetingAgenda } from './MeetingBar.js'

/**
 * The agenda the meeting bar walks, read straight from the week's document: for a page that has
 * the document but not the board's ItemStore (which gives the same lists incrementally).
 */
export function useWeekAgenda(doc: Y.Doc | null): { agenda: MeetingAgenda; progress: AgendaProgress } {
  const [items, setItems] = useState<readonly ReviewItem[]>([])
  useEffect(() => {
    if (!doc) return
    const read = (): void => setItems(listItems(doc))
    read()
    return observeItems(doc, read)
  }, [doc])
  return useMemo(() => {
    const built = buildAgenda(items)
    const objectives = new Map(items.map((item) => [item.id, item.objective]))
    return {
      agenda: { discussIds: built.discuss.map((item) => item.id), labelOf: (id: string) => objectives.get(id) ?? null },
      progress: built.progress,
    }
  }, [items])
}
