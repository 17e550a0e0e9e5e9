import { jargonWarnings } from '@fourwall/shared'
import { useMemo } from 'react'

/**
 * Gentle hints under a text field when it leans on corporate words ("synergy", "leverage"): the
 * org reads these decisions, and plain words say why a decision helps the mission. Never blocking.
 */
export function JargonHints({ id, text }: { id: string; text: string }) {
  const warnings = useMemo(() => jargonWarnings(text), [text])
  // Always rendered, so a screen reader hears a hint appear (aria-live needs the region to exist first).
  return (
    <ul id={id} className="jargon-hints" aria-live="polite">
      {warnings.map((warning) => (
        <li key={warning.term} data-jargon={warning.term}>
          <span aria-hidden="true">💬 </span>
          <span className="jargon-hints__label">Plain words: </span>
          {warning.message}.
        </li>
      ))}
    </ul>
  )
}
