import { greenFoldLabel } from '@fourwall/shared'
import { memo, useState } from 'react'
import { ItemRow } from './ItemRow.js'
import { useFocusedItemId } from './meetingFocus.js'

/**
 * The Green items, skipped by the review: one line that opens them. The meeting focusing a Green
 * item opens the fold too, so the focused row is never hidden.
 */
export const GreenFold = memo(function GreenFold({ ids }: { ids: readonly string[] }) {
  const [open, setOpen] = useState(false)
  const focusedId = useFocusedItemId()
  if (ids.length === 0) return null
  const shown = open || (focusedId !== null && ids.includes(focusedId))
  return (
    <section className="agenda-section agenda-section--green" data-section="green" aria-labelledby="agenda-green">
      <h2 id="agenda-green" className="agenda-section__title">
        <button type="button" className="green-fold" aria-expanded={shown} aria-controls="agenda-green-rows" onClick={() => setOpen(!shown)}>
          <span className="green-fold__chevron" aria-hidden="true">
            {shown ? '▾' : '▸'}
          </span>
          {greenFoldLabel(ids.length)}
        </button>
      </h2>
      {shown && (
        <ol id="agenda-green-rows" className="agenda-list">
          {ids.map((id) => (
            <ItemRow key={id} id={id} />
          ))}
        </ol>
      )}
    </section>
  )
})
