import { isIsoDate, updateItem } from '@fourwall/shared'
import { useState } from 'react'
import { useBoard } from './BoardContext.js'
import { tryCommand } from './writeItem.js'

/** The item's due date: a date picker, written as soon as a whole date (or none) is chosen. */
export function DueField({ itemId, value }: { itemId: string; value: string | null }) {
  const { store } = useBoard()
  const [error, setError] = useState<string | null>(null)
  const inputId = `due-${itemId}`
  return (
    <div className="field item-field">
      <label htmlFor={inputId}>Due date</label>
      <input
        id={inputId}
        type="date"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        data-field="due"
        onChange={(event) => {
          const raw = event.target.value
          if (raw !== '' && !isIsoDate(raw)) return // the picker is mid-way through a date
          setError(tryCommand(() => updateItem(store.doc, itemId, { due: raw === '' ? null : raw })))
        }}
      />
      {error && (
        <p id={`${inputId}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
