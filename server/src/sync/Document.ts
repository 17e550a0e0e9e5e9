/**
 * One loaded Yjs document and the connections editing it. Four rules live here:
 * - an update is relayed only after storage made it durable (so an edit anyone saw survives a crash);
 * - a sync reply never contains content that is not yet durable;
 * - awareness is relayed in batches, one encoding per audience, never echoed to its sender;
 *   viewers' (read-only connections') presence goes to editors only, so a room of a thousand
 *   viewers does not relay each viewer to every other viewer, while editors see who is watching;
 * - what other server processes stored and said (Fanout) is merged and relayed to this process's
 *   connections, but never stored or published again.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '@fourwall/shared'
import type { FourwallConfig } from '../config.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage } from '../storage/Storage.js'
import {
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  MAX_CLIENTS_PER_CONNECTION,
  stampIdentity,
} from './AwarenessFilter.js'
import type { Connection } from './Connection.js'
import { REMOTE_ORIGIN, type DocumentFeed, type Fanout, type FanoutListener } from './Fanout.js'
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.js'
import { decodePresence, encodePresence, RemotePresence, type PresenceEntry } from './RemotePresence.js'
import type { WriteQueue, WriteQueueClient } from './WriteQueue.js'
import { concatFrames, wireFrame, type WireFrame } from './wireFrame.js'

export interface DocumentDeps {
  storage: Storage
  /** Loads documents and follows what other processes store and say about them. */
  fanout: Fanout
  writeQueue: WriteQueue
  metrics: Metrics
  log: Logger
  config: Pick<FourwallConfig, 'compactAfterUpdates' | 'awarenessBatchMs'>
}

/** An update applied in memory and waiting for storage before it is relayed. */
interface Outgoing {
  update: Uint8Array
  origin: Connection | null
}

/** A presence change waiting for the next batch: whose it was when it happened. */
interface AwarenessChange {
  /** This process's connection speaking for the client; null for a remote (or timed-out, unowned) one. */
  owner: Connection | null
  viewer: boolean
}

/**
 * Origin of a remote transaction that also completed a client's update Yjs was holding back for a
 * missing dependency (see applyRemote): stored, unlike a plain remote transaction.
 */
const REMOTE_WITH_LOCAL_ORIGIN = Symbol('fourwall-remote-with-local')

/** Below this size the byte rule never triggers compaction: tiny documents compact on count. */
const MIN_COMPACTION_BYTES = 64 * 1024
/** Sync step 2 replies kept per distinct state vector until the document changes (a join storm asks the same one). */
const MAX_CACHED_REPLIES = 16

