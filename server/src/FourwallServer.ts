/**
 * Puts the pieces together on one HTTP server: Express, the Yjs sync endpoint and socket.io. Used
 * by `main.ts` and by the tests, which start real servers on port 0.
 */
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import path from 'node:path'
import type { Server as SocketServer } from 'socket.io'
import { SqliteAccountStore } from './accounts/SqliteAccountStore.js'
import type { AccountStore } from './accounts/AccountStore.js'
import { Accounts } from './auth/Accounts.js'
import { Authenticator } from './auth/Authenticator.js'
import { loadOrCreateSecret } from './auth/secret.js'
import { SessionWatcher, type SessionHolder } from './auth/SessionWatcher.js'
import { TokenSigner } from './auth/tokens.js'
import type { FourwallConfig } from './config.js'
import { createApp } from './http/app.js'
import { originChecker, originForLog } from './http/origin.js'
import { createLogger, type Logger } from './logger.js'
import { Metrics } from './metrics.js'
import type { RedisRealtime } from './realtime/RedisRealtime.js'
import { createSocketServer, socketHolder } from './realtime/socketio.js'
import { SqliteStorage } from './storage/SqliteStorage.js'
import type { Storage } from './storage/Storage.js'
import type { Document } from './sync/Document.js'
import { DocumentRegistry } from './sync/DocumentRegistry.js'
import { SingleProcessFanout, type Fanout } from './sync/Fanout.js'
import { SYNC_PATH, SyncEndpoint } from './sync/SyncEndpoint.js'
import { WriteQueue } from './sync/WriteQueue.js'
import {
  buildWeekSummary,
  createWeekFrom,
  itemsMap,
  mondayOf,
  parseDocName,
  readReviewInfo,
  summaryMarkdown,
  ValidationError,
  WORKSPACE_DOC,
  weekDocName,
  type CreateWeekResult,
  type WeekId,
  type WeekSummary,
} from '@fourwall/shared'
import type { WeekCreation } from './http/routes/reviews.js'
import type { DemoLoad } from './http/routes/demo.js'
import type { SlackPosting } from './http/routes/weeks.js'
import type { Identity } from './auth/tokens.js'
import { isWorkspaceEmpty, loadDemo, type DemoLoaded } from './demo/loadDemo.js'
import { SlackNotifier } from './notify/SlackNotifier.js'
import { readSlackWebhook } from './notify/webhookUrl.js'
import { SERVER_ORIGIN, WeekClosure, type ClosedMark } from './weeks/WeekClosure.js'
import { weekCapacity } from './weeks/weekCapacity.js'
import { createDecisionSigning, type DecisionSigning } from './decisions/createDecisionSigning.js'
import { decisionHandlers } from './realtime/decisionHandlers.js'
import { questionHandlerDeps, questionHandlers } from './realtime/questionHandlers.js'
import { seedDefaultDomains } from './domains/seedDefaultDomains.js'

export interface FourwallServerOptions {
  log?: Logger
  /** Defaults to SQLite in DATA_DIR. */
  storage?: Storage
  /** Defaults to SQLite in DATA_DIR (the same file as the documents). */
  accountStore?: AccountStore
}

export class FourwallServer {
  readonly metrics = new Metrics()
  readonly httpServer: HttpServer
  readonly io: SocketServer
  readonly documents: DocumentRegistry
  readonly sync: SyncEndpoint
  readonly tokens: TokenSigner
  readonly closure: WeekClosure
  readonly accounts: Accounts
  readonly authenticator: Authenticator
  readonly sessions: SessionWatcher
  readonly slack: SlackNotifier
  readonly decisions: DecisionSigning
  private readonly writeQueue: WriteQueue
  private accepting = true
  private closing: Promise<void> | null = null

  static async start(config: FourwallConfig, options: FourwallServerOptions = {}): Promise<FourwallServer> {
    const log = options.log ?? createLogger(config.logLevel)
    const file = path.join(config.dataDir, 'fourwall.db')
    // With REDIS_URL, people, sessions, the audit log and the meeting live in Redis too: any process serves any request.
    const redis = config.redisUrl ? { connection: { url: config.redisUrl, prefix: config.redisPrefix, log }, ...(await loadRedisModules()) } : null
    const storage =
      options.storage ??
      (redis ? await redis.RedisStorage.open(redis.connection) : SqliteStorage.open({ file, synchronous: config.sqliteSynchronous }))
    const accountStore =
      options.accountStore ??
      (redis ? await redis.RedisAccountStore.open(redis.connection) : SqliteAccountStore.open({ file, synchronous: config.sqliteSynchronous }))
    const realtime = redis ? await redis.RedisRealtime.open(redis.connection) : null
    // With Redis, documents follow the other processes' updates and presence (closed with the storage).
    const fanout = followsOtherProcesses(storage) ? await storage.openFanout() : new SingleProcessFanout(storage)
    const server = new FourwallServer(config, storage, accountStore, log, fanout, realtime)
    await server.listen()
    return server
  }

