/** One step of a Yjs text change (`YTextEvent.delta`). */
export interface TextDeltaOp {
  insert?: string | object
  retain?: number
  delete?: number
}

/**
 * Where a caret at `index` belongs after someone else's change: text inserted or deleted before it
 * shifts it, anything at or after it does not. Keeps your cursor on the word you were typing.
 */
export function transformIndex(index: number, delta: readonly TextDeltaOp[]): number {
  let oldPos = 0
  let result = index
  for (const op of delta) {
    if (oldPos >= index) break
    if (op.retain !== undefined) {
      oldPos += op.retain
    } else if (op.insert !== undefined) {
      result += typeof op.insert === 'string' ? op.insert.length : 1
    } else if (op.delete !== undefined) {
      result -= Math.min(op.delete, index - oldPos)
      oldPos += op.delete
    }
  }
  return result
}
