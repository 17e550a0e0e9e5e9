import { isIsoDate, updateItem } from '@fourwall/shared'
import { useState } from 'react'
import { describedByOf, FieldFrame } from '../components/fields/FieldFrame.js'
import { useBoard } from './BoardContext.js'
import { tryCommand } from './writeItem.js'

/** The item's due date: a date picker, written as soon as a whole date (or none) is chosen. */
export function DueField({ itemId, value }: { itemId: string; value: string | null }) {
  const { store } = useBoard()
  const [error, setError] = useState<string | null>(null)
  const inputId = `due-${itemId}`
  return (
    <FieldFrame id={inputId} label="Due date" className="item-field" error={error}>
      <input
        id={inputId}
        type="date"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByOf(inputId, { error })}
        data-field="due"
        onChange={(event) => {
          const raw = event.target.value
          if (raw !== '' && !isIsoDate(raw)) return // the picker is mid-way through a date
          setError(tryCommand(() => updateItem(store.doc, itemId, { due: raw === '' ? null : raw })))
        }}
      />
    </FieldFrame>
  )
}