  private constructor(
    readonly config: FourwallConfig,
    readonly storage: Storage,
    readonly accountStore: AccountStore,
    readonly log: Logger,
    fanout: Fanout,
    private readonly realtime: RedisRealtime | null = null,
  ) {
    const { secret } = loadOrCreateSecret(config.dataDir, config.secret)
    this.tokens = new TokenSigner(secret)
    this.closure = new WeekClosure(secret)
    this.sessions = new SessionWatcher({
      store: accountStore,
      intervalMs: config.sessionCheckMs,
      log,
      holders: () => this.sessionHolders(),
    })
    this.accounts = new Accounts({
      store: accountStore,
      config,
      log,
      onSessionsEnded: (ids) => this.sessions.endSessions(ids),
      onPersonChanged: (personId) => this.sessions.personChanged(personId),
      attemptLimiter: realtime?.attemptLimiter,
    })
    this.authenticator = new Authenticator(this.tokens, this.accounts)
    this.decisions = createDecisionSigning({ secret, documents: () => this.documents, closure: this.closure, accounts: this.accounts, log })
    this.slack = new SlackNotifier({ log })
    this.writeQueue = new WriteQueue(storage, this.metrics, log)
    this.documents = new DocumentRegistry(
      { storage, fanout, writeQueue: this.writeQueue, metrics: this.metrics, log, config },
      config,
      seedDefaultDomains(log),
    )
    this.sync = new SyncEndpoint({
      config,
      documents: this.documents,
      authenticator: this.authenticator,
      closure: this.closure,
      messageRate: { perSecond: config.maxMessagesPerSecond, burst: config.messageBurst },
      metrics: this.metrics,
      log,
    })

    const originAllowed = originChecker(config)
    const app = createApp({
      config,
      storage,
      tokens: this.tokens,
      accounts: this.accounts,
      authenticator: this.authenticator,
      originAllowed,
      metrics: this.metrics,
      log,
      isAcceptingTraffic: () => this.accepting,
      closeWeek: (weekId, by) => this.closeWeek(weekId, by),
      listWeeks: () => this.listWeeks(),
      createWeek: (weekId, by) => this.createWeek(weekId, by),
      slack: this.slack,
      weekSummary: (weekId) => this.weekSummary(weekId),
      postWeekSummary: (weekId) => this.postWeekSummary(weekId),
      slackConfigured: async () => (await readSlackWebhook(accountStore)) !== null,
      demoAvailable: () => this.demoAvailable(),
      loadDemo: (by) => this.loadDemo(by),
      weekCapacity: (weekId) => weekCapacity({ documents: this.documents, listWeeks: () => this.listWeeks() }, weekId),
      decisionPublicKey: this.decisions.publicKey,
    })
    this.httpServer = createServer(app)
    this.io = createSocketServer(this.httpServer, {
      authenticator: this.authenticator,
      log,
      maxMessageBytes: config.maxMessageBytes,
      originAllowed,
      isWeekClosed: async (weekId) => {
        const name = weekDocName(weekId)
        return this.closure.closedMark(name, (await this.documents.get(name)).ydoc) !== null
      },
      handlers: [
        ...decisionHandlers({ signing: this.decisions }),
        ...questionHandlers(questionHandlerDeps({ documents: this.documents, store: accountStore, accounts: this.accounts })),
      ],
      scaleOut: realtime?.socketio,
    })
    // socket.io handles its own upgrades (and checks their Origin with allowRequest).
    this.httpServer.on('upgrade', (request, socket, head) => {
      const pathname = (request.url ?? '/').split('?')[0]!
      if (pathname.startsWith(SYNC_PATH)) {
        // Checked before the handshake completes: a foreign page gets no connection, no document load.
        if (!originAllowed(request)) {
          // The query string (the token) stays out of the log.
          log.warn('sync connection refused: origin not allowed', { origin: originForLog(request), path: pathname.slice(0, 200) })
          refuseUpgrade(socket, 403, 'Forbidden', 'origin not allowed')
          return
        }
        this.sync.handleUpgrade(request, socket, head)
      } else if (!pathname.startsWith('/socket.io/')) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
    })

    this.sessions.start()
    this.metrics.gauge('fourwall_connections', 'Open sync (Yjs) connections', () => this.sync.connections.size)
    this.metrics.gauge('fourwall_socketio_connections', 'Open socket.io connections', () => this.io.engine.clientsCount)
    this.metrics.gauge('fourwall_documents_loaded', 'Documents held in memory', () => this.documents.size)
  }

