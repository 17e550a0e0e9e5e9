/**
 * The account store on Redis (REDIS_URL): people, invites, sessions, the audit log, settings and
 * the questions to the leads, shared by every server process on the same Redis and prefix, so any
 * process can serve any request (sign in on one, be recognised on the next).
 *
 * The key layout is in redis/accountKeys.ts. Every rule that reads before it writes (one holder per
 * lead role, unique logins, at least one admin, single-use invites, the first answer wins) is one
 * Lua script (redis/accountScripts.ts), which Redis runs with nothing in between: two processes
 * racing get exactly what two SQLite connections racing get with IMMEDIATE transactions. Changing a
 * person is a compare-and-set on their JSON: read, compute the new record here, and let the script
 * write it only if the record is still the one read (otherwise read again).
 *
 * Reads that must be consistent across keys (a record and its changing fields) go in one MULTI.
 */
import type { Redis } from 'ioredis'
import { isLeadRole, normalizeLogin, type AuditEntry, type LeadRole, type Question, type QuestionAnswer } from '@fourwall/shared'
import type { Logger } from '../logger.js'
import { connectRedis, isConnectionError } from '../storage/redis/client.js'
import { DEFAULT_PREFIX } from '../storage/redis/keys.js'
import { runScript, type Script } from '../storage/redis/scripts.js'
import { redactRedisUrl } from '../storage/redis/url.js'
import {
  AccountError,
  inviteError,
  inviteForRemovedPerson,
  lastAdmin,
  leadTaken,
  loginTaken,
  personNotFound,
  type AccountStore,
  type InviteRecord,
  type NewAuditEntry,
  type NewPerson,
  type PersonPatch,
  type PersonRecord,
  type SessionRecord,
} from './AccountStore.js'
import { AccountKeys } from './redis/accountKeys.js'
import {
  ACTIVE_SESSION_IDS,
  APPEND_AUDIT,
  CREATE_INVITE,
  CREATE_PERSON,
  CREATE_SESSION,
  LIST_ACTIVE_SESSIONS,
  REDEEM_INVITE,
  REMOVE_PERSON,
  REVOKE_INVITE,
  REVOKE_SESSION,
  REVOKE_SESSIONS_OF,
  TOUCH_SESSION,
  UPDATE_PERSON,
} from './redis/accountScripts.js'
import { execAll } from './redis/exec.js'
import { RedisQuestions } from './redisQuestions.js'

export interface RedisAccountStoreOptions {
  /** redis://[user:password@]host:port[/db] or rediss://... */
  url: string
  /** Prepended to every key (REDIS_PREFIX), as for RedisStorage. */
  prefix?: string
  log?: Logger
}

const PATCHABLE = ['name', 'role', 'worksFor', 'team', 'login', 'passwordHash'] as const satisfies readonly (keyof PersonPatch)[]

/**
 * Compare-and-set rounds a person change may lose before it gives up. Each loss means another
 * change to the same person committed first. After a loss it waits a random moment (up to a
 * ceiling that doubles each time), so writers that collided do not collide again in lockstep.
 */
const MAX_PERSON_ATTEMPTS = 30
const MAX_RETRY_WAIT_MS = 50

/** The part of an invite that never changes; usedAt, usedBy and revokedAt live beside it. */
type StoredInvite = Omit<InviteRecord, 'usedAt' | 'usedBy' | 'revokedAt'>
/** The part of a session that never changes; lastSeenAt and revokedAt live beside it. */
type StoredSession = Omit<SessionRecord, 'lastSeenAt' | 'revokedAt'>

/** A script's answer: a code ('ok', a refusal, 'retry'), then what it returns. */
type Reply = [code: string, ...rest: string[]]

export class RedisAccountStore implements AccountStore {
  readonly kind = 'redis'
  /** The URL with its password masked, for messages. */
  readonly where: string

  readonly #client: Redis
  readonly #keys: AccountKeys
  readonly #questions: RedisQuestions
  #closed = false

  static async open({ url, prefix = DEFAULT_PREFIX, log }: RedisAccountStoreOptions): Promise<RedisAccountStore> {
    const keys = new AccountKeys(prefix) // validates the prefix before connecting
    return new RedisAccountStore(await connectRedis(url, log, 'fourwall-accounts'), keys, redactRedisUrl(url))
  }

