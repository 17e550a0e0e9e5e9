/**
 * The embedded account store: people, invites, sessions, the audit log, settings and the questions
 * asked of the leads (sqliteQuestions.ts) in six tables of the same SQLite file as the documents
 * (DATA_DIR/fourwall.db), through a connection of its own.
 *
 * Like SqliteStorage, every method does its work in one synchronous better-sqlite3 call and returns
 * an already-settled promise. Each rule that reads before it writes (one holder per lead role,
 * unique logins, single-use invites, at least one admin) runs inside one IMMEDIATE transaction: it
 * takes the write lock before the first read, so no other connection or process can change what was
 * read before the write commits. Unique indexes back the first two rules as a last line of defence.
 */
import Database from 'better-sqlite3'
import { LEAD_ROLES, isLeadRole, normalizeLogin, type AuditEntry, type LeadRole, type Question, type QuestionAnswer } from '@fourwall/shared'
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
import { openSqlite, type SqliteSynchronous } from '../storage/sqlite.js'
import { prepareQuestionStatements, QUESTIONS_SCHEMA, questionFromRow, questionLimit, type QuestionStatements } from './sqliteQuestions.js'

export interface SqliteAccountStoreOptions {
  /** Path of the database file (usually shared with SqliteStorage); its parent directory is created. */
  file: string
  /** Same meaning as SqliteStorageOptions.synchronous. */
  synchronous?: SqliteSynchronous
}

/** Larger than any audit id: `before` when the caller gave none. */
const NO_BEFORE = Number.MAX_SAFE_INTEGER

// Column lists that alias the snake_case columns to the record fields, so rows are records as read.
const PERSON_COLUMNS =
  'id, name, role, works_for AS worksFor, team, login, password_hash AS passwordHash, created_at AS createdAt'
const INVITE_COLUMNS =
  'id, code_hash AS codeHash, name, role, works_for AS worksFor, team, person_id AS personId, created_at AS createdAt, ' +
  'expires_at AS expiresAt, created_by_id AS createdById, created_by_name AS createdByName, used_at AS usedAt, ' +
  'used_by AS usedBy, revoked_at AS revokedAt'
const SESSION_COLUMNS =
  'id, secret_hash AS secretHash, person_id AS personId, csrf_token AS csrfToken, created_at AS createdAt, ' +
  'expires_at AS expiresAt, last_seen_at AS lastSeenAt, ip, user_agent AS userAgent, revoked_at AS revokedAt'

const PATCHABLE = ['name', 'role', 'worksFor', 'team', 'login', 'passwordHash'] as const satisfies readonly (keyof PersonPatch)[]

