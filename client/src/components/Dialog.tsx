import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

interface Props {
  title: string
  /** A sentence under the title, read out when the dialog opens. */
  description?: ReactNode
  onClose(): void
  children: ReactNode
}

/**
 * A modal dialog, open while it is rendered. The native <dialog> shown with showModal() keeps focus
 * and the pointer inside it and makes the page behind it inert; Escape closes it. Focus goes back to
 * whatever had it before (the button that opened it) once it closes. The first field gets focus.
 */
export function Dialog({ title, description, onClose, children }: Props) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  // Read in the effect, so a new onClose each render does not reopen the dialog.
  const closeRef = useRef(onClose)
  useLayoutEffect(() => {
    closeRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const closed = (): void => closeRef.current()
    dialog.addEventListener('close', closed)
    dialog.showModal()
    // The first field (or button) rather than whatever the browser would pick, the same in every browser.
    dialog.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])')?.focus()
    return () => {
      dialog.removeEventListener('close', closed)
      dialog.close()
      opener?.focus()
    }
  }, [])

  // In <body>, not in the header that opened it: nothing of the header's layout or styles applies.
  return createPortal(
    <dialog
      ref={ref}
      className="dialog"
      // Implied by <dialog> and showModal(); said outright for tools that look for the attributes.
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
    >
      <h2 id={`${id}-title`} className="dialog__title">
        {title}
      </h2>
      {description && (
        <p id={`${id}-description`} className="muted">
          {description}
        </p>
      )}
      {children}
    </dialog>,
    document.body,
  )
}
