/**
 * Which item this person has selected (and so open): one at a time, local to this tab. Rows
 * subscribe per id, so moving the selection re-renders the row that lost it and the row that got
 * it, nothing else. The meeting's keyboard shortcuts move it through `select`.
 */
import { KeyedListeners, type Listener } from './KeyedListeners.js'

export class SelectionStore {
  private selected: string | null = null
  private readonly idListeners = new KeyedListeners()
  private readonly listeners = new Set<Listener>()

  selectedId = (): string | null => this.selected

  select = (id: string | null): void => {
    if (id === this.selected) return
    const previous = this.selected
    this.selected = id
    if (previous !== null) this.notifyId(previous)
    if (id !== null) this.notifyId(id)
    for (const listener of [...this.listeners]) listener()
  }

  /** Opens the item, or closes it when it is the one open. */
  toggle = (id: string): void => this.select(this.selected === id ? null : id)

  /** Any change of selection. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Changes of whether this one id is selected. */
  subscribeId(id: string, listener: Listener): () => void {
    return this.idListeners.subscribe(id, listener)
  }

  private notifyId(id: string): void {
    this.idListeners.notify(id)
  }
}
