/**
 * Listeners grouped by key (an item id), so a store wakes only the rows whose item changed: the
 * heart of "a remote change re-renders only the affected row". Used by the item, selection and
 * presence stores alike.
 */
export type Listener = () => void

export class KeyedListeners {
  private readonly byKey = new Map<string, Set<Listener>>()

  /** Returns the unsubscribe function; an empty group is dropped so ids that left cost nothing. */
  subscribe(key: string, listener: Listener): () => void {
    let listeners = this.byKey.get(key)
    if (!listeners) this.byKey.set(key, (listeners = new Set()))
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
      if (listeners.size === 0 && this.byKey.get(key) === listeners) this.byKey.delete(key)
    }
  }

  notify(key: string): void {
    const listeners = this.byKey.get(key)
    // A copy: a listener may unsubscribe (a row unmounting) while we call them.
    if (listeners) for (const listener of [...listeners]) listener()
  }

  clear(): void {
    this.byKey.clear()
  }
}
