/**
 * Where the server keeps its own state beside the documents: people, invites, sessions, the
 * audit log and a few installation settings (such as the Slack webhook). One interface, two backends:
 * SQLite (SqliteAccountStore, in the same DATA_DIR file as the documents) and Redis
 * (RedisAccountStore, with REDIS_URL); both pass `test/integration/accounts.contract.ts`.
 *
 * Secrets never reach the store: invite codes and session cookies are stored as SHA-256 hashes and
 * passwords as scrypt hashes. Rules that must hold across concurrent requests and processes (one
 * person per lead role, unique logins, single-use invites) are enforced here, atomically.
 */
import { ROLE_LABELS, type AuditEntry, type LeadRole, type Question, type QuestionAnswer, type RoleAssignment } from '@fourwall/shared'

export interface PersonRecord extends RoleAssignment {
  id: string
  name: string
  /** Normalised (lower-case) login for password sign-in, if the person set one. */
  login: string | null
  /** `scrypt$...` (see auth/passwords.ts), null when the person signs in by link only. */
  passwordHash: string | null
  createdAt: number
}

/** What createPerson and redeemInvite take: the whole record, ids and time chosen by the caller. */
export type NewPerson = PersonRecord

export type PersonPatch = Partial<Pick<PersonRecord, 'name' | 'role' | 'worksFor' | 'team' | 'login' | 'passwordHash'>>

export interface InviteRecord extends RoleAssignment {
  id: string
  /** SHA-256 (hex) of the code in the link. */
  codeHash: string
  name: string
  /** Set for a sign-in link to an existing person; null when redeeming adds a new person. */
  personId: string | null
  createdAt: number
  expiresAt: number
  createdById: string | null
  createdByName: string | null
  usedAt: number | null
  usedBy: string | null
  revokedAt: number | null
}

export interface SessionRecord {
  id: string
  /** SHA-256 (hex) of the cookie value. */
  secretHash: string
  personId: string
  /** Sent back by the client in the CSRF header on state-changing cookie-authenticated calls. */
  csrfToken: string
  createdAt: number
  expiresAt: number
  lastSeenAt: number
  ip: string | null
  userAgent: string | null
  revokedAt: number | null
}

/** An audit entry before the store numbers it. */
export type NewAuditEntry = Omit<AuditEntry, 'id'>

export type AccountErrorCode =
  | 'lead-taken'
  | 'login-taken'
  | 'not-found'
  | 'invite-unknown'
  | 'invite-used'
  | 'invite-revoked'
  | 'invite-expired'
  | 'last-admin'
  /** Input that breaks a rule of shared/src/people.ts (raised by the layer above the store). */
  | 'invalid'

/** A rule the store refused to break; the HTTP layer maps `code` to a status and shows `message`. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AccountError'
  }
}

/** The words a person sees for an invite that cannot be used: on the join page and when redeeming. */
const INVITE_MESSAGES = {
  'invite-unknown': 'This invite link is not valid. Check that you copied all of it, or ask your admin for a new one.',
  'invite-revoked': 'This invite link was revoked by an admin. Ask your admin for a new one.',
  'invite-used': 'This invite link has already been used. Each link works once; ask your admin for a new one.',
  'invite-expired': 'This invite link has expired. Ask your admin for a new one.',
} as const satisfies Partial<Record<AccountErrorCode, string>>

export function inviteError(code: keyof typeof INVITE_MESSAGES): AccountError {
  return new AccountError(code, INVITE_MESSAGES[code])
}

/** A sign-in link whose person was removed after it was made. */
export function inviteForRemovedPerson(): AccountError {
  return new AccountError('invite-revoked', 'The person this sign-in link was made for no longer exists. Ask your admin for a new one.')
}

export function loginTaken(): AccountError {
  return new AccountError('login-taken', 'This login is already taken; choose another one.')
}

export function personNotFound(): AccountError {
  return new AccountError('not-found', 'There is no such person.')
}

export function leadTaken(holder: Pick<PersonRecord, 'name'>, role: LeadRole): AccountError {
  return new AccountError('lead-taken', `${holder.name} is already the ${ROLE_LABELS[role]}; change their role first.`)
}

export function lastAdmin(): AccountError {
  return new AccountError('last-admin', 'This is the last admin; make someone else an admin first.')
}

