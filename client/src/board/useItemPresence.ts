/**
 * Publishes what this person does on the board into awareness, for the others' row avatars and
 * "is typing…" lines: the item they have open (`viewing`, following the selection) and the field
 * they are typing in (`typing`, cleared on blur or after a pause). Only real changes are written:
 * every awareness write is a network message to everyone on the board.
 */
import type { PresenceTyping, TypingField } from '@fourwall/shared'
import { useEffect, useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { SelectionStore } from './SelectionStore.js'

/** How long after the last keystroke someone stops counting as typing. */
export const TYPING_IDLE_MS = 3000

export interface TypingReporter {
  /** A keystroke in one of an item's fields. */
  typing(itemId: string, field: TypingField): void
  /** The field lost focus or its text was saved. */
  stopped(itemId: string, field: TypingField): void
}

const nobodyTyping: TypingReporter = { typing: () => {}, stopped: () => {} }

function localField(awareness: Awareness, key: string): unknown {
  return (awareness.getLocalState() as Record<string, unknown> | null)?.[key]
}

export function useItemPresence(awareness: Awareness | null, selection: SelectionStore): TypingReporter {
  useEffect(() => {
    if (!awareness) return
    const publish = (): void => {
      const viewing = selection.selectedId()
      if ((localField(awareness, 'viewing') ?? null) !== viewing) awareness.setLocalStateField('viewing', viewing)
    }
    publish()
    return selection.subscribe(publish)
  }, [awareness, selection])

  const reporter = useMemo<TypingReporter & { dispose(): void }>(() => {
    if (!awareness) return { ...nobodyTyping, dispose: () => {} }
    let idle: ReturnType<typeof setTimeout> | undefined
    const current = (): PresenceTyping | null => (localField(awareness, 'typing') as PresenceTyping | null | undefined) ?? null
    const clear = (): void => {
      clearTimeout(idle)
      if (current() !== null) awareness.setLocalStateField('typing', null)
    }
    return {
      typing(itemId, field) {
        const now = current()
        if (now?.itemId !== itemId || now.field !== field) awareness.setLocalStateField('typing', { itemId, field })
        clearTimeout(idle)
        idle = setTimeout(clear, TYPING_IDLE_MS)
      },
      stopped(itemId, field) {
        const now = current()
        if (now?.itemId === itemId && now.field === field) clear()
      },
      dispose: () => clearTimeout(idle),
    }
  }, [awareness])
  useEffect(() => () => reporter.dispose(), [reporter])
  return reporter
}
