import { readPresenceTyping, readPresenceUser, readPresenceViewing, type PresenceTyping, type PresenceUser } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

export interface PresenceEntry extends PresenceUser {
  isSelf: boolean
  /** The item this person has open, or null. */
  viewing: string | null
  /** The item and field this person is typing in, or null. */
  typing: PresenceTyping | null
}

/** The people on this week's board, once each however many tabs they have open; you first. */
export function usePresence(awareness: Awareness | null): PresenceEntry[] {
  const [entries, setEntries] = useState<PresenceEntry[]>([])
  useEffect(() => {
    if (!awareness) {
      setEntries([])
      return
    }
    const read = (): void => setEntries(listPeople(awareness))
    // 'change' fires when someone arrives, leaves or edits their state, not on every heartbeat.
    awareness.on('change', read)
    read()
    return () => awareness.off('change', read)
  }, [awareness])
  return entries
}

export function listPeople(awareness: Awareness): PresenceEntry[] {
  const byId = new Map<string, PresenceEntry>()
  for (const [clientId, state] of awareness.getStates()) {
    const user = readPresenceUser(state)
    if (!user) continue
    const isSelf = clientId === awareness.clientID
    const known = byId.get(user.id)
    // Your other tabs are you too; this tab's own state wins for what is shown.
    const shown: PresenceEntry = isSelf || !known ? { ...user, isSelf, viewing: readPresenceViewing(state), typing: readPresenceTyping(state) } : known
    byId.set(user.id, { ...shown, isSelf: isSelf || (known?.isSelf ?? false) })
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  )
}