  private constructor(client: Redis, keys: AccountKeys, where: string) {
    this.#client = client
    this.#keys = keys
    this.where = where
    this.#questions = new RedisQuestions(client, keys)
  }

  // ---- people -------------------------------------------------------------------------------

  async countAdmins(): Promise<number> {
    this.#assertOpen()
    return this.#attempt('count the admins', () => this.#client.scard(this.#keys.admins))
  }

  async createPerson(person: NewPerson): Promise<PersonRecord> {
    this.#assertOpen()
    const reply = await this.#run('add a person', CREATE_PERSON, this.#keys.personKeys, [person.id, JSON.stringify(person), ...indexed(person)])
    this.#refuseUnlessOk(reply, `A person with id ${person.id} already exists.`)
    return { ...person }
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    this.#assertOpen()
    const json = await this.#attempt('read a person', () => this.#client.hget(this.#keys.people, id))
    return json ? personOf(json) : null
  }

  async findPersonByLogin(login: string): Promise<PersonRecord | null> {
    this.#assertOpen()
    const id = await this.#attempt('find a login', () => this.#client.hget(this.#keys.peopleByLogin, normalizeLogin(login)))
    return id === null ? null : this.getPerson(id)
  }

  async listPeople(): Promise<PersonRecord[]> {
    this.#assertOpen()
    const [order, people] = (await this.#attempt('list the people', () =>
      execAll(this.#client.multi().zrange(this.#keys.peopleOrder, 0, '-1').hgetall(this.#keys.people)),
    )) as [string[], Record<string, string>]
    // Insertion order, then (stably) by createdAt: SQLite's ORDER BY created_at, rowid.
    return order.flatMap((id) => (people[id] ? [personOf(people[id])] : [])).sort((a, b) => a.createdAt - b.createdAt)
  }

