/**
 * The week's items as React reads them, kept in step with the Y.Doc incrementally: a transaction
 * re-reads only the items it touched, so every other item keeps its object identity and its row
 * does not re-render. Listeners subscribe per item id, to the agenda (the ordered id lists and the
 * progress) or to the review's week-level facts.
 *
 * The agenda snapshot is recomputed on every change but replaced only when its id lists or its
 * progress differ, so a note edit (which moves nothing) does not re-render the list.
 */
import {
  buildAgenda,
  listItems,
  observeItems,
  readItem,
  readReviewInfo,
  reviewMap,
  type AgendaProgress,
  type ReviewInfo,
  type ReviewItem,
} from '@fourwall/shared'
import type * as Y from 'yjs'
import { KeyedListeners, type Listener } from './KeyedListeners.js'

export interface AgendaSnapshot {
  /** Red (longest at risk first), then Yellow: the items the review discusses. */
  discuss: readonly string[]
  /** Items nobody gave a status this week. */
  unset: readonly string[]
  /** Folded away: the review skips them. */
  green: readonly string[]
  progress: AgendaProgress
  /** The first item to discuss that has no outcome yet. */
  next: string | null
  /** Every item of the week, whatever its status. */
  total: number
}


const EMPTY_AGENDA: AgendaSnapshot = {
  discuss: [],
  unset: [],
  green: [],
  progress: { total: 0, discussed: 0, left: 0 },
  next: null,
  total: 0,
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index])
}

function sameProgress(a: AgendaProgress, b: AgendaProgress): boolean {
  return a.total === b.total && a.discussed === b.discussed && a.left === b.left
}

function sameAgenda(a: AgendaSnapshot, b: AgendaSnapshot): boolean {
  return (
    a.total === b.total &&
    a.next === b.next &&
    sameProgress(a.progress, b.progress) &&
    sameIds(a.discuss, b.discuss) &&
    sameIds(a.unset, b.unset) &&
    sameIds(a.green, b.green)
  )
}

function sameInfo(a: ReviewInfo | null, b: ReviewInfo | null): boolean {
  return a === b || (a !== null && b !== null && a.weekId === b.weekId && a.createdFrom === b.createdFrom && a.createdAt === b.createdAt)
}

export class ItemStore {
  private readonly items = new Map<string, ReviewItem>()
  private readonly itemListeners = new KeyedListeners()
  private readonly agendaListeners = new Set<Listener>()
  private readonly infoListeners = new Set<Listener>()
  private agenda: AgendaSnapshot = EMPTY_AGENDA
  private info: ReviewInfo | null
  private readonly stopObserving: () => void
  private readonly onReview = (): void => this.reviewChanged()

  constructor(readonly doc: Y.Doc) {
    this.info = readReviewInfo(doc)
    for (const item of listItems(doc)) this.items.set(item.id, item)
    this.agenda = this.computeAgenda()
    this.stopObserving = observeItems(doc, (ids) => this.itemsChanged(ids))
    reviewMap(doc).observe(this.onReview)
  }

  destroy(): void {
    this.stopObserving()
    reviewMap(this.doc).unobserve(this.onReview)
    this.itemListeners.clear()
    this.agendaListeners.clear()
    this.infoListeners.clear()
  }

  // ---- reading (stable snapshots for useSyncExternalStore) ----------------------------------

  item(id: string): ReviewItem | undefined {
    return this.items.get(id)
  }

  agendaSnapshot(): AgendaSnapshot {
    return this.agenda
  }

  reviewInfo(): ReviewInfo | null {
    return this.info
  }

  // ---- subscribing ----------------------------------------------------------------------------

  subscribeItem(id: string, listener: Listener): () => void {
    return this.itemListeners.subscribe(id, listener)
  }

  subscribeAgenda(listener: Listener): () => void {
    this.agendaListeners.add(listener)
    return () => this.agendaListeners.delete(listener)
  }

  subscribeInfo(listener: Listener): () => void {
    this.infoListeners.add(listener)
    return () => this.infoListeners.delete(listener)
  }

  // ---- following the document -----------------------------------------------------------------

  private itemsChanged(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const item = readItem(this.doc, id)
      if (item) this.items.set(id, item)
      else this.items.delete(id)
    }
    for (const id of ids) this.notifyItem(id)
    this.refreshAgenda()
  }

  /** The week's id is part of every item's trend, so a new week id re-reads them all (rare: creation). */
  private reviewChanged(): void {
    const next = readReviewInfo(this.doc)
    if (sameInfo(next, this.info)) return
    const weekChanged = next?.weekId !== this.info?.weekId
    this.info = next
    if (weekChanged) this.itemsChanged(new Set(this.items.keys()))
    for (const listener of [...this.infoListeners]) listener()
  }

  private notifyItem(id: string): void {
    this.itemListeners.notify(id)
  }

  private refreshAgenda(): void {
    const computed = this.computeAgenda()
    if (sameAgenda(computed, this.agenda)) return
    // Lists that did not change keep their array, so their section does not re-render either.
    const keep = (list: readonly string[], previous: readonly string[]): readonly string[] => (sameIds(list, previous) ? previous : list)
    const previous = this.agenda
    this.agenda = {
      ...computed,
      discuss: keep(computed.discuss, previous.discuss),
      unset: keep(computed.unset, previous.unset),
      green: keep(computed.green, previous.green),
      progress: sameProgress(computed.progress, previous.progress) ? previous.progress : computed.progress,
    }
    for (const listener of [...this.agendaListeners]) listener()
  }

  private computeAgenda(): AgendaSnapshot {
    const built = buildAgenda([...this.items.values()])
    const ids = (items: readonly ReviewItem[]): string[] => items.map((item) => item.id)
    return {
      discuss: ids(built.discuss),
      unset: ids(built.unset),
      green: ids(built.green),
      progress: built.progress,
      next: built.next?.id ?? null,
      total: this.items.size,
    }
  }
}
