import type { ButtonHTMLAttributes } from 'react'
import { StatusIcon } from './StatusIcon.js'

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean
}

/**
 * A button that shows a spinner while its request runs. Its name stays the same (the spinner is
 * hidden from assistive technology), so it is still "Sign in" while signing in.
 */
export function BusyButton({ busy, disabled, className = 'button', children, ...rest }: Props) {
  return (
    <button className={className} disabled={busy || disabled} aria-busy={busy || undefined} {...rest}>
      {busy && <StatusIcon kind="connecting" />}
      {children}
    </button>
  )
}
