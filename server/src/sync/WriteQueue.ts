/**
 * Batches the updates of one event-loop turn, across every document, into one storage write, and
 * tells each document how many of its updates became durable. Batches are written one at a time,
 * so updates become durable (and are relayed) in the order they were applied.
 */
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage, StoredUpdate, UpdateAuthor } from '../storage/Storage.js'

export interface WriteQueueClient {
  readonly name: string
  /** `count` more of this document's queued updates are durable. */
  onPersisted(count: number): void
  /** The write failed: the document must stop accepting edits. */
  onPersistFailed(error: unknown): void
}

export class WriteQueue {
  private pending: StoredUpdate[] = []
  private pendingOwners: WriteQueueClient[] = []
  private scheduled = false
  private writing: Promise<void> | null = null

  constructor(
    private readonly storage: Storage,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  /** Queues one update of `owner`; `author` is the connection that sent it (none for the server's own edits). */
  enqueue(owner: WriteQueueClient, update: Uint8Array, author?: UpdateAuthor): void {
    this.pending.push(author ? { docName: owner.name, update, author } : { docName: owner.name, update })
    this.pendingOwners.push(owner)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => void this.flush())
    }
  }

  /** Resolves once everything enqueued so far is durable (or has failed). */
  async drain(): Promise<void> {
    while (this.writing || this.pending.length > 0) {
      if (this.writing) await this.writing
      else await this.flush()
    }
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    if (this.writing) {
      // The running write picks this batch up when it finishes.
      return
    }
    while (this.pending.length > 0) {
      const batch = this.pending
      const owners = this.pendingOwners
      this.pending = []
      this.pendingOwners = []
      this.writing = this.write(batch, owners)
      await this.writing
      this.writing = null
    }
  }

  private async write(batch: StoredUpdate[], owners: WriteQueueClient[]): Promise<void> {
    const counts = new Map<WriteQueueClient, number>()
    for (const owner of owners) counts.set(owner, (counts.get(owner) ?? 0) + 1)
    const started = performance.now()
    try {
      await this.storage.append(batch)
    } catch (error) {
      this.log.error('storage write failed', { error, updates: batch.length })
      for (const owner of counts.keys()) owner.onPersistFailed(error)
      return
    }
    this.metrics.storageWriteSeconds.observe((performance.now() - started) / 1000)
    for (const [owner, count] of counts) owner.onPersisted(count)
  }
}
