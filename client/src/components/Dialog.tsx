import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

interface Props {
  title: string
  /** A sentence under the title, read out when the dialog opens. */
  description?: ReactNode
  onClose(): void
  children: ReactNode
}

/** What Tab can stop on inside the dialog. */
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Tab from the last control goes round to the first (Shift+Tab from the first, to the last). The
 * page behind a modal <dialog> is inert already, but Chromium would move focus out to the browser's
 * own toolbar, and someone presenting from a laptop then loses their place in the dialog.
 */
function keepFocusInside(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return
  const stops = [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => element.getClientRects().length > 0)
  const first = stops[0]
  const last = stops.at(-1)
  if (!first || !last) return
  const active = document.activeElement
  const outside = !dialog.contains(active)
  if (event.shiftKey && (active === first || active === dialog || outside)) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault()
    first.focus()
  }
}

/**
 * A modal dialog, open while it is rendered. The native <dialog> shown with showModal() keeps the
 * pointer inside it and makes the page behind it inert; Tab goes round inside it; Escape closes it.
 * Focus goes back to whatever had it before (the button that opened it) once it closes. The first
 * field gets focus.
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
    const onKeyDown = (event: KeyboardEvent): void => keepFocusInside(dialog, event)
    dialog.addEventListener('close', closed)
    dialog.addEventListener('keydown', onKeyDown)
    dialog.showModal()
    // The first field (or button) rather than whatever the browser would pick, the same in every browser.
    dialog.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])')?.focus()
    return () => {
      dialog.removeEventListener('close', closed)
      dialog.removeEventListener('keydown', onKeyDown)
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
