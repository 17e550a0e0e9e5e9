/**
 * People, invites and sessions as the server uses them: the rules around the account store that
 * involve secrets, time and the audit log. HTTP routes, the CLI and the first-run setup all go
 * through here, so each rule lives once.
 */
import { randomUUID } from 'node:crypto'
import {
  loginError,
  nameError,
  normalizeLogin,
  passwordError,
  roleAssignmentError,
  type AuditAction,
  type AuditDetail,
  type InvitePreview,
  type InviteStatus,
  type InviteView,
  type LeadRole,
  type PersonView,
  type Role,
  type RoleAssignment,
  type SessionView,
} from '@fourwall/shared'
import type { Logger } from '../logger.js'
import {
  AccountError,
  inviteError,
  loginTaken,
  personNotFound,
  type AccountStore,
  type InviteRecord,
  type NewPerson,
  type PersonPatch,
  type PersonRecord,
  type SessionRecord,
} from '../accounts/AccountStore.js'
import { describeWait, MemoryAttemptLimiter, type AttemptLimiter, type AttemptLimiterFactory } from './AttemptLimiter.js'
import { hashPassword, verifyPassword } from './passwords.js'
import type { Principal } from './Principal.js'
import { hashSecret, newSecret } from './secrets.js'
import type { Identity } from './tokens.js'

export interface AccountsConfig {
  sessionTtlHours: number
  inviteTtlHours: number
}

export interface AccountsDeps {
  store: AccountStore
  config: AccountsConfig
  log: Logger
  /** These sessions ended (sign-out, revocation, removal): close their sockets now. */
  onSessionsEnded?: (sessionIds: string[]) => void
  /** This person's role or name changed: their sockets must reconnect to pick it up. */
  onPersonChanged?: (personId: string) => void
  /** Where sign-in attempts are counted; default: this process's memory (Redis shares them across processes). */
  attemptLimiter?: AttemptLimiterFactory
}

/** Where a request came from, for the sessions list and the rate limits. */
export interface ClientInfo {
  ip: string | null
  userAgent: string | null
}

export interface SignedIn {
  person: PersonRecord
  session: SessionRecord
  /** The cookie value; shown to the browser once, stored only as a hash. */
  cookie: string
}

export interface InviteInput {
  name: string
  role: Role
  worksFor: LeadRole | null
  team: string | null
  expiresInHours?: number
  /** A sign-in link for this existing person instead of an invitation of a new one. */
  personId?: string | null
  /** Who made an invite that no signed-in person made (default: the command line). */
  source?: 'setup' | 'cli'
}

/** How invites made without a signed-in person show their creator. */
const SETUP_CREATOR = 'First-run setup'
const CLI_CREATOR = 'Command line'

function isSetupInvite(invite: InviteRecord): boolean {
  return invite.createdById === null && invite.createdByName === SETUP_CREATOR && invite.role === 'admin' && invite.personId === null
}

/** A refused sign-in: 401 for bad credentials, 429 when rate-limited (with the wait). */
export class SignInRefused extends Error {
  constructor(
    readonly status: 401 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'SignInRefused'
  }
}

