import { useEffect, useRef, type RefObject } from 'react'
import type * as Y from 'yjs'
import { transformIndex } from '../lib/caret.js'
import { applyTextChange } from '../lib/textDiff.js'

/**
 * Binds a plain (uncontrolled) textarea to a Y.Text: typing becomes a minimal edit, and someone
 * else's edit updates the textarea while keeping your caret and selection on the same words.
 */
export function useTextareaBinding(text: Y.Text): RefObject<HTMLTextAreaElement | null> {
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const textarea = ref.current
    if (!textarea) return
    const origin = Symbol('textarea') // marks this binding's own transactions
    textarea.value = text.toString()

    const onInput = (): void => applyTextChange(text, textarea.value, origin)
    const onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === origin) return
      const focused = textarea.ownerDocument.activeElement === textarea
      const { selectionStart, selectionEnd, selectionDirection, scrollTop } = textarea
      textarea.value = text.toString()
      textarea.scrollTop = scrollTop
      if (focused) {
        textarea.setSelectionRange(
          transformIndex(selectionStart, event.delta),
          transformIndex(selectionEnd, event.delta),
          selectionDirection ?? undefined,
        )
      }
    }

    textarea.addEventListener('input', onInput)
    text.observe(onTextChange)
    return () => {
      textarea.removeEventListener('input', onInput)
      text.unobserve(onTextChange)
    }
  }, [text])
  return ref
}
