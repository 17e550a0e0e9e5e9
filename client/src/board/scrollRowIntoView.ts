/**
 * Brings an agenda row into view the way a meeting needs it: its head (the status, the objective,
 * "Now discussing") must show. A row that fits on the screen comes in by the shortest scroll; one
 * taller than the screen (an open editor) is lined up by its top, where `block: 'nearest'` would
 * line it up by its bottom and leave the objective above the window. The page's scroll padding
 * (the meeting bar that stays at the top, see useStickyOffset) is left clear in both cases.
 */
export function scrollRowIntoView(row: HTMLElement): void {
  const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0
  const room = window.innerHeight - padding
  row.scrollIntoView({ block: row.getBoundingClientRect().height <= room ? 'nearest' : 'start' })
}
