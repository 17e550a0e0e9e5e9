/**
 * Moving through the items to discuss (Red, then Yellow; see shared/src/review/agenda.ts). From
 * nothing, or from an item off that list (a Green one someone opened), "next" starts at the top
 * and "previous" at the bottom. At either end there is nowhere to go: null.
 */
export function nextItemId(ids: readonly string[], current: string | null): string | null {
  const index = current === null ? -1 : ids.indexOf(current)
  return ids[index + 1] ?? null
}

export function previousItemId(ids: readonly string[], current: string | null): string | null {
  const index = current === null ? -1 : ids.indexOf(current)
  if (index === -1) return ids.at(-1) ?? null
  return index > 0 ? ids[index - 1]! : null
}
