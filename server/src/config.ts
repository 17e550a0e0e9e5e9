/**
 * Configuration from the environment, validated once at start. A bad value raises a ConfigError
 * naming the variable, which `main.ts` prints as one line before exiting non-zero.
 */
import path from 'node:path'
import { normalizeOrigin, type AllowedOrigins } from './http/origin.js'
import { DEFAULT_PREFIX, PREFIX_PATTERN } from './storage/redis/keys.js'
import { redactRedisUrl, redisUrlProblem } from './storage/redis/url.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

export interface FourwallConfig {
  /** TCP port to listen on; 0 picks a free one (tests). */
  port: number
  host: string
  /** Where the SQLite file and the server secret live. */
  dataDir: string
  logLevel: LogLevel
  /** Largest WebSocket message accepted; bigger frames close that connection with 1009. */
  maxMessageBytes: number
  /** Largest JSON body accepted by the HTTP API. */
  maxBodyBytes: number
  /** How long a document stays in memory after its last client leaves. */
  unloadAfterMs: number
  /** Stored updates of one document that trigger compaction into a snapshot. */
  compactAfterUpdates: number
  /** Awareness changes are relayed in batches at most this often (avoids broadcast storms). */
  awarenessBatchMs: number
  sqliteSynchronous: 'NORMAL' | 'FULL'
  /** HMAC secret for tokens; when unset, one is generated once and kept in DATA_DIR. */
  secret: string | undefined
  /** Where the built client lives; served on the same port. */
  clientDir: string
  /** The address people open, used in printed links (defaults to http://localhost:PORT). */
  publicUrl: string | undefined
  /**
   * Which browser pages (by `Origin`) may open WebSocket and socket.io connections; see
   * http/origin.ts. Default: only the server's own origin (`self`).
   */
  allowedOrigins: AllowedOrigins
  shutdownTimeoutMs: number
  /** Frames one sync connection may send per second, and in a burst; a flood closes it with 4429. */
  maxMessagesPerSecond: number
  messageBurst: number
  /** How long a sign-in lasts before the person must sign in again. */
  sessionTtlHours: number
  /** How long a new invite link stays valid unless its creator picks another time. */
  inviteTtlHours: number
  /**
   * Express's `trust proxy`: false (default) uses the socket's address for rate limits and HTTPS
   * detection; true or a hop count trusts X-Forwarded-For/-Proto from a reverse proxy.
   */
  trustProxy: boolean | number
  /** How often live sockets are checked against their sessions (sign-out reaches other processes). */
  sessionCheckMs: number
  /**
   * REDIS_URL: when set, the documents live in Redis (storage/RedisStorage.ts) instead of the
   * SQLite file, so several processes can serve the same boards. Unset: embedded SQLite.
   */
  redisUrl: string | undefined
  /** REDIS_PREFIX: prepended to every Redis key, so several installations can share one Redis. */
  redisPrefix: string
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number between ${min} and ${max} (got "${raw}")`)
  const value = Number(raw)
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`)
  return value
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = raw.trim()
  const match = allowed.find((option) => option.toLowerCase() === value.toLowerCase())
  if (!match) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`)
  return match
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  try {
    const parsed = new URL(raw)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)')
    return parsed.origin
  } catch {
    throw new ConfigError(name, `must be an http(s) URL such as https://fourwall.example.com (got "${raw}")`)
  }
}

function trustProxy(env: Env, name: string, fallback: boolean | number): boolean | number {
  const raw = env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  if (/^\d{1,2}$/.test(raw)) return Number(raw)
  throw new ConfigError(name, `must be true, false or a number of proxy hops such as 1 (got "${env[name]}")`)
}

/**
 * ALLOWED_ORIGINS: comma-separated origins (`scheme://host[:port]`). The literal `self` keeps the
 * default (the server's own origin: a `Host`-header match, plus PUBLIC_URL) beside the listed ones;
 * a list without `self` accepts exactly the listed origins.
 */
