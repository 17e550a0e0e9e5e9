import type { PresenceUser } from '@fourwall/shared'
import { memo } from 'react'
import { useBoard } from './BoardContext.js'
import { useRowPresence } from './useRowPresence.js'

/** "Ana Alvarez" → "AA"; one letter for a one-word name. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words
  return letters.map((word) => [...word][0]!.toUpperCase()).join('') || '?'
}

export function Avatar({ user, label }: { user: PresenceUser; label: string }) {
  return (
    <span className="avatar" style={{ backgroundColor: user.color }} role="img" aria-label={label} title={label} data-avatar={user.id}>
      {initialsOf(user.name)}
    </span>
  )
}

/** Small avatars of the others who have this item open. Its own subscription: the row does not re-render. */
export const RowViewers = memo(function RowViewers({ itemId }: { itemId: string }) {
  const { presence } = useBoard()
  const { viewers } = useRowPresence(presence, itemId)
  if (viewers.length === 0) return null
  return (
    <span className="viewers" data-viewers={viewers.map((viewer) => viewer.id).join(' ')}>
      {viewers.map((viewer) => (
        <Avatar key={viewer.id} user={viewer} label={`${viewer.name} is looking at this`} />
      ))}
    </span>
  )
})