  get port(): number {
    return (this.httpServer.address() as AddressInfo).port
  }

  /** http://host:port as reachable from this machine. */
  get url(): string {
    const host = this.config.host === '0.0.0.0' || this.config.host === '::' ? '127.0.0.1' : this.config.host
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.httpServer.once('error', reject)
      // A deep accept queue: a whole company opening the board at 9:00 connects at once, and with
      // Node's default of 511 the kernel drops the rest of the burst, which retry only after 1 s.
      this.httpServer.listen({ port: this.config.port, host: this.config.host, backlog: 4096 }, () => {
        this.httpServer.off('error', reject)
        resolve()
      })
    })
  }

  /**
   * Closes a week's review: both of its documents get the signed marker (stored and relayed like
   * any edit) and every connection to them turns read-only. Null if the week was already closed.
   */
  async closeWeek(weekId: WeekId, by: Identity): Promise<ClosedMark | null> {
    return this.documents.use(async (open) => {
      const [publicName] = WeekClosure.documentsOf(weekId)
      if (this.closure.closedMark(publicName, (await open(publicName)).ydoc)) return null
      const mark = await this.closeDocuments(weekId, open, by)
      this.log.info('week closed', { weekId, by: by.id, name: by.name })
      return mark
    })
  }

  /** Writes the close marker into both of a week's documents, turns their connections read-only, waits until it is stored. */
  private async closeDocuments(weekId: WeekId, open: (name: string) => Promise<Document>, by: Identity, at?: Date): Promise<ClosedMark> {
    let mark: ClosedMark | null = null
    for (const name of WeekClosure.documentsOf(weekId)) {
      const document = await open(name)
      mark = this.closure.close(name, document.ydoc, by, at)
      for (const connection of document.connections) connection.setReadOnly(true)
      await document.whenPersisted()
    }
    return mark!
  }

  /**
   * The summary of a week's review, with the close marker verified (a forged one reads as open).
   * Null when the week has neither a review nor a close marker.
   */
  async weekSummary(weekId: WeekId): Promise<WeekSummary | null> {
    return this.documents.use(async (open) => {
      const name = weekDocName(weekId)
      const doc = (await open(name)).ydoc
      const mark = this.closure.closedMark(name, doc)
      if (!mark && !readReviewInfo(doc) && itemsMap(doc).size === 0) return null
      return { ...buildWeekSummary(doc, weekId), closed: mark ? { at: mark.at, by: mark.by, byName: mark.byName } : null }
    })
  }

  /**
   * Posts a week's summary to the configured Slack webhook; null when none is configured. Never
   * throws for the webhook's sake: a refusal or a timeout comes back as `posted: false`.
   */
  async postWeekSummary(weekId: WeekId): Promise<SlackPosting | null> {
    const url = await readSlackWebhook(this.accountStore)
    if (url === null) return null
    // The summary is read first and the documents released: the post may take seconds.
    const summary = await this.weekSummary(weekId)
    if (!summary) return { posted: false, error: `Week ${weekId} has no review to summarise.` }
    const result = await this.slack.post(url, summaryMarkdown(summary, { form: 'slack-api' }))
    return result.ok ? { posted: true } : { posted: false, error: result.error }
  }

  /** The demo is offered while nothing has been set up: no team, no OKR, no week stored. */
  async demoAvailable(): Promise<boolean> {
    if ((await this.listWeeks()).length > 0) return false
    return this.documents.use(async (open) => isWorkspaceEmpty((await open(WORKSPACE_DOC)).ydoc))
  }

  /** Loads the first-run demo (demo/loadDemo.ts) into an empty installation. */
  async loadDemo(by: Identity): Promise<DemoLoad> {
    const refused = 'The demo can only be loaded into an empty workspace: this one already has teams, OKRs or weeks.'
    if ((await this.listWeeks()).length > 0) return { refused }
    return this.documents.use(async (open) => {
      const workspace = await open(WORKSPACE_DOC)
      // loadDemo writes the workspace before its first await, so a concurrent load finds it taken.
      if (!isWorkspaceEmpty(workspace.ydoc)) return { refused }
      let loaded: DemoLoaded
      try {
        loaded = await loadDemo(workspace, {
          open,
          by,
          closeWeek: async (weekId, at) => {
            await this.closeDocuments(weekId, open, by, at)
          },
        })
      } catch (error) {
        // Only a week someone created meanwhile can refuse the demo's carry-over.
        if (error instanceof ValidationError) return { refused: `The demo could not be loaded completely: ${error.message}` }
        throw error
      }
      this.log.info('demo loaded', { weeks: loaded.weeks, okrs: loaded.okrs, by: by.id, name: by.name })
      return { loaded }
    })
  }

  /** Weeks that have a stored public review document, newest first. */
  async listWeeks(): Promise<WeekId[]> {
    const weeks: WeekId[] = []
    for (const name of await this.storage.listDocuments()) {
      const kind = parseDocName(name)
      if (kind?.kind === 'week') weeks.push(kind.weekId)
    }
    return weeks.sort((a, b) => mondayOf(b).getTime() - mondayOf(a).getTime())
  }

  /**
   * Creates a week's review from the latest earlier week that has one (or from nothing) plus the
   * workspace's OKRs, written into the loaded document as the server: stored and relayed like any
   * edit, and durable before this resolves. Refuses a closed week and a week that already has items.
   */
  async createWeek(weekId: WeekId, by: Identity): Promise<WeekCreation> {
    return this.documents.use(async (open) => {
      const name = weekDocName(weekId)
      const target = await open(name)
      if (this.closure.closedMark(name, target.ydoc)) return { refused: `Week ${weekId} is closed, so its review cannot be created again.` }
      const workspace = await open(WORKSPACE_DOC)
      const earlier = (await this.listWeeks()).filter((week) => mondayOf(week).getTime() < mondayOf(weekId).getTime())
      let previous: Document | null = null
      for (const week of earlier) {
        const candidate = await open(weekDocName(week))
        if (readReviewInfo(candidate.ydoc)) {
          previous = candidate
          break
        }
      }
      // No awaits from here to the write, so two requests for the same week cannot both pass the check.
      const existing = itemsMap(target.ydoc).size
      if (existing > 0) {
        return { refused: `Week ${weekId} already has ${existing} item${existing === 1 ? '' : 's'}; creating it again would replace this week's edits.` }
      }
      let created: CreateWeekResult
      try {
        created = target.ydoc.transact(() => createWeekFrom(previous?.ydoc ?? null, workspace.ydoc, target.ydoc, weekId), SERVER_ORIGIN)
      } catch (error) {
        if (error instanceof ValidationError) return { refused: error.message }
        throw error
      }
      await target.whenPersisted()
      this.log.info('week created', { weekId, createdFrom: created.createdFrom, items: created.items, by: by.id, name: by.name })
      return { created }
    })
  }

  /**
   * Graceful stop: refuse new connections, close sockets with 1001, make every accepted edit
   * durable, compact what time allows, close storage. Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown()
    return this.closing
  }

  /** Every live socket bound to a person: Yjs connections and socket.io sockets. */
  private *sessionHolders(): Iterable<SessionHolder> {
    yield* this.sync.connections
    for (const socket of this.io.of('/').sockets.values()) yield socketHolder(socket)
  }

  private async shutdown(): Promise<void> {
    const deadline = Date.now() + this.config.shutdownTimeoutMs
    this.accepting = false
    this.sessions.stop()
    this.sync.closeAll()
    const httpClosed = new Promise<void>((resolve) => this.io.close(() => resolve()))
    this.httpServer.closeIdleConnections()
    const remaining = () => Math.max(0, deadline - Date.now() - 500)
    // A storage that stops answering must not hold the process past its deadline.
    await Promise.race([this.writeQueue.drain(), delay(remaining())])
    // Compaction on unload is an optimisation; every edit is already durable, so it may be cut short.
    await Promise.race([this.documents.unloadAll(), delay(remaining())])
    await Promise.race([this.writeQueue.drain(), delay(remaining())])
    this.httpServer.closeAllConnections()
    await Promise.race([httpClosed, delay(200)])
    await this.realtime?.close()
    await this.storage.close()
    await this.accountStore.close()
    this.log.info('server stopped')
  }
}

/** Answers an upgrade request with a plain HTTP error and closes the socket once it is written. */
function refuseUpgrade(socket: Duplex, status: number, statusText: string, message: string): void {
  socket.on('error', () => {})
  if (!socket.writable) {
    socket.destroy()
    return
  }
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  )
  // A peer that never reads must not hold the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref()
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** A store shared by several processes (RedisStorage), whose documents follow what the others store. */
function followsOtherProcesses(storage: Storage): storage is Storage & { openFanout(): Promise<Fanout> } {
  return typeof (storage as { openFanout?: unknown }).openFanout === 'function'
}

/**
 * The Redis modules, loaded only when REDIS_URL asks for them: ioredis and the socket.io adapter
 * are a fifth of an idle SQLite server's heap, which every full garbage collection walks.
 */
async function loadRedisModules() {
  const [{ RedisStorage }, { RedisAccountStore }, { RedisRealtime }] = await Promise.all([
    import('./storage/RedisStorage.js'),
    import('./accounts/RedisAccountStore.js'),
    import('./realtime/RedisRealtime.js'),
  ])
  return { RedisStorage, RedisAccountStore, RedisRealtime }
}