export class Document implements WriteQueueClient {
  readonly ydoc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc)
  readonly connections = new Set<Connection>()
  /** Set by the registry while the document waits to unload. */
  unloadTimer: NodeJS.Timeout | null = null
  /** Called after updates from another process were merged (e.g. a week closed there: see SyncEndpoint). */
  readonly remoteUpdateListeners = new Set<() => void>()

  /** Updates applied in memory, waiting for storage, in order. */
  private readonly outbox: Outgoing[] = []
  private appliedSeq = 0
  private persistedSeq = 0
  private persistWaiters: Array<{ seq: number; run: () => void }> = []
  private failed = false

  private storedRows = 0
  private storedBytes = 0
  private snapshotBytes = 0
  private compacting: Promise<void> | null = null

  private readonly clientOwners = new Map<number, Connection>()
  private readonly remotePresence = new RemotePresence()
  private readonly awarenessChanges = new Map<number, AwarenessChange>()
  private awarenessTimer: NodeJS.Timeout | null = null
  /** What the document holds (state vector and deletions), taken when needed, dropped on change. */
  private snapshot: Y.Snapshot | null = null
  /** The server's sync step 1 and its step 2 replies by the asker's state vector: built once, dropped on change. */
  private step1: WireFrame | null = null
  private readonly step2Replies = new Map<string, WireFrame>()
  /** Other processes' updates and presence: opened once the document is loaded; null with a single process. */
  private feed: DocumentFeed | null = null

  constructor(
    readonly name: string,
    private readonly deps: DocumentDeps,
  ) {
    // The server holds no presence of its own; it only relays the clients'.
    this.awareness.setLocalState(null)
  }

  /**
   * Loads every stored update; the document takes part in syncing only after this resolves. Then
   * it follows other processes' updates from exactly where the load ended: whatever they store
   * while the load is under way waits in storage (the Redis stream) and is read next, so nothing
   * stored meanwhile is lost, however slow the load.
   */
  async load(): Promise<void> {
    const { updates, position } = await this.deps.fanout.load(this.name)
    this.ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.ydoc, update)
    })
    this.countStored(updates)
    this.ydoc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.feed = this.deps.fanout.subscribe(this.name, position, this.remote)
  }

  /** Resets the storage counters that drive compaction to a full load's. */
  private countStored(updates: readonly Uint8Array[]): void {
    this.storedRows = updates.length
    this.storedBytes = updates.reduce((sum, update) => sum + update.byteLength, 0)
    this.snapshotBytes = this.storedRows > 0 ? updates[0]!.byteLength : 0
  }

  /** What other processes store and say about this document. */
  private readonly remote: FanoutListener = {
    onUpdates: (updates) => {
      this.applyRemote(updates)
      // Their rows are in the same stream: they count towards compaction, which the next local
      // write triggers (so two processes do not both compact on every remote row).
      this.storedRows += updates.length
      this.storedBytes += updates.reduce((sum, update) => sum + update.byteLength, 0)
    },
    onReload: (updates) => {
      this.applyRemote(updates)
      this.countStored(updates)
    },
    onAwareness: (message, fromProcess) => this.applyRemoteAwareness(message, fromProcess),
    onAwarenessQuery: () => this.publishPresence([...this.clientOwners].map(([id, owner]) => ({ id, viewer: owner.readOnly }))),
  }

  /**
   * Merges updates another process stored. They are durable already, so the transaction's update
   * is relayed at once and never stored again (REMOTE_ORIGIN, see onDocUpdate).
   *
   * One exception: a client's update whose dependencies had not arrived yet waits inside Yjs
   * (pending structs or deletions), and was not stored, because Yjs reports only what it
   * integrated. If a remote update completes it, the same transaction carries the client's content,
   * so then the transaction is stored as the server's: the remote part a second time, which costs
   * bytes, never an edit.
   */
  private applyRemote(updates: readonly Uint8Array[]): void {
    if (this.failed || updates.length === 0) return
    const { pendingStructs, pendingDs } = this.ydoc.store
    const origin = pendingStructs !== null || pendingDs !== null ? REMOTE_WITH_LOCAL_ORIGIN : REMOTE_ORIGIN
    this.ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.ydoc, update)
    }, origin)
    for (const listener of this.remoteUpdateListeners) listener()
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection)
    connection.sendFrame((this.step1 ??= wireFrame(encodeSyncStep1(this.ydoc))))
    const others = this.visibleStates(connection)
    if (others.length > 0) {
      connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)))
    }
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    const owned = [...connection.ownedClients]
    // Removed while still owned, so the removal is relayed to the same audience as the states were.
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, connection)
    for (const clientId of owned) this.clientOwners.delete(clientId)
  }

  /** Applies a client's document update; its relay waits for storage (see onPersisted). */
  applyUpdate(update: Uint8Array, origin: Connection): void {
    if (this.failed) return
    Y.applyUpdate(this.ydoc, update, origin)
  }

  /**
   * Whether applying the update would change nothing: all its structs and deletions are already in
   * the document (Y.snapshotContainsUpdate, as Hocuspocus checks a read-only SyncStep2). Throws on
   * a malformed update. The snapshot is reused until the document changes.
   */
  containsUpdate(update: Uint8Array): boolean {
    this.snapshot ??= Y.snapshot(this.ydoc)
    return Y.snapshotContainsUpdate(this.snapshot, update)
  }

  /**
   * Answers a client's sync step 1, once everything the answer contains is durable. Clients that
   * hold the same state (every new viewer holds nothing) get the same reply, encoded once.
   */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    const reply = this.step2Reply(stateVector)
    this.whenDurable(() => connection.sendFrame(reply))
  }

  private step2Reply(stateVector: Uint8Array): WireFrame {
    const key = Buffer.from(stateVector.buffer, stateVector.byteOffset, stateVector.byteLength).toString('latin1')
    const cached = this.step2Replies.get(key)
    if (cached) return cached
    const reply = wireFrame(encodeSyncStep2(this.ydoc, stateVector))
    if (this.step2Replies.size < MAX_CACHED_REPLIES) this.step2Replies.set(key, reply)
    return reply
  }

  applyAwareness(connection: Connection, update: Uint8Array): void {
    const kept = []
    for (const entry of decodeAwarenessEntries(update)) {
      // Validated (and stamped) before it may claim anything.
      const json = stampIdentity(entry.json, connection.identity)
      const owner = this.clientOwners.get(entry.clientId)
      if (owner !== connection && !this.mayClaim(connection, owner, entry.clientId, json)) continue
      if (owner !== connection) {
        // A person reconnecting before their old socket was found dead takes their presence along
        // (also from another process, when the reconnect landed here).
        owner?.ownedClients.delete(entry.clientId)
        this.remotePresence.forget(entry.clientId)
        this.clientOwners.set(entry.clientId, connection)
        connection.ownedClients.add(entry.clientId)
      }
      kept.push({ ...entry, json })
    }
    if (kept.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), connection)
    }
  }

  private mayClaim(connection: Connection, owner: Connection | undefined, clientId: number, json: string): boolean {
    if (owner !== undefined && owner.identity.id !== connection.identity.id) return false
    if (owner === undefined && !this.remotePresence.mayBeClaimedBy(clientId, connection.identity.id)) return false
    return json !== 'null' && connection.ownedClients.size < MAX_CLIENTS_PER_CONNECTION
  }

  /** Another process's presence message: its clients' entries, under the rules of RemotePresence. */
  private applyRemoteAwareness(message: Uint8Array, fromProcess: string): void {
    let entries: PresenceEntry[]
    try {
      entries = decodePresence(message)
    } catch (error) {
      this.deps.log.warn('ignoring a malformed presence message from another process', { doc: this.name, process: fromProcess, error })
      return
    }
    const kept = this.remotePresence.accept(entries, fromProcess, (clientId) => this.clientOwners.has(clientId))
    if (kept.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(kept), REMOTE_ORIGIN)
    }
  }

  /** Tells the other processes the current presence (or removal) of these local clients. */
  private publishPresence(clients: ReadonlyArray<{ id: number; viewer: boolean }>): void {
    if (!this.feed) return
    const states = this.awareness.getStates()
    const entries: PresenceEntry[] = []
    for (const { id, viewer } of clients) {
      const meta = this.awareness.meta.get(id)
      if (!meta) continue
      const state = states.get(id)
      entries.push({ clientId: id, clock: meta.clock, json: state === undefined ? 'null' : JSON.stringify(state), viewer })
    }
    if (entries.length > 0) this.feed.publishAwareness(encodePresence(entries))
  }

  /** The presence the asker may see (see visibleStates). */
  answerQueryAwareness(connection: Connection): void {
    const ids = this.visibleStates(connection)
    if (ids.length > 0) connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
  }

  /** Current presence for a connection: an editor sees everyone, a viewer editors only; never its own. */
  private visibleStates(connection: Connection): number[] {
    const ids: number[] = []
    for (const id of this.awareness.getStates().keys()) {
      if (connection.ownedClients.has(id)) continue
      if (connection.readOnly && this.isViewerClient(id)) continue
      ids.push(id)
    }
    return ids
  }

  /** Whether a client's presence is a viewer's: its connection's, here or on another process. Unknown counts as a viewer's: it goes to the fewest. */
  private isViewerClient(clientId: number): boolean {
    const owner = this.clientOwners.get(clientId)
    if (owner) return owner.readOnly
    return this.remotePresence.isViewer(clientId) ?? true
  }

  onPersisted(count: number): void {
    const durable = this.outbox.splice(0, count)
    for (const { update } of durable) {
      this.storedRows++
      this.storedBytes += update.byteLength
    }
    this.relay(durable)
    this.persistedSeq += count
    this.runPersistWaiters()
    this.maybeCompact()
  }

  onPersistFailed(error: unknown): void {
    // The in-memory document now holds edits storage does not. Drop every connection so clients
    // resync against a fresh load from storage and send their unsaved edits again.
    this.failed = true
    this.deps.log.error('document stopped after a failed write', { doc: this.name, error })
    for (const connection of [...this.connections]) connection.close(CloseCode.storageUnavailable, 'storage write failed')
    this.persistedSeq = this.appliedSeq
    this.runPersistWaiters()
  }

  get hasFailed(): boolean {
    return this.failed
  }

  /** Resolves once every update applied so far is durable. */
  whenPersisted(): Promise<void> {
    return new Promise((resolve) => this.whenDurable(resolve))
  }

  /** Waits for pending writes, compacts, and frees the document's memory. */
  async unload(): Promise<void> {
    await this.whenPersisted()
    if (!this.failed && this.storedRows > 1) {
      await (this.compacting ?? Promise.resolve())
      await this.compact()
    } else if (this.compacting) {
      await this.compacting
    }
    this.destroy()
  }

  destroy(): void {
    // The last batch still goes out: it holds the goodbyes other processes are waiting for.
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer)
      this.flushAwareness()
    }
    this.feed?.close()
    this.feed = null
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    this.ydoc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.ydoc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.snapshot = null
    this.step1 = null
    this.step2Replies.clear()
    if (origin === REMOTE_ORIGIN) {
      // Another process stored it before this one read it: relayed at once, never stored again.
      // It may overtake local updates still waiting for storage; Yjs merges in any order.
      this.broadcast(wireFrame(encodeUpdate(update)), null)
      return
    }
    this.appliedSeq++
    this.deps.metrics.updatesReceived.inc()
    const sender = this.connections.has(origin as Connection) ? (origin as Connection) : null
    this.outbox.push({ update, origin: sender })
    // Stored with who sent it (the update log); the server's own edits (origin not a connection) have no author.
    const author = sender
      ? { personId: sender.identity.id, personName: sender.identity.name, connectionId: sender.id }
      : undefined
    this.deps.writeQueue.enqueue(this, update, author)
  }

  private broadcast(frame: WireFrame, except: Connection | null): void {
    const now = Date.now()
    for (const connection of this.connections) {
      if (connection !== except) connection.sendFrame(frame, now)
    }
  }

  /**
   * Relays updates that became durable together (one storage write holds an event-loop turn's
   * updates): each is framed once, and each connection gets all of them in one socket write, a
   * sender only the others'. Not merged into one Yjs update: Y.mergeUpdates grows faster than
   * linearly with the number of updates, and a burst can make thousands durable at once.
   */
  private relay(durable: readonly Outgoing[]): void {
    if (durable.length === 0) return
    const frames = durable.map((o) => wireFrame(encodeUpdate(o.update)))
    const toEveryone = concatFrames(frames)
    const othersBySender = new Map<Connection, WireFrame[]>()
    for (const { origin } of durable) {
      if (origin && !othersBySender.has(origin)) othersBySender.set(origin, frames.filter((_, i) => durable[i]!.origin !== origin))
    }
    const now = Date.now()
    for (const connection of this.connections) {
      const others = othersBySender.get(connection)
      if (!others) connection.sendFrame(toEveryone, now, frames.length)
      else if (others.length > 0) connection.sendFrame(concatFrames(others), now, others.length)
    }
  }

  private whenDurable(run: () => void): void {
    if (this.persistedSeq >= this.appliedSeq) run()
    else this.persistWaiters.push({ seq: this.appliedSeq, run })
  }

  private runPersistWaiters(): void {
    if (this.persistWaiters.length === 0) return
    const ready = this.persistWaiters.filter((waiter) => waiter.seq <= this.persistedSeq)
    this.persistWaiters = this.persistWaiters.filter((waiter) => waiter.seq > this.persistedSeq)
    for (const waiter of ready) waiter.run()
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    for (const ids of [change.added, change.updated, change.removed]) {
      for (const id of ids) {
        const owner = this.clientOwners.get(id) ?? null
        this.awarenessChanges.set(id, { owner, viewer: this.isViewerClient(id) })
      }
    }
    // A remote client's presence is gone (its process said so, or it timed out): forget its owner.
    for (const id of change.removed) if (!this.clientOwners.has(id)) this.remotePresence.forget(id)
    if (this.awarenessTimer === null) {
      this.awarenessTimer = setTimeout(this.flushAwareness, this.deps.config.awarenessBatchMs)
    }
  }

  /**
   * One encoded message per audience: editors get every change, viewers only editors' changes. Only
   * the few senders in the batch whose own entries are in their audience get a message of their own.
   */
  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null
    const everyone: number[] = []
    const fromEditors: number[] = []
    const local: Array<{ id: number; viewer: boolean }> = []
    const senders = new Set<Connection>()
    for (const [id, { owner, viewer }] of this.awarenessChanges) {
      if (owner) senders.add(owner)
      if (!this.awareness.meta.has(id)) continue
      everyone.push(id)
      if (owner) local.push({ id, viewer })
      if (!viewer) fromEditors.push(id)
    }
    this.awarenessChanges.clear()
    // Only this process's own clients: what came from other processes is never echoed back.
    this.publishPresence(local)
    if (everyone.length === 0) return
    let forEditors: WireFrame | null = null
    let forViewers: WireFrame | null = null
    const now = Date.now()
    for (const connection of this.connections) {
      const audience = connection.readOnly ? fromEditors : everyone
      if (audience.length === 0) continue
      const notOwn = senders.has(connection) ? audience.filter((id) => !connection.ownedClients.has(id)) : audience
      if (notOwn.length === 0) continue
      if (notOwn.length < audience.length) {
        connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, notOwn)))
      } else if (connection.readOnly) {
        connection.sendFrame((forViewers ??= wireFrame(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, fromEditors)))), now)
      } else {
        connection.sendFrame((forEditors ??= wireFrame(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, everyone)))), now)
      }
    }
  }

  private maybeCompact(): void {
    if (this.compacting || this.failed) return
    // Compaction rebuilds the whole document, so it must wait until the updates since the snapshot
    // are worth it (an eighth of it): counting rows alone made a large document under a burst of
    // small edits compact every 500 of them, half the server's time.
    const tooMany = this.storedRows > this.deps.config.compactAfterUpdates && 8 * (this.storedBytes - this.snapshotBytes) >= this.snapshotBytes
    const tooBig = this.storedBytes > 2 * Math.max(this.snapshotBytes, MIN_COMPACTION_BYTES)
    if (tooMany || tooBig) void this.compact()
  }

  private compact(): Promise<void> {
    const rowsBefore = this.storedRows
    const bytesBefore = this.storedBytes
    this.compacting = this.deps.storage
      .compact(this.name)
      .then((result) => {
        // Rows persisted while compaction ran are not in the result; keep counting them.
        this.storedRows = result.count + (this.storedRows - rowsBefore)
        this.storedBytes = result.bytes + (this.storedBytes - bytesBefore)
        this.snapshotBytes = result.bytes
        if (result.merged > 0) this.deps.metrics.compactions.inc()
      })
      .catch((error: unknown) => this.deps.log.error('compaction failed', { doc: this.name, error }))
      .finally(() => {
        this.compacting = null
      })
    return this.compacting
  }
}
