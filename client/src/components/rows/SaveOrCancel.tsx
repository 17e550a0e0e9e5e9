interface Props {
  /** Said after "Save" for screen readers ("Save Payments", "Save the name of Mobile"). */
  what: string
  onCancel(): void
}

/** An in-place edit form's two buttons: Save submits it, Cancel goes back to reading. */
export function SaveOrCancel({ what, onCancel }: Props) {
  return (
    <>
      <button type="submit" className="button button--small">
        Save<span className="visually-hidden"> {what}</span>
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onCancel}>
        Cancel
      </button>
    </>
  )
}
