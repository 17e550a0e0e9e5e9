import { updateOkr, type Okr } from '@fourwall/shared'
import type * as Y from 'yjs'

/**
 * Moves an OKR one place up or down among its team's OKRs (`group`, in board order) by swapping
 * `order` with its neighbour, in one transaction so collaborators never see both at one place.
 * Two OKRs can share an order (added at the same moment by two people; the board then sorts by
 * objective): a plain swap would change nothing, so the moved one goes half a step past instead.
 */
export function moveOkr(doc: Y.Doc, group: readonly Okr[], okrId: string, direction: -1 | 1): void {
  const index = group.findIndex((okr) => okr.id === okrId)
  const moved = group[index]
  const neighbour = group[index + direction]
  if (!moved || !neighbour) return
  doc.transact(() => {
    if (moved.order === neighbour.order) {
      updateOkr(doc, moved.id, { order: neighbour.order + direction / 2 })
    } else {
      updateOkr(doc, moved.id, { order: neighbour.order })
      updateOkr(doc, neighbour.id, { order: moved.order })
    }
  })
}