  async updatePerson(id: string, patch: PersonPatch): Promise<PersonRecord> {
    this.#assertOpen()
    return this.#changePerson(id, 'change a person', (before, json) => {
      // Only the patchable fields, and only those given: absent or undefined ones keep their value.
      const after: PersonRecord = { ...before }
      for (const key of PATCHABLE) if (patch[key] !== undefined) Object.assign(after, { [key]: patch[key] })
      return {
        script: UPDATE_PERSON,
        keys: this.#keys.personKeys,
        args: [id, json, JSON.stringify(after), ...indexed(before), ...indexed(after)],
        result: after,
      }
    })
  }

  async removePerson(id: string, at: number): Promise<PersonRecord> {
    this.#assertOpen()
    return this.#changePerson(id, 'remove a person', (before, json) => ({
      script: REMOVE_PERSON,
      keys: [...this.#keys.personKeys, this.#keys.sessionsOf(id), this.#keys.sessionsRevoked, this.#keys.sessionsLive],
      args: [id, json, ...indexed(before), String(at)],
      result: before,
    }))
  }

  /** Reads a person, lets `plan` make the compare-and-set write, and reads again while it loses. */
  async #changePerson(
    id: string,
    what: string,
    plan: (before: PersonRecord, json: string) => { script: Script; keys: string[]; args: string[]; result: PersonRecord },
  ): Promise<PersonRecord> {
    for (let attempt = 0; attempt < MAX_PERSON_ATTEMPTS; attempt++) {
      const json = await this.#attempt(what, () => this.#client.hget(this.#keys.people, id))
      if (!json) throw personNotFound()
      const { script, keys, args, result } = plan(personOf(json), json)
      const reply = await this.#run(what, script, keys, args)
      if (reply[0] === 'retry') {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_RETRY_WAIT_MS, 2 ** attempt)))
        continue
      }
      this.#refuseUnlessOk(reply)
      return result
    }
    throw new Error(`Redis account store at ${this.where} could not ${what}: the person kept changing; try again.`)
  }

  // ---- invites ------------------------------------------------------------------------------

  async createInvite(invite: InviteRecord): Promise<void> {
    this.#assertOpen()
    const { usedAt, usedBy, revokedAt, ...stored } = invite
    const k = this.#keys
    const reply = await this.#run('add an invite', CREATE_INVITE, [k.invites, k.invitesByCode, k.invitesOrder, k.sequence, k.invitesUsed, k.invitesRevoked], [
      invite.id,
      invite.codeHash,
      JSON.stringify(stored),
      usedAt === null ? '' : usedJson(usedAt, usedBy),
      revokedAt === null ? '' : String(revokedAt),
    ])
    this.#refuseUnlessOk(reply, `An invite with id ${invite.id} or the same code already exists.`)
  }

  async findInviteByCodeHash(codeHash: string): Promise<InviteRecord | null> {
    this.#assertOpen()
    const id = await this.#attempt('find an invite', () => this.#client.hget(this.#keys.invitesByCode, codeHash))
    if (id === null) return null
    const k = this.#keys
    const [json, used, revoked] = (await this.#attempt('read an invite', () =>
      execAll(this.#client.multi().hget(k.invites, id).hget(k.invitesUsed, id).hget(k.invitesRevoked, id)),
    )) as [string | null, string | null, string | null]
    return json ? inviteOf(json, used, revoked) : null
  }

  async listInvites(): Promise<InviteRecord[]> {
    this.#assertOpen()
    const k = this.#keys
    const [order, invites, used, revoked] = (await this.#attempt('list the invites', () =>
      execAll(this.#client.multi().zrange(k.invitesOrder, 0, '-1').hgetall(k.invites).hgetall(k.invitesUsed).hgetall(k.invitesRevoked)),
    )) as [string[], Record<string, string>, Record<string, string>, Record<string, string>]
    // Newest insert first, then (stably) by createdAt, newest first: ORDER BY created_at DESC, rowid DESC.
    return order
      .reverse()
      .flatMap((id) => (invites[id] ? [inviteOf(invites[id], used[id] ?? null, revoked[id] ?? null)] : []))
      .sort((a, b) => b.createdAt - a.createdAt)
  }

  async revokeInvite(id: string, at: number): Promise<InviteRecord> {
    this.#assertOpen()
    const k = this.#keys
    const reply = await this.#run('revoke an invite', REVOKE_INVITE, [k.invites, k.invitesUsed, k.invitesRevoked], [id, String(at)])
    if (reply[0] === 'not-found') throw new AccountError('not-found', 'There is no such invite.')
    const [, json, used, revoked] = reply
    return inviteOf(json!, used || null, revoked || null)
  }

  async redeemInvite(codeHash: string, at: number, candidate: NewPerson): Promise<{ invite: InviteRecord; person: PersonRecord }> {
    this.#assertOpen()
    // The invite's fixed part is read first, to build the new person from it; whether it can still
    // be used is decided by the script, atomically with the write.
    const invite = await this.findInviteByCodeHash(codeHash)
    if (!invite) throw inviteError('invite-unknown')
    const k = this.#keys
    const keys = [...k.personKeys, k.invites, k.invitesUsed, k.invitesRevoked]
    let args: string[]
    if (invite.personId !== null) {
      args = [invite.id, String(at), String(invite.expiresAt), usedJson(at, invite.personId), invite.personId, '', '', '', '', '', '']
    } else {
      // The invite fixes who the new person is; the candidate only brings what they chose
      // themselves (login and password) and the ids and time the caller generated.
      const person: PersonRecord = { ...candidate, name: invite.name, role: invite.role, worksFor: invite.worksFor, team: invite.team }
      args = [invite.id, String(at), String(invite.expiresAt), usedJson(at, person.id), '', person.id, JSON.stringify(person), ...indexed(person)]
    }
    const reply = await this.#run('redeem an invite', REDEEM_INVITE, keys, args)
    if (reply[0] === 'person-gone') throw inviteForRemovedPerson()
    this.#refuseUnlessOk(reply, `A person with id ${candidate.id} already exists.`)
    const person = personOf(reply[1]!)
    return { invite: { ...invite, usedAt: at, usedBy: person.id, revokedAt: null }, person }
  }

  // ---- sessions -----------------------------------------------------------------------------

  async createSession(session: SessionRecord): Promise<void> {
    this.#assertOpen()
    const { lastSeenAt, revokedAt, ...stored } = session
    const k = this.#keys
    const keys = [k.sessions, k.sessionsBySecret, k.sessionsOrder, k.sequence, k.sessionsLastSeen, k.sessionsRevoked, k.sessionsLive, k.sessionsOf(session.personId)]
    const reply = await this.#run('add a session', CREATE_SESSION, keys, [
      session.id,
      session.secretHash,
      JSON.stringify(stored),
      String(lastSeenAt),
      revokedAt === null ? '' : String(revokedAt),
      String(session.expiresAt),
    ])
    this.#refuseUnlessOk(reply, `A session with id ${session.id} or the same secret already exists.`)
  }

  async findSessionBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    this.#assertOpen()
    const id = await this.#attempt('find a session', () => this.#client.hget(this.#keys.sessionsBySecret, secretHash))
    return id === null ? null : this.getSession(id)
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    this.#assertOpen()
    const k = this.#keys
    const [json, lastSeen, revoked] = (await this.#attempt('read a session', () =>
      execAll(this.#client.multi().hget(k.sessions, id).hget(k.sessionsLastSeen, id).hget(k.sessionsRevoked, id)),
    )) as [string | null, string | null, string | null]
    return json ? sessionOf(json, lastSeen, revoked) : null
  }

  async touchSession(id: string, at: number): Promise<void> {
    this.#assertOpen()
    await this.#run('touch a session', TOUCH_SESSION, [this.#keys.sessions, this.#keys.sessionsLastSeen], [id, String(at)])
  }

  async revokeSession(id: string, at: number): Promise<SessionRecord | null> {
    this.#assertOpen()
    const k = this.#keys
    const reply = (await this.#attempt('revoke a session', () =>
      runScript(this.#client, REVOKE_SESSION, [k.sessions, k.sessionsLastSeen, k.sessionsRevoked, k.sessionsLive], [id, String(at)]),
    )) as [] | [string, string | null, string | null]
    return reply.length === 0 ? null : sessionOf(reply[0], reply[1], reply[2])
  }

  async revokeSessionsOf(personId: string, at: number): Promise<string[]> {
    this.#assertOpen()
    const k = this.#keys
    return (await this.#attempt('revoke sessions', () =>
      runScript(this.#client, REVOKE_SESSIONS_OF, [k.sessionsOf(personId), k.sessionsRevoked, k.sessionsLive], [String(at)]),
    )) as string[]
  }

  async listActiveSessions(now: number): Promise<SessionRecord[]> {
    this.#assertOpen()
    const k = this.#keys
    const rows = (await this.#attempt('list the active sessions', () =>
      runScript(this.#client, LIST_ACTIVE_SESSIONS, [k.sessionsLive, k.sessions, k.sessionsLastSeen, k.sessionsOrder], [String(now)]),
    )) as [id: string, json: string | null, lastSeen: string | null, sequence: string | null][]
    return rows
      .flatMap(([, json, lastSeen, sequence]) => (json ? [{ session: sessionOf(json, lastSeen, null), sequence: Number(sequence ?? 0) }] : []))
      .sort((a, b) => b.session.createdAt - a.session.createdAt || b.sequence - a.sequence)
      .map(({ session }) => session)
  }

  async activeSessionIds(ids: readonly string[], now: number): Promise<Set<string>> {
    this.#assertOpen()
    if (ids.length === 0) return new Set()
    const k = this.#keys
    const active = (await this.#attempt('check sessions', () =>
      runScript(this.#client, ACTIVE_SESSION_IDS, [k.sessionsLive, k.sessions, k.people], [String(now), ...ids]),
    )) as string[]
    return new Set(active)
  }

  // ---- audit and settings -------------------------------------------------------------------

  async appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    this.#assertOpen()
    const id = (await this.#attempt('append to the audit log', () =>
      runScript(this.#client, APPEND_AUDIT, [this.#keys.auditSequence, this.#keys.audit], [JSON.stringify(entry)]),
    )) as number
    return { id, ...entry }
  }

  async listAudit(options: { limit: number; before?: number }): Promise<AuditEntry[]> {
    this.#assertOpen()
    const limit = Math.floor(options.limit)
    if (!(limit > 0)) return []
    const below = options.before === undefined ? '+inf' : `(${options.before}`
    const members = await this.#attempt('read the audit log', () =>
      this.#client.zrange(this.#keys.audit, below, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, Math.min(limit, Number.MAX_SAFE_INTEGER)),
    )
    return members.map((member) => {
      const space = member.indexOf(' ')
      return { id: Number(member.slice(0, space)), ...(JSON.parse(member.slice(space + 1)) as NewAuditEntry) }
    })
  }

  async getSetting(key: string): Promise<string | null> {
    this.#assertOpen()
    return this.#attempt('read a setting', () => this.#client.hget(this.#keys.settings, key))
  }

  async putSetting(key: string, value: string | null): Promise<void> {
    this.#assertOpen()
    await this.#attempt('write a setting', () => (value === null ? this.#client.hdel(this.#keys.settings, key) : this.#client.hset(this.#keys.settings, key, value)))
  }

  // ---- questions ----------------------------------------------------------------------------

  async addQuestion(question: Question): Promise<Question> {
    this.#assertOpen()
    return this.#attempt('add a question', () => this.#questions.add(question))
  }

  async getQuestion(id: string): Promise<Question | null> {
    this.#assertOpen()
    return this.#attempt('read a question', () => this.#questions.get(id))
  }

  async answerQuestion(id: string, answer: QuestionAnswer): Promise<Question> {
    this.#assertOpen()
    return this.#attempt('answer a question', () => this.#questions.answer(id, answer))
  }

  async listQuestions(options: { askerId?: string; limit?: number }): Promise<Question[]> {
    this.#assertOpen()
    if (options.limit !== undefined && !(Math.floor(options.limit) > 0)) return []
    const limit = options.limit === undefined ? undefined : Math.min(Math.floor(options.limit), Number.MAX_SAFE_INTEGER)
    return this.#attempt('list questions', () => this.#questions.list({ ...options, limit }))
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
      // QUIT lets Redis answer every command already sent before the connection closes.
      await this.#client.quit()
    } catch {
      this.#client.disconnect()
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  #run(what: string, script: Script, keys: readonly string[], args: readonly string[]): Promise<Reply> {
    return this.#attempt(what, () => runScript(this.#client, script, keys, args) as Promise<Reply>)
  }

  /** Turns a script's refusal into the AccountError it stands for; `duplicate` names the caller's bug. */
  #refuseUnlessOk(reply: Reply, duplicate = 'That record already exists.'): void {
    const [code, detail] = reply
    switch (code) {
      case 'ok':
        return
      case 'lead-taken': {
        const holder = detail ? personOf(detail) : null
        if (holder && isLeadRole(holder.role)) throw leadTaken(holder, holder.role as LeadRole)
        throw new AccountError('lead-taken', 'Somebody already holds that lead role; change their role first.')
      }
      case 'login-taken':
        throw loginTaken()
      case 'last-admin':
        throw lastAdmin()
      case 'not-found':
        throw personNotFound()
      case 'invite-unknown':
      case 'invite-used':
      case 'invite-revoked':
      case 'invite-expired':
        throw inviteError(code)
      case 'duplicate':
        throw new Error(duplicate)
      default:
        throw new Error(`Redis account store at ${this.where}: unexpected script reply ${JSON.stringify(code)}`)
    }
  }

  /** Runs one operation; a Redis failure becomes a sentence naming the Redis and what could not be done. */
  async #attempt<T>(what: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      if (error instanceof AccountError) throw error
      const message = (error as Error).message
      const reason = isConnectionError(this.#client, error) ? `Redis is unreachable or not answering (${message})` : message
      throw new Error(`Redis account store at ${this.where} could not ${what}: ${reason}`, { cause: error })
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`RedisAccountStore (${this.where}) is closed`)
  }
}

