/**
 * Opening the Redis connection RedisStorage uses.
 *
 * The client is ioredis, pinned to 6.0.0, chosen over node-redis (`redis`) because:
 * - the stored updates are bytes, and ioredis has a Buffer variant of every command
 *   (`xrangeBuffer`, `getBuffer`), where node-redis 5/6 needs a type mapping per client;
 * - @socket.io/redis-adapter (the later scale-out part) supports ioredis for both standalone Redis
 *   and Cluster (including sharded Pub/Sub), and its own tests run against ioredis;
 * - node-redis 6 moved to RESP3 by default, which changes the reply shape of stream commands, and
 *   its 5.0 API break left the socket.io streams adapter hanging until it was adapted;
 * - ioredis 6 is maintained by Redis, needs Node 20 (as Fourwall does), and fixes an advisory
 *   (uncontrolled recursion) that every 5.x release has.
 *
 * Streams commands (XADD, XRANGE, XREVRANGE, XTRIM MINID, exclusive ranges) need Redis 6.2, which
 * open() checks.
 */
import { Redis } from 'ioredis'
import type { Logger } from '../../logger.js'
import { redactRedisUrl, redisUrlProblem } from './url.js'

/** The oldest Redis with XTRIM MINID and exclusive XRANGE bounds. */
const MIN_REDIS_VERSION: readonly [number, number] = [6, 2]
/** A command without an answer by then fails (a hung Redis must not hold an append forever). */
const COMMAND_TIMEOUT_MS = 5_000
const CONNECT_TIMEOUT_MS = 5_000
/** Reconnection back-off ceiling: Redis coming back is noticed within this. */
const MAX_RECONNECT_DELAY_MS = 1_000

/**
 * Connects to `url` and checks the server's version. Rejects with a sentence naming the URL
 * (password masked) when Redis cannot be reached or is too old. `name` shows in CLIENT LIST
 * (storage, and the fan-out's reader, subscriber and publisher).
 */
export async function connectRedis(url: string, log?: Logger, name = 'fourwall-storage'): Promise<Redis> {
  const shown = redactRedisUrl(url)
  const problem = redisUrlProblem(url)
  if (problem) throw new Error(`Redis URL ${shown} ${problem}; use redis://host:port or rediss://host:port`)

  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // While Redis is away, a command fails at once instead of waiting in a queue: the server then
    // refuses the edit (the document reloads from storage) rather than holding it unacknowledged.
    enableOfflineQueue: false,
    // A command in flight when the connection drops fails at once and is never sent again: an
    // append whose answer was lost may or may not be stored, and replaying it would store it twice.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Keep reconnecting for as long as the process runs.
    retryStrategy: (attempt) => Math.min(50 * attempt, MAX_RECONNECT_DELAY_MS),
    // RESP2: ioredis 6's RESP3 support is its newest code, and nothing here needs RESP3.
    protocol: 2,
    connectionName: name,
  })
  watchConnection(client, shown, name, log)

  // connect() itself only says "Connection is closed."; the 'error' event has the reason (ECONNREFUSED...).
  let connectionError: Error | undefined
  const remember = (error: Error): void => {
    connectionError ??= error
  }
  client.on('error', remember)
  try {
    await client.connect().catch((error: unknown) => {
      throw connectionError ?? error
    })
    const version = parseVersion(await client.info('server'))
    if (!version || compareVersions(version, MIN_REDIS_VERSION) < 0) {
      throw new Error(`it runs Redis ${version?.join('.') ?? '(unknown version)'}, and Fourwall needs ${MIN_REDIS_VERSION.join('.')} or newer`)
    }
  } catch (error) {
    client.disconnect()
    throw new Error(`Could not use Redis at ${shown}: ${(error as Error).message}`, { cause: error })
  } finally {
    client.off('error', remember)
  }
  return client
}

/**
 * ioredis emits 'error' on every failed reconnection attempt; without a listener it prints each
 * one to the console. Log the outage once, and its end.
 */
function watchConnection(client: Redis, shown: string, name: string, log: Logger | undefined): void {
  let ready = false
  let down = false
  client.on('error', (error: Error) => {
    // Before the first connection, connectRedis reports the failure itself.
    if (down || !ready) return
    down = true
    log?.warn('redis connection lost; reconnecting', { url: shown, connection: name, error })
  })
  client.on('ready', () => {
    ready = true
    if (!down) return
    down = false
    log?.info('redis connection restored', { url: shown, connection: name })
  })
}

/**
 * Whether `error` means Redis could not be reached or did not answer (as opposed to Redis refusing
 * a command). Right after Redis dies the client may still say 'ready' while its socket is already
 * unwritable, so the error's own kind counts too.
 */
export function isConnectionError(client: Redis, error: unknown): boolean {
  if (client.status !== 'ready') return true
  if (!(error instanceof Error)) return false
  return error.name === 'MaxRetriesPerRequestError' || /Stream isn't writeable|Connection is closed|Command timed out/.test(error.message)
}

function parseVersion(info: string): [number, number] | null {
  const match = /^redis_version:(\d+)\.(\d+)/m.exec(info)
  return match ? [Number(match[1]), Number(match[2])] : null
}

function compareVersions(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1]
}
