import { buildWeekSummary, type WeekId, type WeekSummary } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** The week's summary as the document holds it now, rebuilt after every change (a status set while the dialog is open). */
export function useWeekSummary(doc: Y.Doc, weekId: WeekId): WeekSummary {
  const [summary, setSummary] = useState(() => buildWeekSummary(doc, weekId))
  useEffect(() => {
    const update = (): void => setSummary(buildWeekSummary(doc, weekId))
    update()
    doc.on('update', update)
    return () => doc.off('update', update)
  }, [doc, weekId])
  return summary
}

/** "3 Red and 2 Yellow, 1 without an outcome; 14 Green": what the review is about to be closed with. */
export function tallyWords(summary: WeekSummary): string {
  const { red, yellow, greenCount, unsetCount, progress } = summary
  const atRisk = red.length + yellow.length
  const parts = [
    atRisk === 0
      ? 'No Red or Yellow items'
      : `${red.length} Red and ${yellow.length} Yellow, ${progress.left === 0 ? 'each with an outcome' : `${progress.left} without an outcome`}`,
  ]
  if (greenCount > 0) parts.push(`${greenCount} Green`)
  if (unsetCount > 0) parts.push(`${unsetCount} without a status`)
  return `${parts.join('; ')}.`
}