export interface AccountStore {
  readonly kind: string

  /** Number of people with the admin role: 0 means the workspace still needs its first admin. */
  countAdmins(): Promise<number>

  /**
   * Adds a person. Throws AccountError 'lead-taken' when the role is a lead role somebody already
   * holds, 'login-taken' when the login is in use.
   */
  createPerson(person: NewPerson): Promise<PersonRecord>
  getPerson(id: string): Promise<PersonRecord | null>
  findPersonByLogin(login: string): Promise<PersonRecord | null>
  /** Everyone, oldest first. */
  listPeople(): Promise<PersonRecord[]>
  /**
   * Changes a person; same rules as createPerson, plus 'last-admin' when it would leave no admin,
   * and 'not-found'. A role change away from product-lead/engineering-lead leaves chiefs of staff
   * working for that role as they are (they work for the role, whoever holds it).
   */
  updatePerson(id: string, patch: PersonPatch): Promise<PersonRecord>
  /** Deletes a person and revokes their sessions ('last-admin', 'not-found'). */
  removePerson(id: string, at: number): Promise<PersonRecord>

  createInvite(invite: InviteRecord): Promise<void>
  findInviteByCodeHash(codeHash: string): Promise<InviteRecord | null>
  /** Newest first. */
  listInvites(): Promise<InviteRecord[]>
  /** Marks an invite revoked ('not-found'; revoking a used or revoked invite is a no-op). */
  revokeInvite(id: string, at: number): Promise<InviteRecord>
  /**
   * Atomically: checks the invite is pending (else 'invite-unknown' | 'invite-used' |
   * 'invite-revoked' | 'invite-expired'), creates `person` when the invite adds one (or takes the
   * invite's existing person), marks the invite used by them, and returns both. Two concurrent
   * redemptions of one code: exactly one succeeds.
   */
  redeemInvite(codeHash: string, at: number, person: NewPerson): Promise<{ invite: InviteRecord; person: PersonRecord }>

  createSession(session: SessionRecord): Promise<void>
  findSessionBySecretHash(secretHash: string): Promise<SessionRecord | null>
  getSession(id: string): Promise<SessionRecord | null>
  touchSession(id: string, at: number): Promise<void>
  /** Returns the session as revoked, or null if unknown. */
  revokeSession(id: string, at: number): Promise<SessionRecord | null>
  /** Revokes every live session of a person; returns their ids. */
  revokeSessionsOf(personId: string, at: number): Promise<string[]>
  /** Sessions neither revoked nor expired at `now`, newest first. */
  listActiveSessions(now: number): Promise<SessionRecord[]>
  /** Which of these session ids are still active at `now` (for closing sockets of ended sessions). */
  activeSessionIds(ids: readonly string[], now: number): Promise<Set<string>>

  appendAudit(entry: NewAuditEntry): Promise<AuditEntry>
  /** Newest first; `before` is an entry id for paging. */
  listAudit(options: { limit: number; before?: number }): Promise<AuditEntry[]>

  /**
   * Installation-wide settings, by key (`slack.webhookUrl`). Values are opaque text to the store;
   * the layer above validates them. Null when the key was never set or was deleted.
   */
  getSetting(key: string): Promise<string | null>
  /** Sets a setting (last write wins); null deletes it. */
  putSetting(key: string, value: string | null): Promise<void>

  /**
   * Questions and decision requests to the leads (shared/src/domains/questions.ts). They are kept
   * here rather than in a document because each asker may read only their own. The question comes
   * whole, ids and time chosen by the caller, with `answer: null`.
   */
  addQuestion(question: Question): Promise<Question>
  getQuestion(id: string): Promise<Question | null>
  /**
   * Records an answer unless the question already has one, atomically: of two leads (or tabs)
   * answering at once, exactly one answer is kept. Returns the question as stored, with whichever
   * answer came first; the caller compares it with its own to learn whether it won. 'not-found'.
   */
  answerQuestion(id: string, answer: QuestionAnswer): Promise<Question>
  /** Newest first; only `askerId`'s own when given; at most `limit` (all when omitted). */
  listQuestions(options: { askerId?: string; limit?: number }): Promise<Question[]>

  close(): Promise<void>
}
