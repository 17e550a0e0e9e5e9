/**
 * The account store's writes that check a rule before they write, as Lua scripts. Redis runs a
 * script with nothing else in between, so a check and its write are one atomic step across every
 * process, as an IMMEDIATE transaction is for SQLite: two processes racing for the last lead seat,
 * the same invite or the last admin behave as if they had run one after the other.
 *
 * Scripts never build JSON: the caller sends each record's JSON along with the few fields the rules
 * need (a person's role, whether it is a lead role, the normalised login, whether they are an admin),
 * since Lua's cjson would turn large numbers into exponent notation. A refusal comes back as
 * `{code, detail?}`, success as `{'ok', ...}`; `'retry'` means the record changed since the caller
 * read it (a compare-and-set on its JSON) and the caller reads again.
 */
import { createHash } from 'node:crypto'
import type { Script } from '../../storage/redis/scripts.js'

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') }
}

/**
 * The people keys (AccountKeys.personKeys) as KEYS[1..6], and the rules over them. A person's
 * indexed fields travel as four arguments: role, '1' for a lead role, login key ('' for none), '1'
 * for an admin.
 */
const PEOPLE_RULES = `
local PEOPLE, ORDER, BY_LOGIN, BY_LEAD, ADMINS, SEQUENCE = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]

-- Another person holding the lead role or the login: the refusal, else nil.
local function conflict(id, role, lead, login)
  if lead == '1' then
    local holder = redis.call('HGET', BY_LEAD, role)
    if holder and holder ~= id then return {'lead-taken', redis.call('HGET', PEOPLE, holder) or ''} end
  end
  if login ~= '' then
    local owner = redis.call('HGET', BY_LOGIN, login)
    if owner and owner ~= id then return {'login-taken'} end
  end
  return nil
end

local function index(id, role, lead, login, admin)
  if lead == '1' then redis.call('HSET', BY_LEAD, role, id) end
  if login ~= '' then redis.call('HSET', BY_LOGIN, login, id) end
  if admin == '1' then redis.call('SADD', ADMINS, id) end
end

local function unindex(id, role, lead, login, admin)
  if lead == '1' and redis.call('HGET', BY_LEAD, role) == id then redis.call('HDEL', BY_LEAD, role) end
  if login ~= '' and redis.call('HGET', BY_LOGIN, login) == id then redis.call('HDEL', BY_LOGIN, login) end
  if admin == '1' then redis.call('SREM', ADMINS, id) end
end

local function insert(id, json, role, lead, login, admin)
  redis.call('HSET', PEOPLE, id, json)
  redis.call('ZADD', ORDER, redis.call('INCR', SEQUENCE), id)
  index(id, role, lead, login, admin)
end
`

/** ARGV: id, person JSON, role, lead, login, admin. */
export const CREATE_PERSON = script(`${PEOPLE_RULES}
local id = ARGV[1]
if redis.call('HEXISTS', PEOPLE, id) == 1 then return {'duplicate'} end
local refused = conflict(id, ARGV[3], ARGV[4], ARGV[5])
if refused then return refused end
insert(id, ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
return {'ok'}
`)

/**
 * ARGV: id, the JSON the caller read, the new JSON, then the old and the new indexed fields (four
 * each). Refuses to demote the last admin, then the same conflicts as CREATE_PERSON.
 */
export const UPDATE_PERSON = script(`${PEOPLE_RULES}
local id = ARGV[1]
local current = redis.call('HGET', PEOPLE, id)
if not current then return {'not-found'} end
if current ~= ARGV[2] then return {'retry'} end
if ARGV[7] == '1' and ARGV[11] ~= '1' and redis.call('SCARD', ADMINS) == 1 then return {'last-admin'} end
local refused = conflict(id, ARGV[8], ARGV[9], ARGV[10])
if refused then return refused end
unindex(id, ARGV[4], ARGV[5], ARGV[6], ARGV[7])
redis.call('HSET', PEOPLE, id, ARGV[3])
index(id, ARGV[8], ARGV[9], ARGV[10], ARGV[11])
return {'ok'}
`)

