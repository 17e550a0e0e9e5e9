/**
 * Where RedisAccountStore keeps what, under the installation's prefix (REDIS_PREFIX, default `fw:`).
 *
 * Every key carries the same hash tag, `{accounts}`, so a Redis Cluster puts them all in one slot,
 * where one Lua script may read and write several of them (a rule such as "one person per lead role"
 * spans the people hash and its indexes). Documents' keys (storage/redis/keys.ts) start with `{`
 * right after the prefix and these with `accounts:`, so the two never meet.
 *
 * Records that change as a whole (people, settings) are stored as one JSON value each. Records with
 * a few fields that change on their own (an invite's use or revocation, a session's last-seen time
 * and revocation) keep their immutable part as JSON and each changing field in a hash of its own, so
 * a script sets a field with one HSETNX and never has to re-encode JSON (Lua's cjson would print
 * large numbers in exponent notation).
 */
import { DEFAULT_PREFIX, PREFIX_PATTERN } from '../../storage/redis/keys.js'

export class AccountKeys {
  /** Counter ordering records of one kind that share a timestamp (SQLite's rowid). */
  readonly sequence: string
  /** Hash: person id → PersonRecord JSON. */
  readonly people: string
  /** Sorted set: person id, scored by insertion sequence. */
  readonly peopleOrder: string
  /** Hash: normalised login → person id. */
  readonly peopleByLogin: string
  /** Hash: lead role → the id of the person who holds it. */
  readonly peopleByLeadRole: string
  /** Set of the admins' ids. */
  readonly admins: string

  /** Hash: invite id → the invite's JSON without usedAt, usedBy and revokedAt. */
  readonly invites: string
  /** Hash: code hash → invite id. */
  readonly invitesByCode: string
  /** Sorted set: invite id, scored by insertion sequence. */
  readonly invitesOrder: string
  /** Hash: invite id → `{"usedAt":…,"usedBy":…}`; absent while unused. */
  readonly invitesUsed: string
  /** Hash: invite id → revokedAt; absent while not revoked. */
  readonly invitesRevoked: string

  /** Hash: session id → the session's JSON without lastSeenAt and revokedAt. */
  readonly sessions: string
  /** Hash: secret hash → session id. */
  readonly sessionsBySecret: string
  /** Sorted set: session id, scored by insertion sequence. */
  readonly sessionsOrder: string
  /** Hash: session id → lastSeenAt. */
  readonly sessionsLastSeen: string
  /** Hash: session id → revokedAt; absent while not revoked. */
  readonly sessionsRevoked: string
  /** Sorted set of the sessions not revoked, scored by expiresAt: the active ones are those above now. */
  readonly sessionsLive: string

  /** Counter handing out audit ids. */
  readonly auditSequence: string
  /** Sorted set: `<id> <entry JSON>`, scored by id. */
  readonly audit: string

  /** Hash: setting key → value. */
  readonly settings: string

  /** Hash: question id → the question's JSON without its answer. */
  readonly questions: string
  /** Hash: question id → answer JSON; HSETNX keeps the first. */
  readonly questionAnswers: string
  /** Sorted set: `<sequence, 16 digits>:<id>`, scored by askedAt (ties: the later insert sorts higher). */
  readonly questionsByTime: string

  readonly #base: string

  constructor(readonly prefix: string = DEFAULT_PREFIX) {
    if (!PREFIX_PATTERN.test(prefix)) {
      throw new Error(`Redis key prefix "${prefix}" must be 1 to 64 letters, digits or : _ . - (no braces, spaces or wildcards)`)
    }
    const base = (this.#base = `${prefix}accounts:{accounts}:`)
    this.sequence = `${base}sequence`
    this.people = `${base}people`
    this.peopleOrder = `${base}people:order`
    this.peopleByLogin = `${base}people:by-login`
    this.peopleByLeadRole = `${base}people:by-lead-role`
    this.admins = `${base}people:admins`
    this.invites = `${base}invites`
    this.invitesByCode = `${base}invites:by-code`
    this.invitesOrder = `${base}invites:order`
    this.invitesUsed = `${base}invites:used`
    this.invitesRevoked = `${base}invites:revoked`
    this.sessions = `${base}sessions`
    this.sessionsBySecret = `${base}sessions:by-secret`
    this.sessionsOrder = `${base}sessions:order`
    this.sessionsLastSeen = `${base}sessions:last-seen`
    this.sessionsRevoked = `${base}sessions:revoked`
    this.sessionsLive = `${base}sessions:live`
    this.auditSequence = `${base}audit:sequence`
    this.audit = `${base}audit`
    this.settings = `${base}settings`
    this.questions = `${base}questions`
    this.questionAnswers = `${base}questions:answers`
    this.questionsByTime = `${base}questions:by-time`
  }

  /** Set of one person's session ids (revoked and expired ones included). */
  sessionsOf(personId: string): string {
    return `${this.#base}sessions:of:${personId}`
  }

  /** Sorted set like questionsByTime, of one asker's questions. */
  questionsOf(askerId: string): string {
    return `${this.#base}questions:by-asker:${askerId}`
  }

  /** The keys every person-writing script takes first, in the order accountScripts.ts reads them. */
  get personKeys(): string[] {
    return [this.people, this.peopleOrder, this.peopleByLogin, this.peopleByLeadRole, this.admins, this.sequence]
  }
}
