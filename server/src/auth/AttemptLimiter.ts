/**
 * Counts attempts per key (an IP address, an account) and says when a key has had too many. Two
 * implementations behind one interface:
 *
 * - MemoryAttemptLimiter: a sliding window in this process's memory (one process, SQLite).
 * - RedisAttemptLimiter (REDIS_URL): a fixed window per key in Redis, INCR and PEXPIRE in one
 *   script, so every process counts against the same allowance. Without it, N processes would
 *   multiply the allowance by N.
 *
 * `take` checks and counts in one step, so parallel attempts cannot all slip past the check before
 * any of them is counted.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import { runScript, type Script } from '../storage/redis/scripts.js'

export interface AttemptWindow {
  max: number
  windowMs: number
}

export interface AttemptLimiter {
  /** Counts an attempt of `key` and resolves to 0, or, when `key` already had `max` in its window, counts nothing and resolves to the milliseconds until it may try again. */
  take(key: string): Promise<number>
  /** Takes back the latest attempt of `key` (it succeeded, so it does not count as a failure). */
  forgive(key: string): Promise<void>
  /** Forgets every attempt of `key`. */
  reset(key: string): Promise<void>
}

/** Makes the limiter for one kind of key (`ip`, `account`); each kind counts on its own. */
export type AttemptLimiterFactory = (kind: string, window: AttemptWindow) => AttemptLimiter

export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(
    private readonly window: AttemptWindow,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string): Promise<number> {
    const now = this.now()
    const recent = this.recent(key, now)
    if (recent.length >= this.window.max) return recent[recent.length - this.window.max]! + this.window.windowMs - now
    recent.push(now)
    this.attempts.set(key, recent)
    if (this.attempts.size > 10_000) this.prune(now)
    return 0
  }

  async forgive(key: string): Promise<void> {
    const attempts = this.attempts.get(key)
    attempts?.pop()
    if (attempts?.length === 0) this.attempts.delete(key)
  }

  async reset(key: string): Promise<void> {
    this.attempts.delete(key)
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.window.windowMs
    return (this.attempts.get(key) ?? []).filter((at) => at > since)
  }

  /** Keeps memory bounded under an attack from many addresses. */
  private prune(now: number): void {
    for (const key of [...this.attempts.keys()]) {
      const recent = this.recent(key, now)
      if (recent.length === 0) this.attempts.delete(key)
      else this.attempts.set(key, recent)
    }
  }
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') }
}

/**
 * KEYS: the counter. ARGV: max, window (ms). A full counter answers its time to live (at least 1);
 * otherwise it counts, and the first attempt of a window starts the window's clock (Redis's clock,
 * the same for every process).
 */
const TAKE = script(`
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return ttl end
  -- A counter without a time to live would block for ever: start its window again.
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(ARGV[2])
end
if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`)

/** KEYS: the counter. Takes one attempt back, never below zero, keeping the window's expiry. */
const FORGIVE = script(`
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
`)

/**
 * The fixed-window limiter on Redis: at most `max` counted attempts per key from the first one
 * until `windowMs` later. Keys are `<prefix>attempts:<kind>:<key>` and expire with their window.
 * When Redis cannot be reached, the error goes up: a sign-in then fails with a server error rather
 * than going unlimited.
 */
export class RedisAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly client: Redis,
    private readonly keyPrefix: string,
    private readonly window: AttemptWindow,
  ) {}

  /** A factory for Accounts: one limiter per kind, all on `client` under `prefix`. */
  static factory(client: Redis, prefix: string): AttemptLimiterFactory {
    return (kind, window) => new RedisAttemptLimiter(client, `${prefix}attempts:${kind}:`, window)
  }

  async take(key: string): Promise<number> {
    return Number(await runScript(this.client, TAKE, [this.keyOf(key)], [String(this.window.max), String(this.window.windowMs)]))
  }

  async forgive(key: string): Promise<void> {
    await runScript(this.client, FORGIVE, [this.keyOf(key)], [])
  }

  async reset(key: string): Promise<void> {
    await this.client.del(this.keyOf(key))
  }

  /** A login is whatever someone typed: a long one is hashed so keys stay short. */
  private keyOf(key: string): string {
    return this.keyPrefix + (key.length <= MAX_PLAIN_KEY ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`)
  }
}

const MAX_PLAIN_KEY = 200

/** "9 minutes", "1 minute", "30 seconds": for messages people read. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
