import { memo, useEffect, useRef, type MouseEvent } from 'react'
import { useBoard } from './BoardContext.js'
import { ItemDetails } from './ItemDetails.js'
import { ItemEditor } from './ItemEditor.js'
import { ItemSummary } from './ItemSummary.js'
import { useIsFocused } from './meetingFocus.js'
import { countRender } from './renderCount.js'
import { scrollRowIntoView } from './scrollRowIntoView.js'
import { useItem } from './useItem.js'
import { useIsSelected } from './useSelection.js'

/**
 * One item of the agenda. It takes only its id and reads everything else from stores that notify
 * per id, so with 300 rows on the board a change to one item renders this one row.
 */
export const ItemRow = memo(function ItemRow({ id }: { id: string }) {
  const { store, selection, editable } = useBoard()
  const item = useItem(store, id)
  const selected = useIsSelected(selection, id)
  const focused = useIsFocused(id)
  const ref = useRef<HTMLLIElement>(null)
  countRender('item-row', id)

  // Follow the meeting: the item everyone discusses comes into view, once, when the focus moves to it.
  useEffect(() => {
    if (focused && ref.current) scrollRowIntoView(ref.current)
  }, [focused])
  // The same for the selection, which keyboard shortcuts move from row to row.
  useEffect(() => {
    if (selected && ref.current) scrollRowIntoView(ref.current)
  }, [selected])

  if (!item) return null
  const expanded = selected || focused
  const detailsId = `item-${id}-details`
  const onClick = (event: MouseEvent<HTMLLIElement>): void => {
    // Clicks inside the open editor are for its controls, not for opening or closing the row.
    if ((event.target as Element).closest('.item-row__details')) return
    selection.toggle(id)
  }

  return (
    // The click is a mouse shortcut for the row's own button (the objective), which keyboards use.
    <li
      ref={ref}
      className={`item-row item-row--${item.status}${focused ? ' item-row--focused' : ''}${selected ? ' item-row--selected' : ''}`}
      data-item-id={id}
      data-status={item.status}
      data-focused={focused}
      data-selected={selected}
      onClick={onClick}
    >
      {focused && (
        <p className="item-row__now" data-now-discussing>
          <span aria-hidden="true">▶</span> Now discussing
        </p>
      )}
      <ItemSummary item={item} expanded={expanded} detailsId={detailsId} />
      {expanded && (
        <div id={detailsId} className="item-row__details">
          {editable ? <ItemEditor item={item} /> : <ItemDetails item={item} />}
        </div>
      )}
    </li>
  )
})
