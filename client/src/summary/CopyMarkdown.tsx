import { useEffect } from 'react'
import { useCopyText } from '../hooks/useCopyText.js'

/** Selects the summary's text on the page, for copying by hand where the clipboard API is missing. */
function selectSummaryText(): void {
  const element = document.querySelector('[data-summary-text]')
  const selection = window.getSelection()
  if (!element || !selection) return
  const range = document.createRange()
  range.selectNodeContents(element)
  selection.removeAllRanges()
  selection.addRange(range)
  if (element instanceof HTMLElement) element.focus()
}

/**
 * "Copy Markdown". The clipboard API needs a secure context (https or localhost), so on a plain-http
 * LAN address the text is selected instead, with a sentence saying how to copy it.
 */
export function CopyMarkdown({ markdown }: { markdown: string }) {
  const [copy, copyText] = useCopyText()
  useEffect(() => {
    if (copy === 'manual') selectSummaryText()
  }, [copy])
  const copyMarkdown = (): Promise<void> => copyText(markdown)
  return (
    <>
      <button type="button" className="button" onClick={() => void copyMarkdown()}>
        Copy Markdown
      </button>
      <span role="status" className={copy === 'copied' ? 'summary-dialog__result' : undefined} data-copy={copy}>
        {copy === 'copied' && (
          <>
            <span aria-hidden="true">✓ </span>Copied
          </>
        )}
        {copy === 'manual' && 'This browser cannot copy by itself: the text is selected, press Ctrl+C (⌘C on a Mac).'}
      </span>
    </>
  )
}
