import type { TypingField } from '@fourwall/shared'
import { memo } from 'react'
import { useBoard } from './BoardContext.js'
import { useRowPresence } from './useRowPresence.js'

function sentence(names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} is typing…`
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`
}

/** "Ana Alvarez is typing…" beside the field someone else is typing in; nothing otherwise. */
export const TypingNote = memo(function TypingNote({ itemId, field }: { itemId: string; field: TypingField }) {
  const { presence } = useBoard()
  const { typists } = useRowPresence(presence, itemId)
  const names = typists.filter((typist) => typist.field === field).map((typist) => typist.user.name)
  if (names.length === 0) return null
  return (
    <span className="typing-note" data-typing={field}>
      {sentence(names)}
    </span>
  )
})
