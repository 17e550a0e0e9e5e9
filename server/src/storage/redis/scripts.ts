/**
 * The two writes RedisStorage makes, as Lua scripts: Redis runs a script with nothing else in
 * between, so each is atomic without a lock (a crashed process leaves no lock behind).
 *
 * Update ids come from one counter (INCRBY inside the append script), so they increase in the
 * order batches are stored, across every document and process. A document's stream entry and its
 * log entries use the update id as their stream id (`<id>-0`), which keeps each stream ordered
 * and lets compaction trim "everything up to the id it merged" with XTRIM MINID.
 */
import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'
import type { StoredUpdate } from '../Storage.js'
import type { RedisKeys } from './keys.js'

export interface Script {
  readonly source: string
  readonly sha: string
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') }
}

/** Arguments per update in APPEND's ARGV, after the three leading ones. */
const APPEND_ARGS_PER_UPDATE = 7
/** Keys per document in APPEND's KEYS, after the three shared ones. */
const APPEND_KEYS_PER_DOCUMENT = 3

export interface ScriptCall {
  keys: string[]
  args: (string | Buffer)[]
}

/**
 * Stores a batch: for each update, in batch order, its stream entry, its byte count, its log entry
 * and its index entry, all in one script so a stored update always has its log entry.
 *
 * A stream entry is `u` (the update) then `o` (the id of the process that stored it): a process
 * following the stream (RedisFanout) skips its own entries, which its document already holds.
 *
 * KEYS: sequence, log index, documents set, then per distinct document: updates, meta, log.
 * ARGV: at (ms), update count, origin process id, then per update: document number (0-based, into
 *       the KEYS triples), document name, update bytes, has-author ('1'/'0'), person id, person
 *       name, connection id.
 * Returns the last update id handed out.
 *
 * Ids are formatted with %d: Lua numbers are doubles, and tostring() would switch to exponent
 * notation from 1e14 on.
 */
export const APPEND = script(`
local at = ARGV[1]
local count = tonumber(ARGV[2])
local origin = ARGV[3]
local last = redis.call('INCRBY', KEYS[1], count)
for i = 0, count - 1 do
  local arg = 4 + i * ${APPEND_ARGS_PER_UPDATE}
  local key = 4 + tonumber(ARGV[arg]) * ${APPEND_KEYS_PER_DOCUMENT}
  local docName = ARGV[arg + 1]
  local update = ARGV[arg + 2]
  local bytes = string.len(update)
  local id = string.format('%d-0', last - count + 1 + i)
  redis.call('XADD', KEYS[key], id, 'u', update, 'o', origin)
  redis.call('HINCRBY', KEYS[key + 1], 'bytes', bytes)
  if ARGV[arg + 3] == '1' then
    redis.call('XADD', KEYS[key + 2], id, 'at', at, 'b', bytes, 'p', ARGV[arg + 4], 'n', ARGV[arg + 5], 'c', ARGV[arg + 6])
  else
    redis.call('XADD', KEYS[key + 2], id, 'at', at, 'b', bytes)
  end
  redis.call('XADD', KEYS[2], id, 'd', docName)
  redis.call('SADD', KEYS[3], docName)
end
return last
`)

/** APPEND's KEYS and ARGV for a batch stored at `at` (ms since the epoch) by the process `origin`. */
export function appendCall(keys: RedisKeys, batch: readonly StoredUpdate[], at: number, origin: string): ScriptCall {
  const { sequence, logIndex, documents } = keys.shared
  const call: ScriptCall = { keys: [sequence, logIndex, documents], args: [String(at), String(batch.length), origin] }
  const numbers = new Map<string, number>()
  for (const { docName, update, author } of batch) {
    let number = numbers.get(docName)
    if (number === undefined) {
      number = numbers.size
      numbers.set(docName, number)
      const { updates, meta, log } = keys.of(docName)
      call.keys.push(updates, meta, log)
    }
    // APPEND_ARGS_PER_UPDATE values, in the order the script reads them.
    call.args.push(
      String(number),
      docName,
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      author ? '1' : '0',
      author?.personId ?? '',
      author?.personName ?? '',
      author?.connectionId ?? '',
    )
  }
  return call
}

/**
 * Commits a compaction if nobody committed one since it read the document (compare-and-set on the
 * meta hash's `upto`, which only ever grows): writes the snapshot, moves `upto`, subtracts the
 * merged entries' bytes and trims the stream up to (and including) the last merged entry. Entries
 * appended meanwhile have higher ids and stay.
 *
 * KEYS: snapshot, meta, updates.
 * ARGV: expected upto ('0' when there was no snapshot), new upto, snapshot bytes, merged stream
 *       bytes, first stream id to keep.
 * Returns {1, entries left in the stream, their bytes} or {0} when another compaction won.
 * (`0 - n`, not `-n`: Lua's -0 reaches Redis as "-0", which HINCRBY refuses.)
 */
export const COMMIT_COMPACTION = script(`
local upto = redis.call('HGET', KEYS[2], 'upto') or '0'
if upto ~= ARGV[1] then return {0} end
redis.call('SET', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[2], 'upto', ARGV[2])
local bytes = redis.call('HINCRBY', KEYS[2], 'bytes', 0 - tonumber(ARGV[4]))
redis.call('XTRIM', KEYS[3], 'MINID', ARGV[5])
return {1, redis.call('XLEN', KEYS[3]), bytes}
`)

/**
 * Reads a document's stream after a follower's position, unless compaction trimmed entries the
 * follower has not read: checking the meta hash's `upto` and reading the stream in one script is
 * what makes that answer exact (a compaction between the two would otherwise go unnoticed, or be
 * suspected after every compaction). `upto` only grows and every merged entry is trimmed, so
 * `upto` beyond the position means an entry the follower never saw is gone.
 *
 * KEYS: updates, meta. ARGV: the last update id the follower has (0 for none), the most entries to return.
 * Returns {0} when the position was trimmed (the follower must reload), else {1, entries} with the
 * entries after it, oldest first, as XRANGE gives them.
 */
export const READ_FEED = script(`
local upto = tonumber(redis.call('HGET', KEYS[2], 'upto') or '0')
if upto > tonumber(ARGV[1]) then return {0} end
return {1, redis.call('XRANGE', KEYS[1], string.format('(%d-0', tonumber(ARGV[1])), '+', 'COUNT', ARGV[2])}
`)

/** Runs a script by its hash, sending its source only the first time a Redis has not seen it. */
export async function runScript(client: Redis, { source, sha }: Script, keys: readonly string[], args: readonly (string | Buffer)[]): Promise<unknown> {
  try {
    return await client.evalsha(sha, keys.length, ...keys, ...args)
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
    return client.eval(source, keys.length, ...keys, ...args)
  }
}

/** runScript with bulk replies as Buffers (for scripts that return updates). */
export async function runScriptBuffer(client: Redis, { source, sha }: Script, keys: readonly string[], args: readonly (string | Buffer)[]): Promise<unknown> {
  try {
    return await client.callBuffer('EVALSHA', sha, keys.length, ...keys, ...args)
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
    return client.callBuffer('EVAL', source, keys.length, ...keys, ...args)
  }
}
