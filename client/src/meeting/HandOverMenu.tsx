import { useEffect, useId, useRef, useState } from 'react'
import { ROLE_LABELS, type MeetingPerson } from '@fourwall/shared'

interface Props {
  /** People present who may facilitate (see handoverCandidates). */
  candidates: readonly MeetingPerson[]
  disabled: boolean
  onHandOver(person: MeetingPerson): void
}

/**
 * "Hand over": a button that opens the list of people in the room who may take the meeting.
 * Escape or a click elsewhere closes it, and focus returns to the button.
 */
export function HandOverMenu({ candidates, disabled, onHandOver }: Props) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLElement>('[data-handover-to]')?.focus()
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const close = (): void => {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div
      className="meeting-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          close()
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        disabled={disabled}
        onClick={() => setOpen(!open)}
        data-meeting-control="handover"
      >
        Hand over…
      </button>
      {open && (
        <div id={`${id}-list`} className="meeting-menu__list" role="group" aria-label="Hand the meeting to">
          {candidates.length === 0 ? (
            <p className="muted small">Nobody else here may facilitate. A lead or a chief of staff must open this week first.</p>
          ) : (
            <ul>
              {candidates.map((person) => (
                <li key={person.id}>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => {
                      close()
                      onHandOver(person)
                    }}
                    data-handover-to={person.id}
                  >
                    {person.name} ({ROLE_LABELS[person.role]})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
