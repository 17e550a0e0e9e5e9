/**
 * A Redis for the tests. With REDIS_URL set, the tests use that Redis under a key prefix unique to
 * this run (deleted by stop()); otherwise they start a private `redis-server` (found or installed by
 * test/setup/machine.ts) on a free port with its own temporary directory, never assuming a Redis on
 * 127.0.0.1:6379. Every test takes a fresh prefix (freshPrefix) and deletes its keys afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { ensureRedisServer } from '../setup/machine.js'
import { freePort } from './process.js'

export interface RedisOptions {
  /** Start a private redis-server even when REDIS_URL is set (for tests that stop or pause it). */
  private?: boolean
  /** Turn the AOF on with this fsync policy (a private server only); off by default, for speed. */
  appendfsync?: 'always' | 'everysec'
}

export interface TestRedis {
  url: string
  /** Prefix unique to this startRedis() call: everything the tests store lives under it. */
  prefix: string
  /** A new prefix under `prefix`, for one test or one fixture. */
  freshPrefix(): string
  /** Every key under `prefix`, sorted. */
  keys(prefix: string): Promise<string[]>
  /** Deletes every key under `prefix`. */
  deleteKeys(prefix: string): Promise<void>
  /** The private server, or null when REDIS_URL points at a shared one. */
  server: PrivateRedisServer | null
  /** Deletes this run's keys, closes the helper's connection and stops a private server. */
  stop(): Promise<void>
}

export async function startRedis(options: RedisOptions = {}): Promise<TestRedis> {
  const configured = process.env.REDIS_URL?.trim()
  const wantsPrivate = options.private === true || options.appendfsync !== undefined || !configured
  const server = wantsPrivate ? await PrivateRedisServer.start(options.appendfsync) : null
  const url = server?.url ?? configured!
  const prefix = `fwtest:${randomBytes(6).toString('hex')}:`
  let fixtures = 0
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: 'fourwall-tests' })
  admin.on('error', () => {}) // a private server the test stopped on purpose; commands still report errors
  const adminReady = admin.connect()

  async function keys(under: string): Promise<string[]> {
    // Never the whole keyspace: REDIS_URL may point at a Redis that holds other data.
    if (!under.startsWith(prefix)) throw new Error(`test keys live under ${prefix}, not under "${under}"`)
    await adminReady
    const found: string[] = []
    let cursor = '0'
    do {
      const [next, batch] = await admin.scan(cursor, 'MATCH', `${escapeGlob(under)}*`, 'COUNT', 1000)
      found.push(...batch)
      cursor = next
    } while (cursor !== '0')
    return found.sort()
  }

  async function deleteKeys(under: string): Promise<void> {
    const doomed = await keys(under)
    for (let i = 0; i < doomed.length; i += 500) await admin.unlink(...doomed.slice(i, i + 500))
  }

  return {
    url,
    prefix,
    freshPrefix: () => `${prefix}${++fixtures}:`,
    keys,
    deleteKeys,
    server,
    stop: async () => {
      try {
        if (!server && admin.status === 'ready') await deleteKeys(prefix)
      } finally {
        admin.disconnect()
        await server?.stop()
      }
    },
  }
}

/** A redis-server child process on 127.0.0.1, with its own directory. */
export class PrivateRedisServer {
  #child: ChildProcess | null = null
  #output = ''
  readonly #killOnExit = (): void => void this.#child?.kill('SIGKILL')

  private constructor(
    readonly binary: string,
    readonly port: number,
    readonly dir: string,
    readonly appendfsync: RedisOptions['appendfsync'],
  ) {}

  get running(): boolean {
    return this.#child !== null
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  static async start(appendfsync?: RedisOptions['appendfsync']): Promise<PrivateRedisServer> {
    const binary = await ensureRedisServer()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-redis-'))
    // The free port may be taken between freePort() and redis-server binding it: try another.
    let lastError: unknown
    for (let attempt = 0; attempt < 3; attempt++) {
      const server = new PrivateRedisServer(binary, await freePort(), dir, appendfsync)
      try {
        await server.run()
        return server
      } catch (error) {
        lastError = error
      }
    }
    fs.rmSync(dir, { recursive: true, force: true })
    throw lastError
  }

  /** Starts (or restarts, on the same port and directory) the server and waits until it answers PING. */
  async run(): Promise<void> {
    if (this.#child) throw new Error('redis-server is already running')
    const persistence =
      this.appendfsync === undefined ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', this.appendfsync]
    const child = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', this.dir, '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    this.#child = child
    this.#output = ''
    const keep = (chunk: Buffer): void => {
      this.#output = (this.#output + chunk.toString()).slice(-4000)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    child.on('exit', () => {
      if (this.#child !== child) return
      this.#child = null
      process.off('exit', this.#killOnExit)
    })
    // A test worker that dies must not leave a redis-server behind.
    process.once('exit', this.#killOnExit)
    try {
      await this.#waitForPong(child)
    } catch (error) {
      await this.kill()
      throw error
    }
  }

  /** SIGKILL: Redis vanishes without a goodbye, as in a crash. */
  async kill(): Promise<void> {
    await this.#signalAndWait('SIGKILL')
  }

  /** SIGSTOP / SIGCONT: Redis hangs (connections stay open, nothing answers), then resumes. */
  pause(): void {
    this.#child?.kill('SIGSTOP')
  }

  resume(): void {
    this.#child?.kill('SIGCONT')
  }

  /** SIGTERM, keeping the directory: a graceful shutdown that run() restarts on the same data. */
  async shutdown(): Promise<void> {
    this.resume()
    await this.#signalAndWait('SIGTERM')
  }

  /** Stops the server and removes its directory. */
  async stop(): Promise<void> {
    this.resume()
    await this.#signalAndWait('SIGTERM')
    fs.rmSync(this.dir, { recursive: true, force: true })
  }

  async #signalAndWait(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child
    if (!child) return
    process.off('exit', this.#killOnExit)
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill(signal)
    await exited
  }

  async #waitForPong(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 10_000
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`redis-server on port ${this.port} exited before answering PING:\n${this.#output.trim()}`)
      }
      const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
      probe.on('error', () => {})
      try {
        await probe.connect()
        if ((await probe.ping()) === 'PONG') return
      } catch {
        // not listening yet
      } finally {
        probe.disconnect()
      }
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not answer PING within 10 s:\n${this.#output.trim()}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
}

/** SCAN MATCH treats * ? [ ] and \ as pattern characters. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&')
}
