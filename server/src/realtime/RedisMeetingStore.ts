/**
 * The meeting's shared state on Redis (REDIS_URL), so a meeting claimed on one process is the same
 * meeting on every other. Keys, under the installation's prefix and the week as hash tag (a script
 * touches one week's keys only, so they share a Redis Cluster slot):
 *
 * - `meeting:{2026-W48}:control`: hash `version`, `state` (the MeetingControl as JSON). Changed only
 *   by the REPLACE script, a compare-and-set on `version`. It expires CONTROL_TTL_MS after its last
 *   change, so weeks long over do not stay in Redis for ever.
 * - `meeting:{2026-W48}:present:<process id>`: hash person id → PresenceEntry JSON, the people that
 *   one process has in the room. It expires after `presenceTtlMs` unless its process refreshes it
 *   (every third of that), so the people of a process that was killed age out by themselves.
 * - `meeting:{2026-W48}:processes`: set of the process ids that have people in the room; PRESENT
 *   drops those whose key has expired.
 *
 * Presence writes are plain MULTI transactions on one connection, never scripts: ioredis sends a
 * connection's commands in order, so a join followed by a quick leave reaches Redis in that order
 * (a script's NOSCRIPT fallback would send its EVAL after commands issued later).
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { initialMeetingState, type MeetingControl, type MeetingPerson, type WeekId } from '@fourwall/shared'
import type { Logger } from '../logger.js'
import { runScript, type Script } from '../storage/redis/scripts.js'
import { mergePresence, type MeetingStore, type PresenceEntry } from './MeetingStore.js'

/** A meeting nobody has touched for this long starts over (nobody facilitates, the timer is reset). */
export const CONTROL_TTL_MS = 14 * 24 * 3_600_000
/** How long a process's presence outlives its last refresh. */
export const DEFAULT_PRESENCE_TTL_MS = 30_000

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') }
}

/** KEYS: control. ARGV: expected version, new version, state JSON, ttl (ms). Returns 1 if stored, 0 if the version moved on. */
const REPLACE = script(`
local version = redis.call('HGET', KEYS[1], 'version') or '0'
if version ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`)

/**
 * KEYS: processes. ARGV: the prefix of the processes' presence keys.
 * Returns every live process's entries; forgets processes whose presence key has expired.
 */
const PRESENT = script(`
local entries = {}
for _, process in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local values = redis.call('HVALS', ARGV[1] .. process)
  if #values == 0 then
    redis.call('SREM', KEYS[1], process)
  else
    for _, value in ipairs(values) do entries[#entries + 1] = value end
  end
end
return entries
`)

export interface RedisMeetingStoreOptions {
  client: Redis
  /** The installation's key prefix (REDIS_PREFIX). */
  prefix: string
  log: Logger
  presenceTtlMs?: number
}

export class RedisMeetingStore implements MeetingStore {
  /** This process, in the presence keys. */
  readonly processId = randomUUID()
  readonly presenceTtlMs: number
  private readonly client: Redis
  private readonly prefix: string
  private readonly log: Logger
  /** What this process has told Redis, to refresh it (and to write it again after a Redis restart). */
  private readonly local = new Map<WeekId, Map<string, PresenceEntry>>()
  private readonly refresher: NodeJS.Timeout
  private readonly watchers: Array<() => void> = []
  private closed = false

  constructor(options: RedisMeetingStoreOptions) {
    this.client = options.client
    this.prefix = options.prefix
    this.log = options.log
    this.presenceTtlMs = options.presenceTtlMs ?? DEFAULT_PRESENCE_TTL_MS
    this.refresher = setInterval(() => {
      void this.refresh()
      for (const watcher of this.watchers) watcher()
    }, Math.max(50, Math.floor(this.presenceTtlMs / 3)))
    this.refresher.unref()
  }

  /** Calls `listener` at every refresh (a third of the presence TTL), until close. */
  watch(listener: () => void): void {
    this.watchers.push(listener)
  }

  async control(weekId: WeekId): Promise<MeetingControl> {
    const state = await this.client.hget(this.keys(weekId).control, 'state')
    return state ? (JSON.parse(state) as MeetingControl) : initialMeetingState(weekId)
  }

  async replace(weekId: WeekId, expectedVersion: number, next: MeetingControl): Promise<boolean> {
    const stored = await runScript(this.client, REPLACE, [this.keys(weekId).control], [
      String(expectedVersion),
      String(next.version),
      JSON.stringify(next),
      String(CONTROL_TTL_MS),
    ])
    return stored === 1
  }

  async enter(weekId: WeekId, entry: PresenceEntry): Promise<void> {
    let room = this.local.get(weekId)
    if (!room) this.local.set(weekId, (room = new Map()))
    room.set(entry.id, entry)
    const keys = this.keys(weekId)
    await this.exec(
      this.client
        .multi()
        .hset(keys.mine, entry.id, JSON.stringify(entry))
        .pexpire(keys.mine, this.presenceTtlMs)
        .sadd(keys.processes, this.processId)
        .pexpire(keys.processes, this.presenceTtlMs),
    )
  }

  async exit(weekId: WeekId, personId: string): Promise<void> {
    const room = this.local.get(weekId)
    room?.delete(personId)
    if (room?.size === 0) this.local.delete(weekId)
    // An emptied hash disappears, and PRESENT then drops this process from the week's set.
    await this.exec(this.client.multi().hdel(this.keys(weekId).mine, personId))
  }

  async present(weekId: WeekId): Promise<MeetingPerson[]> {
    const keys = this.keys(weekId)
    const values = (await runScript(this.client, PRESENT, [keys.processes], [keys.presencePrefix])) as string[]
    return mergePresence(values.map((value) => JSON.parse(value) as PresenceEntry))
  }

  /** Takes this process's people out of every room (a graceful stop); the connection stays open. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    clearInterval(this.refresher)
    const multi = this.client.multi()
    for (const weekId of this.local.keys()) {
      const keys = this.keys(weekId)
      multi.del(keys.mine).srem(keys.processes, this.processId)
    }
    this.local.clear()
    try {
      await this.exec(multi)
    } catch (error) {
      // They age out with their time to live anyway.
      this.log.warn('meeting presence not removed from Redis at shutdown', { error })
    }
  }

  /**
   * Keeps this process's presence alive: rewrites each room it has people in, with a fresh time to
   * live. Rewriting (not just extending) also restores it after Redis lost its data.
   */
  async refresh(): Promise<void> {
    if (this.closed || this.local.size === 0) return
    const multi = this.client.multi()
    for (const [weekId, room] of this.local) {
      const keys = this.keys(weekId)
      multi.del(keys.mine)
      for (const entry of room.values()) multi.hset(keys.mine, entry.id, JSON.stringify(entry))
      multi.pexpire(keys.mine, this.presenceTtlMs).sadd(keys.processes, this.processId).pexpire(keys.processes, this.presenceTtlMs)
    }
    try {
      await this.exec(multi)
    } catch (error) {
      this.log.warn('meeting presence refresh failed; retrying', { error })
    }
  }

  private keys(weekId: WeekId) {
    const base = `${this.prefix}meeting:{${weekId}}:`
    return {
      control: `${base}control`,
      processes: `${base}processes`,
      presencePrefix: `${base}present:`,
      mine: `${base}present:${this.processId}`,
    }
  }

  private async exec(multi: { exec(): Promise<[Error | null, unknown][] | null> }): Promise<void> {
    const replies = await multi.exec()
    for (const [error] of replies ?? []) if (error) throw error
  }
}