/** The four fields the people rules index, as the scripts take them: role, lead?, login key, admin?. */
function indexed(person: Pick<PersonRecord, 'role' | 'login'>): [string, string, string, string] {
  return [person.role, isLeadRole(person.role) ? '1' : '0', person.login === null ? '' : normalizeLogin(person.login), person.role === 'admin' ? '1' : '0']
}

function personOf(json: string): PersonRecord {
  return JSON.parse(json) as PersonRecord
}

function usedJson(usedAt: number, usedBy: string | null): string {
  return JSON.stringify({ usedAt, usedBy })
}

function inviteOf(json: string, used: string | null, revoked: string | null): InviteRecord {
  const { usedAt, usedBy } = used ? (JSON.parse(used) as { usedAt: number; usedBy: string | null }) : { usedAt: null, usedBy: null }
  return { ...(JSON.parse(json) as StoredInvite), usedAt, usedBy, revokedAt: revoked === null ? null : Number(revoked) }
}

function sessionOf(json: string, lastSeen: string | null, revoked: string | null): SessionRecord {
  const stored = JSON.parse(json) as StoredSession
  return { ...stored, lastSeenAt: lastSeen === null ? stored.createdAt : Number(lastSeen), revokedAt: revoked === null ? null : Number(revoked) }
}