/** An audit entry as stored: its detail is JSON text. */
type AuditRow = Omit<AuditEntry, 'detail'> & { detail: string }

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    works_for TEXT,
    team TEXT,
    login TEXT,
    -- The login as it is compared (lower-cased in JS, which folds all of Unicode, where SQLite's
    -- lower() and NOCASE fold ASCII only); login keeps the form it was given.
    login_key TEXT UNIQUE,
    password_hash TEXT,
    created_at INTEGER NOT NULL
  );
  -- One holder per lead role: a partial unique index, so every other role may repeat.
  CREATE UNIQUE INDEX IF NOT EXISTS people_one_per_lead_role ON people (role)
    WHERE role IN ('product-lead', 'engineering-lead');
  CREATE TABLE IF NOT EXISTS invites (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    works_for TEXT,
    team TEXT,
    person_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    created_by_id TEXT,
    created_by_name TEXT,
    used_at INTEGER,
    used_by TEXT,
    revoked_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ip TEXT,
    user_agent TEXT,
    revoked_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS sessions_person ON sessions (person_id);
  -- AUTOINCREMENT: ids are never reused, so they order the log and serve as paging cursors.
  CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
`

export class SqliteAccountStore implements AccountStore {
  readonly kind = 'sqlite'
  readonly file: string

  readonly #db: Database.Database
  #closed = false
  readonly #statements: ReturnType<typeof prepareStatements>
  readonly #questions: QuestionStatements
  readonly #createPersonTx: (person: NewPerson) => PersonRecord
  readonly #updatePersonTx: (id: string, patch: PersonPatch) => PersonRecord
  readonly #removePersonTx: (id: string, at: number) => PersonRecord
  readonly #revokeInviteTx: (id: string, at: number) => InviteRecord
  readonly #redeemInviteTx: (codeHash: string, at: number, person: NewPerson) => { invite: InviteRecord; person: PersonRecord }

  static open(options: SqliteAccountStoreOptions): SqliteAccountStore {
    return new SqliteAccountStore(options)
  }

  private constructor({ file, synchronous = 'NORMAL' }: SqliteAccountStoreOptions) {
    this.file = file
    // SqliteStorage's connection (or another process) may hold the write lock on this same file
    // right now: openSqlite sets the busy timeout before anything that needs the lock.
    const [db, [s, questions]] = openSqlite(file, synchronous, (db) => {
      db.exec(SCHEMA)
      db.exec(QUESTIONS_SCHEMA)
      return [prepareStatements(db), prepareQuestionStatements(db)] as const
    })
    this.#db = db
    this.#statements = s
    this.#questions = questions

    // Every rule-checking write is `.immediate`: see the module comment for why.
    const createPerson = db.transaction((person: NewPerson): PersonRecord => {
      this.#checkPerson(person.id, person.role, person.login)
      s.insertPerson.run({ ...person, loginKey: loginKey(person.login) })
      return this.#person(person.id)
    })
    this.#createPersonTx = (person) => createPerson.immediate(person)

    const updatePerson = db.transaction((id: string, patch: PersonPatch): PersonRecord => {
      const before = s.getPerson.get(id)
      if (!before) throw personNotFound()
      // Only the patchable fields, and only those given: absent or undefined ones keep their value.
      const after: PersonRecord = { ...before }
      for (const key of PATCHABLE) if (patch[key] !== undefined) Object.assign(after, { [key]: patch[key] })
      if (before.role === 'admin' && after.role !== 'admin' && s.countAdmins.get() === 1) throw lastAdmin()
      this.#checkPerson(id, after.role, after.login)
      s.updatePerson.run({ ...after, loginKey: loginKey(after.login) })
      return this.#person(id)
    })
    this.#updatePersonTx = (id, patch) => updatePerson.immediate(id, patch)

    const removePerson = db.transaction((id: string, at: number): PersonRecord => {
      const person = s.getPerson.get(id)
      if (!person) throw personNotFound()
      if (person.role === 'admin' && s.countAdmins.get() === 1) throw lastAdmin()
      s.deletePerson.run(id)
      // Same transaction: no moment where the person is gone but a session of theirs still works.
      s.revokeAllSessionsOf.run(at, id)
      return person
    })
    this.#removePersonTx = (id, at) => removePerson.immediate(id, at)

    const revokeInvite = db.transaction((id: string, at: number): InviteRecord => {
      const invite = s.getInvite.get(id)
      if (!invite) throw new AccountError('not-found', 'There is no such invite.')
      if (invite.usedAt !== null || invite.revokedAt !== null) return invite
      s.revokeInvite.run(at, id)
      return { ...invite, revokedAt: at }
    })
    this.#revokeInviteTx = (id, at) => revokeInvite.immediate(id, at)

    const redeemInvite = db.transaction((codeHash: string, at: number, candidate: NewPerson) => {
      const invite = s.findInvite.get(codeHash)
      // The same order of checks as the join page's preview in auth/Accounts.ts.
      if (!invite) throw inviteError('invite-unknown')
      if (invite.revokedAt !== null) throw inviteError('invite-revoked')
      if (invite.usedAt !== null) throw inviteError('invite-used')
      if (invite.expiresAt <= at) throw inviteError('invite-expired')
      let person: PersonRecord
      if (invite.personId !== null) {
        const existing = s.getPerson.get(invite.personId)
        if (!existing) throw inviteForRemovedPerson()
        person = existing
      } else {
        // The invite fixes who the new person is; the candidate only brings what they chose
        // themselves (login and password) and the ids and time the caller generated.
        person = createPerson({ ...candidate, name: invite.name, role: invite.role, worksFor: invite.worksFor, team: invite.team })
      }
      s.markInviteUsed.run(at, person.id, invite.id)
      return { invite: { ...invite, usedAt: at, usedBy: person.id }, person }
    })
    this.#redeemInviteTx = (codeHash, at, person) => redeemInvite.immediate(codeHash, at, person)
  }

  async countAdmins(): Promise<number> {
    this.#assertOpen()
    return this.#statements.countAdmins.get() ?? 0
  }

  async createPerson(person: NewPerson): Promise<PersonRecord> {
    this.#assertOpen()
    return this.#translate(() => this.#createPersonTx(person))
  }

  async getPerson(id: string): Promise<PersonRecord | null> {
    this.#assertOpen()
    return this.#statements.getPerson.get(id) ?? null
  }

  async findPersonByLogin(login: string): Promise<PersonRecord | null> {
    this.#assertOpen()
    return this.#statements.findPersonByLogin.get(loginKey(login)) ?? null
  }

  async listPeople(): Promise<PersonRecord[]> {
    this.#assertOpen()
    return this.#statements.listPeople.all()
  }

  async updatePerson(id: string, patch: PersonPatch): Promise<PersonRecord> {
    this.#assertOpen()
    return this.#translate(() => this.#updatePersonTx(id, patch))
  }

  async removePerson(id: string, at: number): Promise<PersonRecord> {
    this.#assertOpen()
    return this.#removePersonTx(id, at)
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    this.#assertOpen()
    this.#statements.insertInvite.run(invite)
  }

  async findInviteByCodeHash(codeHash: string): Promise<InviteRecord | null> {
    this.#assertOpen()
    return this.#statements.findInvite.get(codeHash) ?? null
  }

  async listInvites(): Promise<InviteRecord[]> {
    this.#assertOpen()
    return this.#statements.listInvites.all()
  }

  async revokeInvite(id: string, at: number): Promise<InviteRecord> {
    this.#assertOpen()
    return this.#revokeInviteTx(id, at)
  }

  async redeemInvite(codeHash: string, at: number, person: NewPerson): Promise<{ invite: InviteRecord; person: PersonRecord }> {
    this.#assertOpen()
    return this.#translate(() => this.#redeemInviteTx(codeHash, at, person))
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#assertOpen()
    this.#statements.insertSession.run(session)
  }

  async findSessionBySecretHash(secretHash: string): Promise<SessionRecord | null> {
    this.#assertOpen()
    return this.#statements.findSession.get(secretHash) ?? null
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    this.#assertOpen()
    return this.#statements.getSession.get(id) ?? null
  }

  async touchSession(id: string, at: number): Promise<void> {
    this.#assertOpen()
    this.#statements.touchSession.run(at, id)
  }

  async revokeSession(id: string, at: number): Promise<SessionRecord | null> {
    this.#assertOpen()
    // One statement, so atomic on its own; an already revoked session keeps its first revokedAt.
    return this.#statements.revokeSession.get(at, id) ?? null
  }

  async revokeSessionsOf(personId: string, at: number): Promise<string[]> {
    this.#assertOpen()
    return this.#statements.revokeLiveSessionsOf.all(at, personId, at)
  }

  async listActiveSessions(now: number): Promise<SessionRecord[]> {
    this.#assertOpen()
    return this.#statements.listActiveSessions.all(now)
  }

  async activeSessionIds(ids: readonly string[], now: number): Promise<Set<string>> {
    this.#assertOpen()
    if (ids.length === 0) return new Set()
    // The ids go in as one JSON array, so any number of them fits in one bound parameter.
    return new Set(this.#statements.activeSessionIds.all(JSON.stringify(ids), now))
  }

  async appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    this.#assertOpen()
    const { lastInsertRowid } = this.#statements.insertAudit.run({ ...entry, detail: JSON.stringify(entry.detail) })
    return { id: Number(lastInsertRowid), ...entry }
  }

  async listAudit(options: { limit: number; before?: number }): Promise<AuditEntry[]> {
    this.#assertOpen()
    const limit = Math.min(Math.floor(options.limit), NO_BEFORE)
    if (!(limit > 0)) return []
    return this.#statements.listAudit
      .all(options.before ?? NO_BEFORE, limit)
      .map((row) => ({ ...row, detail: JSON.parse(row.detail) as AuditEntry['detail'] }))
  }

  async getSetting(key: string): Promise<string | null> {
    this.#assertOpen()
    return this.#statements.getSetting.get(key) ?? null
  }

  async putSetting(key: string, value: string | null): Promise<void> {
    this.#assertOpen()
    if (value === null) this.#statements.deleteSetting.run(key)
    else this.#statements.putSetting.run(key, value, Date.now())
  }

  async addQuestion(question: Question): Promise<Question> {
    this.#assertOpen()
    const { answer: _unanswered, ...row } = question
    this.#questions.insert.run(row)
    return this.#question(question.id)
  }

  async getQuestion(id: string): Promise<Question | null> {
    this.#assertOpen()
    const row = this.#questions.get.get(id)
    return row ? questionFromRow(row) : null
  }

  async answerQuestion(id: string, answer: QuestionAnswer): Promise<Question> {
    this.#assertOpen()
    // One conditional statement: a question that already has an answer keeps it.
    this.#questions.answer.run({ ...answer, id })
    return this.#question(id)
  }

  async listQuestions(options: { askerId?: string; limit?: number }): Promise<Question[]> {
    this.#assertOpen()
    const limit = questionLimit(options.limit)
    const rows = options.askerId === undefined ? this.#questions.listAll.all(limit) : this.#questions.listByAsker.all(options.askerId, limit)
    return rows.map(questionFromRow)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#db.close()
  }

  /** Refuses a lead role somebody else holds and a login somebody else uses (inside a transaction). */
  #checkPerson(id: string, role: PersonRecord['role'], login: string | null): void {
    if (isLeadRole(role)) {
      const holder = this.#statements.leadHolder.get(role)
      if (holder && holder.id !== id) throw leadTaken(holder, role)
    }
    if (login !== null) {
      const owner = this.#statements.findPersonByLogin.get(loginKey(login))
      if (owner && owner.id !== id) throw loginTaken()
    }
  }

  /**
   * Runs a write and turns a unique-index failure into the AccountError the checks would have
   * thrown. The checks run under the write lock, so this only happens if a row broke the rules
   * without going through them; the person's own id repeating is a caller bug and stays as it is.
   */
  #translate<T>(write: () => T): T {
    try {
      return write()
    } catch (error) {
      if (!(error instanceof Database.SqliteError) || error.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error
      if (error.message.includes('people.login_key')) throw loginTaken()
      if (error.message.includes('people.role')) {
        const holders = LEAD_ROLES.flatMap((role) => this.#statements.leadHolder.all(role))
        const holder = holders[0]
        if (holder) throw leadTaken(holder, holder.role as LeadRole)
        throw new AccountError('lead-taken', 'Somebody already holds that lead role; change their role first.')
      }
      throw error
    }
  }

  #question(id: string): Question {
    const row = this.#questions.get.get(id)
    if (!row) throw new AccountError('not-found', 'There is no such question.')
    return questionFromRow(row)
  }

  #person(id: string): PersonRecord {
    const person = this.#statements.getPerson.get(id)
    if (!person) throw personNotFound()
    return person
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error(`SqliteAccountStore (${this.file}) is closed`)
  }
}

/** Every statement, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    countAdmins: db.prepare<[], number>(`SELECT count(*) FROM people WHERE role = 'admin'`).pluck(),
    insertPerson: db.prepare<[NewPerson & { loginKey: string | null }]>(
      `INSERT INTO people (id, name, role, works_for, team, login, login_key, password_hash, created_at)
       VALUES (@id, @name, @role, @worksFor, @team, @login, @loginKey, @passwordHash, @createdAt)`,
    ),
    updatePerson: db.prepare<[PersonRecord & { loginKey: string | null }]>(
      `UPDATE people SET name = @name, role = @role, works_for = @worksFor, team = @team, login = @login,
       login_key = @loginKey, password_hash = @passwordHash WHERE id = @id`,
    ),
    deletePerson: db.prepare<[string]>('DELETE FROM people WHERE id = ?'),
    getPerson: db.prepare<[string], PersonRecord>(`SELECT ${PERSON_COLUMNS} FROM people WHERE id = ?`),
    findPersonByLogin: db.prepare<[string], PersonRecord>(`SELECT ${PERSON_COLUMNS} FROM people WHERE login_key = ?`),
    leadHolder: db.prepare<[string], PersonRecord>(`SELECT ${PERSON_COLUMNS} FROM people WHERE role = ?`),
    // rowid breaks ties between equal timestamps in insertion order.
    listPeople: db.prepare<[], PersonRecord>(`SELECT ${PERSON_COLUMNS} FROM people ORDER BY created_at, rowid`),

    insertInvite: db.prepare<[InviteRecord]>(
      `INSERT INTO invites (id, code_hash, name, role, works_for, team, person_id, created_at, expires_at,
       created_by_id, created_by_name, used_at, used_by, revoked_at)
       VALUES (@id, @codeHash, @name, @role, @worksFor, @team, @personId, @createdAt, @expiresAt,
       @createdById, @createdByName, @usedAt, @usedBy, @revokedAt)`,
    ),
    getInvite: db.prepare<[string], InviteRecord>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE id = ?`),
    findInvite: db.prepare<[string], InviteRecord>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE code_hash = ?`),
    listInvites: db.prepare<[], InviteRecord>(`SELECT ${INVITE_COLUMNS} FROM invites ORDER BY created_at DESC, rowid DESC`),
    revokeInvite: db.prepare<[number, string]>('UPDATE invites SET revoked_at = ? WHERE id = ?'),
    markInviteUsed: db.prepare<[number, string, string]>('UPDATE invites SET used_at = ?, used_by = ? WHERE id = ?'),

    insertSession: db.prepare<[SessionRecord]>(
      `INSERT INTO sessions (id, secret_hash, person_id, csrf_token, created_at, expires_at, last_seen_at, ip,
       user_agent, revoked_at)
       VALUES (@id, @secretHash, @personId, @csrfToken, @createdAt, @expiresAt, @lastSeenAt, @ip, @userAgent, @revokedAt)`,
    ),
    getSession: db.prepare<[string], SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`),
    findSession: db.prepare<[string], SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE secret_hash = ?`),
    touchSession: db.prepare<[number, string]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?'),
    revokeSession: db.prepare<[number, string], SessionRecord>(
      `UPDATE sessions SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? RETURNING ${SESSION_COLUMNS}`,
    ),
    revokeAllSessionsOf: db.prepare<[number, string]>(
      'UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL',
    ),
    revokeLiveSessionsOf: db
      .prepare<[number, string, number], string>(
        'UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL AND expires_at > ? RETURNING id',
      )
      .pluck(),
    listActiveSessions: db.prepare<[number], SessionRecord>(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE revoked_at IS NULL AND expires_at > ?
       ORDER BY created_at DESC, rowid DESC`,
    ),
    activeSessionIds: db
      .prepare<[string, number], string>(
        `SELECT s.id FROM sessions s WHERE s.id IN (SELECT value FROM json_each(?))
         AND s.revoked_at IS NULL AND s.expires_at > ? AND EXISTS (SELECT 1 FROM people p WHERE p.id = s.person_id)`,
      )
      .pluck(),

    insertAudit: db.prepare<[Omit<NewAuditEntry, 'detail'> & { detail: string }]>(
      `INSERT INTO audit (at, actor_id, actor_name, action, target, detail)
       VALUES (@at, @actorId, @actorName, @action, @target, @detail)`,
    ),
    listAudit: db.prepare<[number, number], AuditRow>(
      `SELECT id, at, actor_id AS actorId, actor_name AS actorName, action, target, detail FROM audit
       WHERE id < ? ORDER BY id DESC LIMIT ?`,
    ),

    getSetting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    putSetting: db.prepare<[string, string, number]>(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ),
    deleteSetting: db.prepare<[string]>('DELETE FROM settings WHERE key = ?'),
  }
}

/** Logins compare case-insensitively (callers already pass them normalised; this makes sure). */
function loginKey(login: string): string
function loginKey(login: string | null): string | null
function loginKey(login: string | null): string | null {
  return login === null ? null : normalizeLogin(login)
}

