/**
 * Presence on the board, derived from the week document's awareness: the people here (for the
 * "Who is here" list) and, per item, who else has it open and who is typing in which of its fields.
 * Rows subscribe per item id and are told only when their own viewers or typists changed, so
 * someone moving from one row to another re-renders those two rows' avatars and nothing else.
 */
import { readPresenceTyping, readPresenceUser, readPresenceViewing, type PresenceUser, type TypingField } from '@fourwall/shared'
import type { Awareness } from 'y-protocols/awareness'
import { KeyedListeners, type Listener } from './KeyedListeners.js'
import { listPeople, type PresenceEntry } from '../hooks/usePresence.js'

export interface Typist {
  user: PresenceUser
  field: TypingField
}

export interface RowPresence {
  /** Other people with this item open (you are not shown on your own screen). */
  viewers: readonly PresenceUser[]
  /** Other people typing in one of this item's fields. */
  typists: readonly Typist[]
}


export const NOBODY: RowPresence = { viewers: [], typists: [] }

const userKey = (user: PresenceUser): string => `${user.id}\u0000${user.name}\u0000${user.color}`

function rowKey(row: RowPresence): string {
  return [...row.viewers.map(userKey), '|', ...row.typists.map((typist) => `${userKey(typist.user)}:${typist.field}`)].join('\u0001')
}

function peopleKey(people: readonly PresenceEntry[]): string {
  return people.map((person) => `${userKey(person)}:${person.role}:${person.isSelf}:${person.viewing}:${person.typing?.itemId}:${person.typing?.field}`).join('\u0001')
}

export class PresenceStore {
  private people: PresenceEntry[] = []
  private peopleSignature = ''
  private rows = new Map<string, { row: RowPresence; key: string }>()
  private readonly rowListeners = new KeyedListeners()
  private readonly peopleListeners = new Set<Listener>()
  private readonly onChange = (): void => this.refresh()

  constructor(
    private readonly awareness: Awareness,
    /** Your own person id: your tabs do not show up as viewers on your screen. */
    private readonly selfId: string,
  ) {
    awareness.on('change', this.onChange)
    this.refresh()
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    this.rowListeners.clear()
    this.peopleListeners.clear()
  }

  everyone = (): PresenceEntry[] => this.people

  row(itemId: string): RowPresence {
    return this.rows.get(itemId)?.row ?? NOBODY
  }

  subscribePeople = (listener: Listener): (() => void) => {
    this.peopleListeners.add(listener)
    return () => this.peopleListeners.delete(listener)
  }

  subscribeRow(itemId: string, listener: Listener): () => void {
    return this.rowListeners.subscribe(itemId, listener)
  }

  private refresh(): void {
    const people = listPeople(this.awareness)
    const signature = peopleKey(people)
    const peopleChanged = signature !== this.peopleSignature
    if (peopleChanged) {
      this.people = people
      this.peopleSignature = signature
    }

    const next = this.computeRows()
    const changed: string[] = []
    for (const [itemId, entry] of next) {
      const previous = this.rows.get(itemId)
      if (previous && previous.key === entry.key) next.set(itemId, previous) // keep the old object: no re-render
      else changed.push(itemId)
    }
    for (const itemId of this.rows.keys()) if (!next.has(itemId)) changed.push(itemId)
    this.rows = next

    for (const itemId of changed) this.rowListeners.notify(itemId)
    if (peopleChanged) for (const listener of [...this.peopleListeners]) listener()
  }

  private computeRows(): Map<string, { row: RowPresence; key: string }> {
    const viewers = new Map<string, Map<string, PresenceUser>>()
    const typists = new Map<string, Map<string, Typist>>()
    for (const state of this.awareness.getStates().values()) {
      const user = readPresenceUser(state)
      if (!user || user.id === this.selfId) continue
      const viewing = readPresenceViewing(state)
      const typing = readPresenceTyping(state)
      // Typing in an item's field means looking at it, even if `viewing` lags behind.
      for (const itemId of new Set([viewing, typing?.itemId])) {
        if (!itemId) continue
        if (!viewers.has(itemId)) viewers.set(itemId, new Map())
        viewers.get(itemId)!.set(user.id, user)
      }
      if (typing) {
        if (!typists.has(typing.itemId)) typists.set(typing.itemId, new Map())
        typists.get(typing.itemId)!.set(`${user.id}:${typing.field}`, { user, field: typing.field })
      }
    }
    const byName = (a: PresenceUser, b: PresenceUser): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
    const rows = new Map<string, { row: RowPresence; key: string }>()
    for (const [itemId, users] of viewers) {
      const row: RowPresence = {
        viewers: [...users.values()].sort(byName),
        typists: [...(typists.get(itemId)?.values() ?? [])].sort((a, b) => byName(a.user, b.user) || a.field.localeCompare(b.field)),
      }
      rows.set(itemId, { row, key: rowKey(row) })
    }
    return rows
  }
}