/** Failed sign-in and invite attempts from one address: generous for an office behind one NAT. */
const PER_IP = { max: 30, windowMs: 10 * 60_000 }
/** Failed password attempts against one account. */
const PER_ACCOUNT = { max: 5, windowMs: 15 * 60_000 }
/** lastSeenAt is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000
const HOUR = 3_600_000

export class Accounts {
  private readonly ipLimiter: AttemptLimiter
  private readonly accountLimiter: AttemptLimiter

  constructor(private readonly deps: AccountsDeps) {
    const limiter = deps.attemptLimiter ?? ((_kind, window) => new MemoryAttemptLimiter(window))
    this.ipLimiter = limiter('ip', PER_IP)
    this.accountLimiter = limiter('account', PER_ACCOUNT)
  }

  get store(): AccountStore {
    return this.deps.store
  }

  async needsSetup(): Promise<boolean> {
    return (await this.deps.store.countAdmins()) === 0
  }

  /**
   * On a workspace without an admin: a fresh single-use admin invite (the one-time setup link).
   * Null once an admin exists.
   */
  async createSetupInvite(): Promise<{ code: string; invite: InviteView } | null> {
    if (!(await this.needsSetup())) return null
    // Only the newest setup link works: each start prints one and retires those printed before.
    const now = Date.now()
    for (const invite of await this.deps.store.listInvites()) {
      if (isSetupInvite(invite) && inviteStatus(invite, now) === 'pending') await this.deps.store.revokeInvite(invite.id, now)
    }
    return this.createInvite(null, { name: 'Admin', role: 'admin', worksFor: null, team: null, expiresInHours: 24, source: 'setup' })
  }

  // ---- invites ------------------------------------------------------------------------------

  async createInvite(by: Identity | null, input: InviteInput): Promise<{ code: string; invite: InviteView }> {
    const problem = nameError(input.name) ?? roleAssignmentError(input)
    if (problem) throw new AccountError('invalid', problem)
    const now = Date.now()
    const code = newSecret()
    const record: InviteRecord = {
      id: randomUUID(),
      codeHash: hashSecret(code),
      name: input.name.trim(),
      role: input.role,
      worksFor: input.worksFor,
      team: input.team?.trim() ?? null,
      personId: input.personId ?? null,
      createdAt: now,
      expiresAt: now + (input.expiresInHours ?? this.deps.config.inviteTtlHours) * HOUR,
      createdById: by?.id ?? null,
      createdByName: by?.name ?? (input.source === 'setup' ? SETUP_CREATOR : CLI_CREATOR),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    }
    await this.deps.store.createInvite(record)
    await this.audit(by, 'invite.created', record.id, { name: record.name, role: record.role, signInLink: record.personId !== null })
    return { code, invite: inviteView(record, now) }
  }

  /** What the join page shows; throws AccountError 'invite-*' for a code that cannot be used. */
  async previewInvite(code: string, client: ClientInfo): Promise<InvitePreview> {
    const attempt = await this.beginAttempt(client)
    const invite = await this.usableInvite(code)
    await attempt.succeeded()
    const person = invite.personId ? await this.deps.store.getPerson(invite.personId) : null
    return {
      status: 'pending',
      name: person?.name ?? invite.name,
      role: person?.role ?? invite.role,
      worksFor: person?.worksFor ?? invite.worksFor,
      team: person?.team ?? invite.team,
      expiresAt: invite.expiresAt,
      existingPerson: person?.login != null,
    }
  }

  /** The pending invite behind a code, or the AccountError a person sees for it. */
  private async usableInvite(code: string): Promise<InviteRecord> {
    const invite = await this.deps.store.findInviteByCodeHash(hashSecret(code))
    if (!invite) throw inviteError('invite-unknown')
    const status = inviteStatus(invite, Date.now())
    if (status !== 'pending') throw inviteError(`invite-${status}`)
    // A setup link left over from an earlier start must not make a second admin.
    if (isSetupInvite(invite) && !(await this.needsSetup())) {
      throw new AccountError('invite-revoked', 'This setup link is no longer needed: Fourwall is already set up. Ask an admin for an invite.')
    }
    return invite
  }

  /** Redeems an invite for a session, optionally setting a login and password on the way. */
  async redeemInvite(code: string, credentials: { login: string; password: string } | null, client: ClientInfo): Promise<SignedIn> {
    if (credentials) {
      const problem = loginError(credentials.login) ?? passwordError(credentials.password)
      if (problem) throw new AccountError('invalid', problem)
    }
    // The code is checked (and counted against the address) before any expensive hashing.
    const attempt = await this.beginAttempt(client)
    const pending = await this.usableInvite(code)
    await attempt.succeeded()
    const now = Date.now()
    const candidate: NewPerson = { id: randomUUID(), name: '', role: 'team-lead', worksFor: null, team: null, login: null, passwordHash: null, createdAt: now }
    if (credentials) {
      candidate.login = normalizeLogin(credentials.login)
      // Checked before the link is spent: a taken login must not use up a sign-in link. (The store
      // re-checks atomically for a new person; for an existing one the window is this request.)
      const holder = await this.deps.store.findPersonByLogin(candidate.login)
      if (holder && holder.id !== pending.personId) throw loginTaken()
      candidate.passwordHash = await hashPassword(credentials.password)
    }
    const { invite, person: redeemed } = await this.deps.store.redeemInvite(hashSecret(code), now, candidate)
    let person = redeemed
    // A sign-in link for someone who already exists may also set their password.
    if (credentials && invite.personId && candidate.login && candidate.passwordHash) {
      person = await this.deps.store.updatePerson(person.id, { login: candidate.login, passwordHash: candidate.passwordHash })
    }
    const actor = identityOf(person)
    await this.audit(actor, 'invite.redeemed', invite.id, { role: person.role, invitedBy: invite.createdByName })
    if (!invite.personId) {
      // The first admin in is the workspace's setup (the printed link or the CLI's invite).
      const firstAdmin = person.role === 'admin' && (await this.deps.store.countAdmins()) === 1
      await this.audit(actor, firstAdmin ? 'setup.completed' : 'person.created', person.id, { name: person.name, role: person.role })
    }
    if (candidate.passwordHash) await this.audit(actor, 'password.set', person.id, {})
    return this.startSession(person, client)
  }

  async revokeInvite(by: Identity, id: string): Promise<InviteView> {
    const at = Date.now()
    const invite = await this.deps.store.revokeInvite(id, at)
    // Revoking a used or already revoked invite changes nothing, so nothing is recorded.
    if (invite.revokedAt === at) await this.audit(by, 'invite.revoked', id, { name: invite.name, role: invite.role })
    return inviteView(invite, at)
  }

  async listInvites(): Promise<InviteView[]> {
    const now = Date.now()
    return (await this.deps.store.listInvites()).map((invite) => inviteView(invite, now))
  }

  // ---- sessions -----------------------------------------------------------------------------

  /** Password sign-in, rate-limited per address and per account with messages that say how long to wait. */
  async signIn(login: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const account = normalizeLogin(login)
    // Counted before the (slow) password check, so a burst of parallel guesses is limited too.
    const attempt = await this.beginAttempt(client, account)
    const person = await this.deps.store.findPersonByLogin(account)
    const ok = await verifyPassword(password, person?.passwordHash ?? null)
    if (!ok || !person) {
      await this.audit(null, 'signin.failed', person?.id ?? null, { login: account.slice(0, 120), reason: 'wrong-credentials', ip: client.ip })
      throw new SignInRefused(401, 'Wrong login or password.')
    }
    await attempt.succeeded()
    await this.accountLimiter.reset(account)
    return this.startSession(person, client)
  }

  /** The principal behind a session cookie, or null if it is unknown, revoked, expired or orphaned. */
  async authenticateSession(cookie: string | undefined): Promise<Principal | null> {
    if (!cookie || cookie.length > 200) return null
    const session = await this.deps.store.findSessionBySecretHash(hashSecret(cookie))
    const now = Date.now()
    if (!session || session.revokedAt !== null || session.expiresAt <= now) return null
    const person = await this.deps.store.getPerson(session.personId)
    if (!person) return null
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) await this.deps.store.touchSession(session.id, now)
    return { identity: identityOf(person), via: 'session', sessionId: session.id, csrfToken: session.csrfToken }
  }

  async signOut(principal: Principal): Promise<void> {
    if (!principal.sessionId) return
    await this.deps.store.revokeSession(principal.sessionId, Date.now())
    await this.audit(principal.identity, 'signout', principal.identity.id, {})
    this.deps.onSessionsEnded?.([principal.sessionId])
  }

  async revokeSession(by: Identity, id: string): Promise<void> {
    const at = Date.now()
    const session = await this.deps.store.revokeSession(id, at)
    if (!session) throw new AccountError('not-found', 'There is no such session.')
    // Revoking a session that had already ended changes nothing and records nothing.
    if (session.revokedAt === at) await this.audit(by, 'session.revoked', session.personId, { session: id })
    this.deps.onSessionsEnded?.([id])
  }

  async listSessions(currentSessionId: string | null): Promise<SessionView[]> {
    const now = Date.now()
    const people = new Map((await this.deps.store.listPeople()).map((person) => [person.id, person]))
    return (await this.deps.store.listActiveSessions(now)).flatMap((session) => {
      const person = people.get(session.personId)
      if (!person) return []
      return [
        {
          id: session.id,
          personId: person.id,
          personName: person.name,
          role: person.role,
          createdAt: session.createdAt,
          expiresAt: session.expiresAt,
          lastSeenAt: session.lastSeenAt,
          ip: session.ip,
          userAgent: session.userAgent,
          current: session.id === currentSessionId,
        },
      ]
    })
  }

  private async startSession(person: PersonRecord, client: ClientInfo): Promise<SignedIn> {
    const now = Date.now()
    const cookie = newSecret()
    const session: SessionRecord = {
      id: randomUUID(),
      secretHash: hashSecret(cookie),
      personId: person.id,
      csrfToken: newSecret(),
      createdAt: now,
      expiresAt: now + this.deps.config.sessionTtlHours * HOUR,
      lastSeenAt: now,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      revokedAt: null,
    }
    await this.deps.store.createSession(session)
    await this.audit(identityOf(person), 'signin.succeeded', person.id, { ip: client.ip })
    return { person, session, cookie }
  }

  // ---- people -------------------------------------------------------------------------------

  async listPeople(): Promise<PersonView[]> {
    const now = Date.now()
    const active = new Map<string, number>()
    for (const session of await this.deps.store.listActiveSessions(now)) active.set(session.personId, (active.get(session.personId) ?? 0) + 1)
    return (await this.deps.store.listPeople()).map((person) => personView(person, active.get(person.id) ?? 0))
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    return this.deps.store.getPerson(id)
  }

  /** Changes name, role or assignment; the person's sockets reconnect so the new role applies at once. */
  async updatePerson(by: Identity, id: string, patch: PersonPatch): Promise<PersonView> {
    const before = await this.deps.store.getPerson(id)
    if (!before) throw personNotFound()
    const next = { role: patch.role ?? before.role, worksFor: patch.worksFor !== undefined ? patch.worksFor : before.worksFor, team: patch.team !== undefined ? patch.team : before.team }
    // Moving to a role that needs no assignment drops the old one instead of refusing.
    if (patch.role && patch.worksFor === undefined && next.role !== 'chief-of-staff') next.worksFor = null
    if (patch.role && patch.team === undefined && next.role !== 'team-lead') next.team = null
    const problem = roleAssignmentError(next) ?? (patch.name !== undefined ? nameError(patch.name) : null)
    if (problem) throw new AccountError('invalid', problem)
    const after = await this.deps.store.updatePerson(id, { ...patch, ...next, name: patch.name?.trim() ?? before.name })
    if (after.role !== before.role || after.worksFor !== before.worksFor || after.team !== before.team) {
      await this.audit(by, 'role.changed', id, { name: after.name, from: before.role, to: after.role, worksFor: after.worksFor, team: after.team })
    }
    if (after.name !== before.name) await this.audit(by, 'person.updated', id, { from: before.name, to: after.name })
    const changed = after.role !== before.role || after.name !== before.name
    // Their sockets carry the old role and name; reconnecting picks up the new ones.
    if (changed) this.deps.onPersonChanged?.(id)
    return personView(after, (await this.activeSessionsOf(id)).length)
  }

  async removePerson(by: Identity, id: string): Promise<void> {
    const sessions = (await this.activeSessionsOf(id)).map((session) => session.id)
    const removed = await this.deps.store.removePerson(id, Date.now())
    await this.audit(by, 'person.removed', id, { name: removed.name, role: removed.role })
    this.deps.onSessionsEnded?.(sessions)
    this.deps.onPersonChanged?.(id)
  }

  private async activeSessionsOf(personId: string): Promise<SessionRecord[]> {
    return (await this.deps.store.listActiveSessions(Date.now())).filter((session) => session.personId === personId)
  }

  async setPassword(by: Identity, personId: string, password: string, login?: string): Promise<void> {
    const problem = passwordError(password) ?? (login !== undefined ? loginError(login) : null)
    if (problem) throw new AccountError('invalid', problem)
    const person = await this.deps.store.getPerson(personId)
    if (!person) throw personNotFound()
    if (!person.login && login === undefined) throw new AccountError('invalid', 'Choose a login (email or user name) to go with the password.')
    await this.deps.store.updatePerson(personId, { passwordHash: await hashPassword(password), ...(login !== undefined ? { login: normalizeLogin(login) } : {}) })
    await this.audit(by, 'password.set', personId, {})
  }

  /** Adds a person directly (the CLI's `admin create`), bypassing invites. */
  async createPerson(by: Identity | null, input: { name: string; role: Role; worksFor?: LeadRole | null; team?: string | null; login?: string; password?: string }): Promise<PersonRecord> {
    const assignment = { role: input.role, worksFor: input.worksFor ?? null, team: input.team ?? null }
    const problem = nameError(input.name) ?? roleAssignmentError(assignment) ?? (input.login !== undefined ? loginError(input.login) : null) ?? (input.password !== undefined ? passwordError(input.password) : null)
    if (problem) throw new AccountError('invalid', problem)
    const person = await this.deps.store.createPerson({
      id: randomUUID(),
      name: input.name.trim(),
      ...assignment,
      login: input.login !== undefined ? normalizeLogin(input.login) : null,
      passwordHash: input.password !== undefined ? await hashPassword(input.password) : null,
      createdAt: Date.now(),
    })
    await this.audit(by, 'person.created', person.id, { name: person.name, role: person.role, via: by ? 'admin' : 'cli' })
    return person
  }

  // ---- audit --------------------------------------------------------------------------------

  async audit(actor: Identity | null, action: AuditAction, target: string | null, detail: AuditDetail): Promise<void> {
    try {
      await this.deps.store.appendAudit({ at: Date.now(), actorId: actor?.id ?? null, actorName: actor?.name ?? null, action, target, detail })
    } catch (error) {
      // The action already happened; a failed audit write is logged loudly rather than undoing it.
      this.deps.log.error('audit write failed', { action, error })
    }
  }

  /**
   * Starts a sign-in or invite attempt: refused (429) when the address, or the account, failed too
   * often recently; otherwise counted as a failure right away, and taken back by `succeeded()`.
   * Counting first means parallel attempts cannot slip past the limit while earlier ones are checked.
   */
  private async beginAttempt(client: ClientInfo, account?: string): Promise<{ succeeded(): Promise<void> }> {
    const ip = client.ip ?? 'unknown'
    const ipWait = await this.ipLimiter.take(ip)
    if (ipWait > 0) throw new SignInRefused(429, `Too many failed sign-in attempts from your network. Try again in ${describeWait(ipWait)}.`, Math.ceil(ipWait / 1000))
    if (account !== undefined) {
      const accountWait = await this.accountLimiter.take(account)
      // A locked account's attempts still count against the address (above), which bounds them.
      if (accountWait > 0) {
        await this.audit(null, 'signin.failed', null, { login: account.slice(0, 120), reason: 'rate-limited', ip: client.ip })
        throw new SignInRefused(429, `Too many failed sign-ins for this account. Try again in ${describeWait(accountWait)}.`, Math.ceil(accountWait / 1000))
      }
    }
    return {
      succeeded: async () => {
        await this.ipLimiter.forgive(ip)
        if (account !== undefined) await this.accountLimiter.forgive(account)
      },
    }
  }
}

export function identityOf(person: PersonRecord): Identity {
  return { id: person.id, name: person.name, role: person.role }
}

export function inviteStatus(invite: InviteRecord, now: number): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked'
  if (invite.usedAt !== null) return 'used'
  if (invite.expiresAt <= now) return 'expired'
  return 'pending'
}

/** Only the role assignment of a record, for views that must not carry the record's other fields. */
function assignmentOf({ role, worksFor, team }: RoleAssignment): RoleAssignment {
  return { role, worksFor, team }
}

function inviteView(invite: InviteRecord, now: number): InviteView {
  return {
    id: invite.id,
    name: invite.name,
    ...assignmentOf(invite),
    personId: invite.personId,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
    createdBy: invite.createdById ? { id: invite.createdById, name: invite.createdByName ?? '' } : null,
    status: inviteStatus(invite, now),
    usedAt: invite.usedAt,
    usedBy: invite.usedBy,
  }
}

function personView(person: PersonRecord, activeSessions: number): PersonView {
  return {
    id: person.id,
    name: person.name,
    ...assignmentOf(person),
    login: person.login,
    hasPassword: person.passwordHash !== null,
    createdAt: person.createdAt,
    activeSessions,
  }
}
