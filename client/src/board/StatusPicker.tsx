import { setStatus, STATUSES, type Status } from '@fourwall/shared'
import { useState } from 'react'
import { useBoard } from './BoardContext.js'
import { StatusBadge } from './StatusBadge.js'
import { tryCommand } from './writeItem.js'

/** Red / Yellow / Green / Not set as a radio group: arrow keys move between them, as in any form. */
export function StatusPicker({ itemId, status }: { itemId: string; status: Status }) {
  const { store } = useBoard()
  const [error, setError] = useState<string | null>(null)
  return (
    <fieldset className="status-picker" data-status-picker>
      <legend>Status</legend>
      <div className="status-picker__options">
        {STATUSES.map((option) => (
          <label key={option} className={`status-picker__option status-picker__option--${option}`}>
            <input
              type="radio"
              name={`status-${itemId}`}
              value={option}
              checked={status === option}
              onChange={() => setError(tryCommand(() => setStatus(store.doc, itemId, option)))}
            />
            <StatusBadge status={option} />
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
