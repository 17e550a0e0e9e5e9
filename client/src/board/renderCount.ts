/**
 * A render counter the performance tests read: with 300 rows on the board, a remote edit of one item
 * must render that item's row and no other. Counting costs nothing unless a test (through
 * page.addInitScript) created `window.__fourwallRenders` before the page loaded.
 */
declare global {
  interface Window {
    __fourwallRenders?: Record<string, Record<string, number>>
  }
}

export function countRender(kind: string, id: string): void {
  const renders = typeof window === 'undefined' ? undefined : window.__fourwallRenders
  if (!renders) return
  const counts = (renders[kind] ??= {})
  counts[id] = (counts[id] ?? 0) + 1
}