/**
 * KEYS[7..9]: the person's session set, sessions:revoked, sessions:live.
 * ARGV: id, the JSON the caller read, the four indexed fields, at.
 * Deletes the person and revokes every session of theirs not yet revoked, in the same step: there
 * is no moment where the person is gone but a session of theirs still works.
 */
export const REMOVE_PERSON = script(`${PEOPLE_RULES}
local id = ARGV[1]
local current = redis.call('HGET', PEOPLE, id)
if not current then return {'not-found'} end
if current ~= ARGV[2] then return {'retry'} end
if ARGV[6] == '1' and redis.call('SCARD', ADMINS) == 1 then return {'last-admin'} end
unindex(id, ARGV[3], ARGV[4], ARGV[5], ARGV[6])
redis.call('HDEL', PEOPLE, id)
redis.call('ZREM', ORDER, id)
for _, session in ipairs(redis.call('SMEMBERS', KEYS[7])) do
  if redis.call('HSETNX', KEYS[8], session, ARGV[7]) == 1 then redis.call('ZREM', KEYS[9], session) end
end
return {'ok'}
`)

/**
 * KEYS[7..9]: invites, invites:used, invites:revoked.
 * ARGV: invite id, at, the invite's expiresAt, the `used` JSON, the existing person's id ('' when
 * the invite adds a person), then for a new person: id, JSON and the four indexed fields.
 * Checks in the order the join page's preview does (revoked, used, expired), then takes the
 * existing person or adds the new one under the people rules, and marks the invite used.
 * Returns {'ok', person JSON}; 'person-gone' when the invite's existing person was removed.
 */
export const REDEEM_INVITE = script(`${PEOPLE_RULES}
local invite = ARGV[1]
if redis.call('HEXISTS', KEYS[7], invite) == 0 then return {'invite-unknown'} end
if redis.call('HEXISTS', KEYS[9], invite) == 1 then return {'invite-revoked'} end
if redis.call('HEXISTS', KEYS[8], invite) == 1 then return {'invite-used'} end
if tonumber(ARGV[3]) <= tonumber(ARGV[2]) then return {'invite-expired'} end
local person
if ARGV[5] ~= '' then
  person = redis.call('HGET', PEOPLE, ARGV[5])
  if not person then return {'person-gone'} end
else
  if redis.call('HEXISTS', PEOPLE, ARGV[6]) == 1 then return {'duplicate'} end
  local refused = conflict(ARGV[6], ARGV[8], ARGV[9], ARGV[10])
  if refused then return refused end
  insert(ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11])
  person = ARGV[7]
end
redis.call('HSET', KEYS[8], invite, ARGV[4])
return {'ok', person}
`)

/**
 * KEYS: invites, invites:by-code, invites:order, sequence, invites:used, invites:revoked.
 * ARGV: id, code hash, JSON, used JSON ('' when unused), revokedAt ('' when not revoked).
 */
export const CREATE_INVITE = script(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return {'duplicate'} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[1])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[5], ARGV[1], ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[6], ARGV[1], ARGV[5]) end
return {'ok'}
`)

/**
 * KEYS: invites, invites:used, invites:revoked. ARGV: id, at.
 * Revokes a pending invite; a used or revoked one stays as it is. Returns {'ok', JSON, used, revokedAt}.
 */
export const REVOKE_INVITE = script(`
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return {'not-found'} end
local used = redis.call('HGET', KEYS[2], ARGV[1])
local revoked = redis.call('HGET', KEYS[3], ARGV[1])
if not used and not revoked then
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
  revoked = ARGV[2]
end
return {'ok', json, used or '', revoked or ''}
`)

/**
 * KEYS: sessions, sessions:by-secret, sessions:order, sequence, sessions:last-seen,
 * sessions:revoked, sessions:live, the person's session set.
 * ARGV: id, secret hash, JSON, lastSeenAt, revokedAt ('' when live), expiresAt.
 */
export const CREATE_SESSION = script(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 or redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return {'duplicate'} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[1])
redis.call('HSET', KEYS[5], ARGV[1], ARGV[4])
redis.call('SADD', KEYS[8], ARGV[1])
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[6], ARGV[1], ARGV[5])
else
  redis.call('ZADD', KEYS[7], ARGV[6], ARGV[1])
end
return {'ok'}
`)

