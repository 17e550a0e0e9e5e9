interface Props {
  /** The row's name, said after each button's word for screen readers ("Edit Payments"). */
  name: string
  /** The word of the edit button: "Edit", or "Rename" where only the name changes. */
  editWord?: string
  onEdit(): void
  /** Up and down within the list; left out where the order is not the row's to change. */
  move?: { isFirst: boolean; isLast: boolean; onMove(direction: -1 | 1): void }
  onRemove(): void
  className?: string
}

/** A reading row's buttons: edit, move up and down, remove (which asks first). */
export function RowActions({ name, editWord = 'Edit', onEdit, move, onRemove, className }: Props) {
  return (
    <span className={className ? `row-actions ${className}` : 'row-actions'}>
      <button type="button" className="button button--small button--quiet" onClick={onEdit}>
        {editWord}
        <span className="visually-hidden"> {name}</span>
      </button>
      {move && (
        <>
          <button type="button" className="button button--small button--quiet" disabled={move.isFirst} onClick={() => move.onMove(-1)}>
            Move up<span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" className="button button--small button--quiet" disabled={move.isLast} onClick={() => move.onMove(1)}>
            Move down<span className="visually-hidden"> {name}</span>
          </button>
        </>
      )}
      <button type="button" className="button button--small button--quiet button--danger-quiet" onClick={onRemove}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </span>
  )
}
