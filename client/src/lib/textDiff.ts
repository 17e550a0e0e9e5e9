import type * as Y from 'yjs'

/**
 * Turns the text a textarea now holds into the smallest single edit of `text`: keep the common
 * prefix and suffix, delete and insert what lies between. A minimal edit, rather than replacing
 * everything, is what lets two people type in the same note without erasing each other.
 */
export function applyTextChange(text: Y.Text, next: string, origin: unknown): void {
  const prev = text.toString()
  if (prev === next) return
  let start = 0
  const shorter = Math.min(prev.length, next.length)
  while (start < shorter && prev.charCodeAt(start) === next.charCodeAt(start)) start++
  // Never split a surrogate pair (an emoji, say): concurrent edits could otherwise leave half of one.
  if (start > 0 && isHighSurrogate(prev.charCodeAt(start - 1))) start--
  let prevEnd = prev.length
  let nextEnd = next.length
  while (prevEnd > start && nextEnd > start && prev.charCodeAt(prevEnd - 1) === next.charCodeAt(nextEnd - 1)) {
    prevEnd--
    nextEnd--
  }
  if (prevEnd < prev.length && isLowSurrogate(prev.charCodeAt(prevEnd))) {
    prevEnd++
    nextEnd++
  }
  const run = (): void => {
    if (prevEnd > start) text.delete(start, prevEnd - start)
    if (nextEnd > start) text.insert(start, next.slice(start, nextEnd))
  }
  // One transaction, so peers receive one update and never see the text half-edited.
  if (text.doc) text.doc.transact(run, origin)
  else run()
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
