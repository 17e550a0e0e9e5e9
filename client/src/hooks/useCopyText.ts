import { useCallback, useState } from 'react'

/** Where copying stands: not yet, done, or the clipboard was unavailable and the person copies by hand. */
export type CopyState = 'idle' | 'copied' | 'manual'

/**
 * Copies text to the clipboard. The clipboard API needs a secure context (https or localhost), so
 * on a plain-http LAN address the state turns 'manual' and the caller offers the text selected.
 */
export function useCopyText(): [CopyState, (text: string) => Promise<void>] {
  const [state, setState] = useState<CopyState>('idle')
  const copy = useCallback(async (text: string): Promise<void> => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      setState('manual')
    }
  }, [])
  return [state, copy]
}