/** KEYS: sessions, sessions:last-seen. ARGV: id, at. An unknown session: nothing happens. */
export const TOUCH_SESSION = script(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
return 0
`)

/**
 * KEYS: sessions, sessions:last-seen, sessions:revoked, sessions:live. ARGV: id, at.
 * An already revoked session keeps its first revokedAt. Returns {JSON, lastSeenAt, revokedAt}, or
 * an empty list for an unknown session.
 */
export const REVOKE_SESSION = script(`
local json = redis.call('HGET', KEYS[1], ARGV[1])
if not json then return {} end
redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[2])
redis.call('ZREM', KEYS[4], ARGV[1])
return {json, redis.call('HGET', KEYS[2], ARGV[1]), redis.call('HGET', KEYS[3], ARGV[1])}
`)

/**
 * KEYS: the person's session set, sessions:revoked, sessions:live. ARGV: at.
 * Revokes the person's sessions that are neither revoked nor expired at `at`; returns their ids.
 */
export const REVOKE_SESSIONS_OF = script(`
local revoked = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local expiresAt = redis.call('ZSCORE', KEYS[3], id)
  if expiresAt and tonumber(expiresAt) > tonumber(ARGV[1]) then
    redis.call('HSET', KEYS[2], id, ARGV[1])
    redis.call('ZREM', KEYS[3], id)
    revoked[#revoked + 1] = id
  end
end
return revoked
`)

/**
 * KEYS: sessions:live, sessions, sessions:last-seen, sessions:order. ARGV: now.
 * The sessions active at `now`, one consistent read: {id, JSON, lastSeenAt, sequence} each.
 */
export const LIST_ACTIVE_SESSIONS = script(`
local rows = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], '(' .. ARGV[1], '+inf', 'BYSCORE')) do
  rows[#rows + 1] = {id, redis.call('HGET', KEYS[2], id), redis.call('HGET', KEYS[3], id), redis.call('ZSCORE', KEYS[4], id)}
end
return rows
`)

/**
 * KEYS: sessions:live, sessions, people. ARGV: now, then the session ids to check.
 * Returns those active at `now` whose person still exists.
 */
export const ACTIVE_SESSION_IDS = script(`
local now = tonumber(ARGV[1])
local active = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local expiresAt = redis.call('ZSCORE', KEYS[1], id)
  if expiresAt and tonumber(expiresAt) > now then
    local json = redis.call('HGET', KEYS[2], id)
    if json and redis.call('HEXISTS', KEYS[3], cjson.decode(json).personId) == 1 then active[#active + 1] = id end
  end
end
return active
`)

/**
 * KEYS: audit:sequence, audit. ARGV: the entry's JSON (without id). Returns the new id.
 * (%d: tostring() would switch to exponent notation from 1e14 on.)
 */
export const APPEND_AUDIT = script(`
local id = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], id, string.format('%d', id) .. ' ' .. ARGV[1])
return id
`)

/**
 * KEYS: questions, sequence, questions:by-time, the asker's questions. ARGV: id, JSON, askedAt.
 * Members are `<sequence, 16 digits>:<id>`: equal askedAt scores sort by member, so the later
 * insert sorts higher, as SQLite's rowid breaks the tie.
 */
export const ADD_QUESTION = script(`
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return {'duplicate'} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local member = string.format('%016d', redis.call('INCR', KEYS[2])) .. ':' .. ARGV[1]
redis.call('ZADD', KEYS[3], ARGV[3], member)
redis.call('ZADD', KEYS[4], ARGV[3], member)
return {'ok'}
`)

/**
 * KEYS: questions, questions:answers. ARGV: id, answer JSON.
 * Keeps the first answer (HSETNX). Returns {'ok', question JSON, the kept answer's JSON}.
 */
export const ANSWER_QUESTION = script(`
local question = redis.call('HGET', KEYS[1], ARGV[1])
if not question then return {'not-found'} end
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
return {'ok', question, redis.call('HGET', KEYS[2], ARGV[1])}
`)
