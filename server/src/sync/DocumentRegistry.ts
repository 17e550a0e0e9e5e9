/**
 * Which documents are in memory. Loads each at most once at a time, unloads it a while after its
 * last connection leaves, and makes a connection that arrives mid-unload wait for a fresh load.
 */
import type { FourwallConfig } from '../config.js'
import { Document, type DocumentDeps } from './Document.js'

export class DocumentRegistry {
  private readonly loaded = new Map<string, Document>()
  private readonly loading = new Map<string, Promise<Document>>()
  private readonly unloading = new Map<string, Promise<void>>()

  constructor(
    private readonly deps: DocumentDeps,
    private readonly config: Pick<FourwallConfig, 'unloadAfterMs'>,
    /** Runs on each document once it is loaded, before anyone syncs it (the workspace's default domains). */
    private readonly onLoaded: (document: Document) => void = () => {},
  ) {}

  get size(): number {
    return this.loaded.size
  }

  has(name: string): boolean {
    return this.loaded.has(name)
  }

  get(name: string): Promise<Document> {
    const loaded = this.loaded.get(name)
    if (loaded && !loaded.hasFailed) return Promise.resolve(loaded)
    // A document whose write failed is dropped and loaded again from storage.
    if (loaded) void this.unload(loaded)
    const pending = this.loading.get(name)
    if (pending) return pending
    const load = this.load(name).finally(() => this.loading.delete(name))
    this.loading.set(name, load)
    return load
  }

  /** Called when a document's last connection left: unload it after the configured delay. */
  scheduleUnload(document: Document): void {
    if (document.connections.size > 0 || document.unloadTimer) return
    document.unloadTimer = setTimeout(() => {
      document.unloadTimer = null
      if (document.connections.size === 0) void this.unload(document)
    }, this.config.unloadAfterMs)
  }

  cancelUnload(document: Document): void {
    if (document.unloadTimer) clearTimeout(document.unloadTimer)
    document.unloadTimer = null
  }

  /**
   * Runs a server-side job (closing a week, creating one) on documents that may have no connection:
   * every document `open` returns stays loaded until the job ends, then unloads in the usual time.
   */
  async use<T>(job: (open: (name: string) => Promise<Document>) => Promise<T>): Promise<T> {
    const held: Document[] = []
    const open = async (name: string) => {
      const document = await this.get(name)
      this.cancelUnload(document)
      held.push(document)
      return document
    }
    try {
      return await job(open)
    } finally {
      for (const document of held) this.scheduleUnload(document)
    }
  }

  /** Unloads everything now (shutdown). */
  async unloadAll(): Promise<void> {
    await Promise.allSettled([...this.loading.values()])
    await Promise.all([...this.loaded.values()].map((document) => this.unload(document)))
    await Promise.all([...this.unloading.values()])
  }

  private async load(name: string): Promise<Document> {
    const unloading = this.unloading.get(name)
    if (unloading) await unloading
    const document = new Document(name, this.deps)
    try {
      await document.load()
    } catch (error) {
      document.destroy()
      throw error
    }
    this.onLoaded(document)
    this.loaded.set(name, document)
    // If the connection that asked for it has gone meanwhile, it still unloads in time.
    this.scheduleUnload(document)
    return document
  }

  private unload(document: Document): Promise<void> {
    if (this.loaded.get(document.name) !== document) return this.unloading.get(document.name) ?? Promise.resolve()
    this.cancelUnload(document)
    this.loaded.delete(document.name)
    const done = document
      .unload()
      .catch((error: unknown) => this.deps.log.error('unload failed', { doc: document.name, error }))
      .finally(() => this.unloading.delete(document.name))
    this.unloading.set(document.name, done)
    return done
  }
}
