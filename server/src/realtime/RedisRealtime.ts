/**
 * What lets several processes serve one meeting (REDIS_URL): socket.io's Redis adapter, so an
 * event sent to a room (`meeting:<week>`, `user:<id>`, `role:<role>`) reaches its sockets on every
 * process; the meeting's control and presence in Redis (RedisMeetingStore); and sign-in attempt
 * counters shared by every process (auth/AttemptLimiter.ts).
 *
 * Three connections: one for commands (the meeting store and the counters) and the adapter's two,
 * one to publish and one held in subscriber mode. Channels and keys carry the installation's prefix
 * (REDIS_PREFIX), so two installations on one Redis never hear each other.
 *
 * The plain Redis adapter rather than its Streams sibling: Fourwall does not use socket.io's
 * connection-state recovery (a reconnecting client joins again and gets the whole state in the ack).
 */
import { createAdapter } from '@socket.io/redis-adapter'
import type { Redis } from 'ioredis'
import type { ServerOptions } from 'socket.io'
import { RedisAttemptLimiter, type AttemptLimiterFactory } from '../auth/AttemptLimiter.js'
import type { Logger } from '../logger.js'
import { connectRedis } from '../storage/redis/client.js'
import { DEFAULT_PREFIX, PREFIX_PATTERN } from '../storage/redis/keys.js'
import { RedisMeetingStore } from './RedisMeetingStore.js'
import type { SocketScaleOut } from './socketio.js'

export interface RedisRealtimeOptions {
  url: string
  prefix?: string
  log: Logger
  /** How long a stopped process's people stay in a meeting's room (RedisMeetingStore). */
  presenceTtlMs?: number
}

export class RedisRealtime {
  readonly socketio: SocketScaleOut
  readonly attemptLimiter: AttemptLimiterFactory
  readonly meetingStore: RedisMeetingStore
  private closed = false

  static async open({ url, prefix = DEFAULT_PREFIX, log, presenceTtlMs }: RedisRealtimeOptions): Promise<RedisRealtime> {
    if (!PREFIX_PATTERN.test(prefix)) throw new Error(`Redis key prefix "${prefix}" must be 1 to 64 letters, digits or : _ . - (no braces, spaces or wildcards)`)
    const clients: Redis[] = []
    try {
      for (const name of ['fourwall-realtime', 'fourwall-socketio-publisher', 'fourwall-socketio-subscriber']) clients.push(await connectRedis(url, log, name))
    } catch (error) {
      for (const client of clients) client.disconnect()
      throw error
    }
    const [commands, publisher, subscriber] = clients as [Redis, Redis, Redis]
    return new RedisRealtime(commands, publisher, subscriber, prefix, log, presenceTtlMs)
  }

  private constructor(
    private readonly commands: Redis,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly log: Logger,
    presenceTtlMs: number | undefined,
  ) {
    this.meetingStore = new RedisMeetingStore({ client: commands, prefix, log, presenceTtlMs })
    this.attemptLimiter = RedisAttemptLimiter.factory(commands, prefix)
    const adapter: ServerOptions['adapter'] = createAdapter(handled(publisher, log), handled(subscriber, log), { key: `${prefix}socket.io` })
    this.socketio = { adapter, meetingStore: this.meetingStore }
  }

  /** Call after socket.io has closed: takes this process's people out of the rooms, then closes the connections. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.meetingStore.close()
    await Promise.all([this.commands, this.publisher, this.subscriber].map((client) => client.quit().catch(() => client.disconnect())))
  }
}

/**
 * The adapter fires commands without handling their promises (`publish` while Redis is away would
 * reject unobserved, which ends a Node process). This hands it a view of the client whose every
 * command's failure is logged instead; the meeting goes on, and a lost broadcast is repaired by the
 * next state or presence update.
 */
function handled(client: Redis, log: Logger): Redis {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = (value as (...args: unknown[]) => unknown).apply(target, args)
        if (result instanceof Promise) result.catch((error: unknown) => log.warn('socket.io redis adapter: a Redis command failed', { command: String(property), error }))
        return result
      }
    },
  })
}