function allowedOrigins(env: Env, name: string, fallback: AllowedOrigins): AllowedOrigins {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  let self = false
  const origins = new Set<string>()
  for (const entry of raw.split(',').map((item) => item.trim())) {
    if (entry === '') continue
    if (entry.toLowerCase() === 'self') {
      self = true
      continue
    }
    const origin = normalizeOrigin(entry)
    if (origin === null) {
      throw new ConfigError(
        name,
        `"${entry}" is not an origin; list origins such as https://board.example.com (scheme://host[:port], no path, no wildcards), or self, separated by commas (got "${raw}")`,
      )
    }
    origins.add(origin)
  }
  if (!self && origins.size === 0) throw new ConfigError(name, `lists no origin (got "${raw}")`)
  return { self, origins: [...origins] }
}

/** REDIS_URL: redis:// or rediss:// with a host. Messages mask the password. */
function redisUrl(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return undefined
  const problem = redisUrlProblem(raw)
  if (problem) {
    throw new ConfigError(name, `must be a redis:// or rediss:// URL such as redis://localhost:6379 (got "${redactRedisUrl(raw)}", which ${problem})`)
  }
  return raw
}

function redisPrefix(env: Env, name: string, fallback: string): string {
  const raw = env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = raw.trim()
  if (!PREFIX_PATTERN.test(value)) {
    throw new ConfigError(name, `must be 1 to 64 letters, digits or : _ . - such as fw: (no braces, spaces or wildcards; got "${raw}")`)
  }
  return value
}

const MiB = 1024 * 1024

export function loadConfig(env: Env = process.env, defaults: Partial<FourwallConfig> = {}): FourwallConfig {
  const secret = env.FOURWALL_SECRET?.trim() || undefined
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('FOURWALL_SECRET', 'must be at least 32 characters long (use `openssl rand -hex 32`)')
  }
  const host = env.HOST?.trim() || defaults.host || '0.0.0.0'
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address (got "${env.HOST}")`)
  return {
    port: integer(env, 'PORT', defaults.port ?? 3000, 0, 65535),
    host,
    dataDir: path.resolve(env.DATA_DIR?.trim() || defaults.dataDir || 'data'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], defaults.logLevel ?? 'info'),
    maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', defaults.maxMessageBytes ?? MiB, 1024, 256 * MiB),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', defaults.maxBodyBytes ?? 100 * 1024, 1024, 64 * MiB),
    unloadAfterMs: integer(env, 'UNLOAD_AFTER_MS', defaults.unloadAfterMs ?? 30_000, 0, 86_400_000),
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', defaults.compactAfterUpdates ?? 500, 2, 1_000_000),
    awarenessBatchMs: integer(env, 'AWARENESS_BATCH_MS', defaults.awarenessBatchMs ?? 50, 0, 5_000),
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', ['NORMAL', 'FULL'] as const, defaults.sqliteSynchronous ?? 'NORMAL'),
    secret: secret ?? defaults.secret,
    clientDir: path.resolve(env.CLIENT_DIR?.trim() || defaults.clientDir || path.join(import.meta.dirname, '../../client/dist')),
    publicUrl: url(env, 'PUBLIC_URL') ?? defaults.publicUrl,
    allowedOrigins: allowedOrigins(env, 'ALLOWED_ORIGINS', defaults.allowedOrigins ?? { self: true, origins: [] }),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', defaults.shutdownTimeoutMs ?? 4_000, 100, 60_000),
    maxMessagesPerSecond: integer(env, 'MAX_MESSAGES_PER_SECOND', defaults.maxMessagesPerSecond ?? 200, 1, 1_000_000),
    messageBurst: integer(env, 'MESSAGE_BURST', defaults.messageBurst ?? 400, 1, 10_000_000),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', defaults.sessionTtlHours ?? 14 * 24, 1, 365 * 24),
    inviteTtlHours: integer(env, 'INVITE_TTL_HOURS', defaults.inviteTtlHours ?? 72, 1, 30 * 24),
    trustProxy: trustProxy(env, 'TRUST_PROXY', defaults.trustProxy ?? false),
    sessionCheckMs: integer(env, 'SESSION_CHECK_MS', defaults.sessionCheckMs ?? 2_000, 100, 60_000),
    redisUrl: redisUrl(env, 'REDIS_URL') ?? defaults.redisUrl,
    redisPrefix: redisPrefix(env, 'REDIS_PREFIX', defaults.redisPrefix ?? DEFAULT_PREFIX),
  }
}
