/**
 * The account store contract: every backend (SQLite now, Redis later) runs this same suite with its
 * own fixture factory. It pins down the rules the store must hold atomically (one person per lead
 * role, unique logins, at least one admin, single-use invites) and the exact shape of what it returns.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Question, Role } from '@fourwall/shared'
import {
  AccountError,
  type AccountErrorCode,
  type AccountStore,
  type InviteRecord,
  type NewPerson,
  type SessionRecord,
} from '../../server/src/accounts/AccountStore.js'

export interface AccountStoreFixture {
  /** Opens a new instance on the fixture's data. A second call is a second connection, or a reopen. */
  open(): Promise<AccountStore>
  /** Removes the data. Every instance returned by open() is closed before this runs. */
  cleanup(): Promise<void>
}

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

let counter = 0
function person(overrides: Partial<NewPerson> = {}): NewPerson {
  counter++
  return {
    id: randomUUID(),
    name: `Person ${counter}`,
    role: 'editor',
    worksFor: null,
    team: null,
    login: null,
    passwordHash: null,
    createdAt: T0 + counter,
    ...overrides,
  }
}

function invite(overrides: Partial<InviteRecord> = {}): InviteRecord {
  counter++
  return {
    id: randomUUID(),
    codeHash: `code-${randomUUID()}`,
    name: `Invitee ${counter}`,
    role: 'editor',
    worksFor: null,
    team: null,
    personId: null,
    createdAt: T0 + counter,
    expiresAt: T0 + 7 * 24 * HOUR,
    createdById: null,
    createdByName: null,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    ...overrides,
  }
}

function question(overrides: Partial<Question> = {}): Question {
  counter++
  return {
    id: randomUUID(),
    kind: counter % 2 === 0 ? 'question' : 'decision-request',
    domainId: 'tech-debt',
    domainName: 'Tech debt',
    ownerRole: 'engineering-lead',
    text: `Question ${counter}: can we spend a sprint on the flaky tests?`,
    askerId: `person-${counter}`,
    askerName: `Asker ${counter}`,
    askerRole: 'team-lead',
    askedAt: T0 + counter,
    answer: null,
    ...overrides,
  }
}

function session(personId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  counter++
  return {
    id: randomUUID(),
    secretHash: `secret-${randomUUID()}`,
    personId,
    csrfToken: `csrf-${counter}`,
    createdAt: T0 + counter,
    expiresAt: T0 + 24 * HOUR,
    lastSeenAt: T0 + counter,
    ip: '203.0.113.7',
    userAgent: 'vitest',
    revokedAt: null,
    ...overrides,
  }
}

/** Awaits `promise`, expecting an AccountError with this code; returns it for message checks. */
async function refused(promise: Promise<unknown>, code: AccountErrorCode): Promise<AccountError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected AccountError '${code}', but the call succeeded`)
    },
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(AccountError)
  expect((error as AccountError).code).toBe(code)
  expect((error as AccountError).message.length).toBeGreaterThan(10)
  return error as AccountError
}

/** Registers the contract suite; `makeFixture` runs before each test and gets fresh, empty data. */
export function accountStoreContract(name: string, makeFixture: () => Promise<AccountStoreFixture>): void {
  describe(`account store contract: ${name}`, () => {
    let fixture: AccountStoreFixture
    let opened: AccountStore[] = []
    let store: AccountStore

    async function open(): Promise<AccountStore> {
      const instance = await fixture.open()
      opened.push(instance)
      return instance
    }

    beforeEach(async () => {
      fixture = await makeFixture()
      opened = []
      store = await open()
    })

    afterEach(async () => {
      for (const instance of opened) await instance.close()
      await fixture.cleanup()
    })

    describe('people', () => {
      it('starts empty', async () => {
        expect(typeof store.kind).toBe('string')
        expect(await store.countAdmins()).toBe(0)
        expect(await store.listPeople()).toEqual([])
        expect(await store.listInvites()).toEqual([])
        expect(await store.listActiveSessions(T0)).toEqual([])
        expect(await store.listAudit({ limit: 10 })).toEqual([])
        expect(await store.getPerson('nobody')).toBeNull()
        expect(await store.findPersonByLogin('nobody')).toBeNull()
      })

      it('creates people, lists them oldest first and counts only admins', async () => {
        const ada = person({ name: 'Ada Lovelace', role: 'admin', login: 'ada@example.com', passwordHash: 'scrypt$x', createdAt: T0 + 2 })
        const sam = person({ name: 'Sam Ortiz', role: 'team-lead', team: 'Payments', createdAt: T0 + 1 })
        const cos = person({ name: 'Kim Chief', role: 'chief-of-staff', worksFor: 'product-lead', createdAt: T0 + 3 })
        expect(await store.createPerson(ada)).toEqual(ada)
        expect(await store.createPerson(sam)).toEqual(sam)
        expect(await store.createPerson(cos)).toEqual(cos)

        expect(await store.getPerson(ada.id)).toEqual(ada)
        expect(await store.findPersonByLogin('ada@example.com')).toEqual(ada)
        expect((await store.listPeople()).map((p) => p.name)).toEqual(['Sam Ortiz', 'Ada Lovelace', 'Kim Chief'])
        expect(await store.countAdmins()).toBe(1)
        await store.createPerson(person({ role: 'admin' }))
        expect(await store.countAdmins()).toBe(2)
      })

      it('lets many people share every role but the two lead roles', async () => {
        for (const role of ['admin', 'chief-of-staff', 'editor', 'team-lead'] as Role[]) {
          await store.createPerson(person({ role, worksFor: role === 'chief-of-staff' ? 'engineering-lead' : null }))
          await store.createPerson(person({ role, worksFor: role === 'chief-of-staff' ? 'engineering-lead' : null }))
        }
        expect(await store.listPeople()).toHaveLength(8)
      })

      it('refuses a second Product Lead or Engineering Lead on create, naming the holder', async () => {
        await store.createPerson(person({ name: 'Ada Lovelace', role: 'product-lead' }))
        await store.createPerson(person({ name: 'Grace Hopper', role: 'engineering-lead' }))

        const product = await refused(store.createPerson(person({ role: 'product-lead' })), 'lead-taken')
        expect(product.message).toBe('Ada Lovelace is already the Product Lead; change their role first.')
        const engineering = await refused(store.createPerson(person({ role: 'engineering-lead' })), 'lead-taken')
        expect(engineering.message).toContain('Grace Hopper is already the Engineering Lead')
        expect(await store.listPeople()).toHaveLength(2)
      })

      it('refuses a role change into a taken lead role, until the holder gives it up', async () => {
        const ada = await store.createPerson(person({ name: 'Ada Lovelace', role: 'product-lead' }))
        const bob = await store.createPerson(person({ name: 'Bob', role: 'editor' }))

        const error = await refused(store.updatePerson(bob.id, { role: 'product-lead' }), 'lead-taken')
        expect(error.message).toContain('Ada Lovelace')
        expect((await store.getPerson(bob.id))?.role).toBe('editor')

        // The holder may change anything else while keeping the role (they do not collide with themselves).
        expect(await store.updatePerson(ada.id, { name: 'Ada King', role: 'product-lead' })).toEqual({ ...ada, name: 'Ada King' })

        await store.updatePerson(ada.id, { role: 'editor' })
        expect(await store.updatePerson(bob.id, { role: 'product-lead' })).toEqual({ ...bob, role: 'product-lead' })
        await refused(store.updatePerson(ada.id, { role: 'product-lead' }), 'lead-taken')
        // Engineering Lead is a separate seat.
        expect((await store.updatePerson(ada.id, { role: 'engineering-lead' })).role).toBe('engineering-lead')
      })

      it('keeps logins unique regardless of case, and stores them as given', async () => {
        const ada = await store.createPerson(person({ login: 'ada@example.com' }))
        await refused(store.createPerson(person({ login: 'ADA@Example.com' })), 'login-taken')
        expect(await store.findPersonByLogin('Ada@EXAMPLE.com')).toEqual(ada)

        const bob = await store.createPerson(person({ login: 'bob' }))
        expect((await store.getPerson(bob.id))?.login).toBe('bob')
        await refused(store.updatePerson(bob.id, { login: 'Ada@example.com' }), 'login-taken')
        expect((await store.getPerson(bob.id))?.login).toBe('bob')
        // Setting one's own login again is not a collision; people without a login never collide.
        expect((await store.updatePerson(ada.id, { login: 'ada@example.com' })).login).toBe('ada@example.com')
        await store.createPerson(person({ login: null }))
        await store.createPerson(person({ login: null }))

        // A login given up is free again.
        await store.updatePerson(ada.id, { login: 'ada2@example.com' })
        expect((await store.updatePerson(bob.id, { login: 'ada@example.com' })).login).toBe('ada@example.com')
        expect(await store.findPersonByLogin('ada2@example.com')).toMatchObject({ id: ada.id })
      })

      it('updates only the given fields and reports unknown people', async () => {
        const kim = await store.createPerson(person({ name: 'Kim', role: 'team-lead', team: 'Core' }))
        const updated = await store.updatePerson(kim.id, { name: 'Kim Park', team: undefined, passwordHash: 'scrypt$abc' })
        expect(updated).toEqual({ ...kim, name: 'Kim Park', passwordHash: 'scrypt$abc' })
        expect(await store.getPerson(kim.id)).toEqual(updated)
        expect(await store.updatePerson(kim.id, { role: 'editor', team: null })).toEqual({ ...updated, role: 'editor', team: null })
        await refused(store.updatePerson('nobody', { name: 'X' }), 'not-found')
      })

      it('leaves chiefs of staff as they are when their lead changes role', async () => {
        const lead = await store.createPerson(person({ role: 'product-lead' }))
        const chief = await store.createPerson(person({ role: 'chief-of-staff', worksFor: 'product-lead' }))
        await store.updatePerson(lead.id, { role: 'editor' })
        expect(await store.getPerson(chief.id)).toEqual(chief)
      })

      it('refuses to demote the last admin', async () => {
        const ada = await store.createPerson(person({ role: 'admin' }))
        const error = await refused(store.updatePerson(ada.id, { role: 'editor' }), 'last-admin')
        expect(error.message).toBe('This is the last admin; make someone else an admin first.')
        expect((await store.getPerson(ada.id))?.role).toBe('admin')
        // Other changes to the last admin are fine.
        expect((await store.updatePerson(ada.id, { name: 'Ada' })).name).toBe('Ada')

        const bob = await store.createPerson(person({ role: 'editor' }))
        await store.updatePerson(bob.id, { role: 'admin' })
        expect((await store.updatePerson(ada.id, { role: 'editor' })).role).toBe('editor')
        expect(await store.countAdmins()).toBe(1)
        await refused(store.updatePerson(bob.id, { role: 'product-lead' }), 'last-admin')
      })

      it('removes a person, revoking their sessions, but never the last admin', async () => {
        const ada = await store.createPerson(person({ role: 'admin', login: 'ada' }))
        await refused(store.removePerson(ada.id, T0), 'last-admin')
        expect(await store.getPerson(ada.id)).toEqual(ada)
        await refused(store.removePerson('nobody', T0), 'not-found')

        const lead = await store.createPerson(person({ role: 'product-lead', login: 'lead' }))
        const live = session(lead.id)
        const expired = session(lead.id, { expiresAt: T0 })
        const other = session(ada.id)
        for (const s of [live, expired, other]) await store.createSession(s)

        const at = T0 + HOUR
        expect(await store.removePerson(lead.id, at)).toEqual(lead)
        expect(await store.getPerson(lead.id)).toBeNull()
        expect(await store.findPersonByLogin('lead')).toBeNull()
        expect((await store.getSession(live.id))?.revokedAt).toBe(at)
        expect((await store.getSession(other.id))?.revokedAt).toBeNull()
        expect([...(await store.activeSessionIds([live.id, other.id], T0 + 1))]).toEqual([other.id])
        expect((await store.listActiveSessions(T0 + 1)).map((s) => s.id)).toEqual([other.id])
        await refused(store.removePerson(lead.id, at), 'not-found')

        // Their lead role and login are free again.
        await store.createPerson(person({ role: 'product-lead', login: 'lead' }))

        // With a second admin, the first may go.
        await store.createPerson(person({ role: 'admin' }))
        await store.removePerson(ada.id, at)
        expect(await store.countAdmins()).toBe(1)
      })
    })

    describe('invites', () => {
      it('stores invites, finds them by code hash and lists them newest first', async () => {
        const first = invite({ createdAt: T0 + 1, createdById: 'p1', createdByName: 'Ada' })
        const second = invite({ createdAt: T0 + 3, role: 'chief-of-staff', worksFor: 'engineering-lead' })
        const third = invite({ createdAt: T0 + 2, role: 'team-lead', team: 'Core', personId: null })
        for (const i of [first, second, third]) await store.createInvite(i)
        expect(await store.findInviteByCodeHash(first.codeHash)).toEqual(first)
        expect(await store.findInviteByCodeHash('nope')).toBeNull()
        expect((await store.listInvites()).map((i) => i.id)).toEqual([second.id, third.id, first.id])
        expect(await store.listInvites()).toContainEqual(third)
      })

      it('revokes a pending invite once; used and revoked invites stay as they are', async () => {
        const pending = invite()
        await store.createInvite(pending)
        expect(await store.revokeInvite(pending.id, T0 + 5)).toEqual({ ...pending, revokedAt: T0 + 5 })
        expect(await store.revokeInvite(pending.id, T0 + 9)).toEqual({ ...pending, revokedAt: T0 + 5 })
        expect(await store.findInviteByCodeHash(pending.codeHash)).toEqual({ ...pending, revokedAt: T0 + 5 })

        const used = invite()
        await store.createInvite(used)
        const { person: redeemer } = await store.redeemInvite(used.codeHash, T0 + 6, person())
        const usedRecord = { ...used, usedAt: T0 + 6, usedBy: redeemer.id }
        expect(await store.revokeInvite(used.id, T0 + 7)).toEqual(usedRecord)
        expect(await store.findInviteByCodeHash(used.codeHash)).toEqual(usedRecord)

        await refused(store.revokeInvite('nobody', T0), 'not-found')
      })

      it('redeems an invite into a new person with the role the invite fixes', async () => {
        const pending = invite({ name: 'Grace Hopper', role: 'chief-of-staff', worksFor: 'engineering-lead', createdByName: 'Ada' })
        await store.createInvite(pending)
        // The candidate claims another name and role: the invite wins; login, password, id and time are theirs.
        const candidate = person({ name: 'Mallory', role: 'admin', login: 'grace', passwordHash: 'scrypt$g', createdAt: T0 + 50 })
        const at = T0 + 60
        const result = await store.redeemInvite(pending.codeHash, at, candidate)
        const expected = {
          ...candidate,
          name: 'Grace Hopper',
          role: 'chief-of-staff',
          worksFor: 'engineering-lead',
          team: null,
        }
        expect(result.person).toEqual(expected)
        expect(result.invite).toEqual({ ...pending, usedAt: at, usedBy: candidate.id })
        expect(await store.getPerson(candidate.id)).toEqual(expected)
        expect(await store.findPersonByLogin('grace')).toEqual(expected)
        expect(await store.findInviteByCodeHash(pending.codeHash)).toEqual(result.invite)
        expect(await store.countAdmins()).toBe(0)
      })

      it('refuses unknown, revoked, used and expired invites with a clear message', async () => {
        const at = T0 + HOUR
        const unknown = await refused(store.redeemInvite('no-such-code', at, person()), 'invite-unknown')
        expect(unknown.message).toMatch(/not valid/)

        const revoked = invite()
        await store.createInvite(revoked)
        await store.revokeInvite(revoked.id, at - 1)
        expect((await refused(store.redeemInvite(revoked.codeHash, at, person()), 'invite-revoked')).message).toMatch(/revoked/)

        const used = invite()
        await store.createInvite(used)
        await store.redeemInvite(used.codeHash, at, person())
        expect((await refused(store.redeemInvite(used.codeHash, at, person()), 'invite-used')).message).toMatch(/already been used/)

        // Expired means expiresAt <= at: the last valid moment is one millisecond before.
        const expiring = invite({ expiresAt: at })
        await store.createInvite(expiring)
        expect((await refused(store.redeemInvite(expiring.codeHash, at, person()), 'invite-expired')).message).toMatch(/expired/)
        expect((await store.redeemInvite(expiring.codeHash, at - 1, person())).invite.usedAt).toBe(at - 1)

        // Only the two successful redemptions added anyone.
        expect(await store.listPeople()).toHaveLength(2)
      })

      it('checks a revoked invite before a used or expired one', async () => {
        const both = invite({ expiresAt: T0 })
        await store.createInvite(both)
        await store.revokeInvite(both.id, T0 - 1)
        await refused(store.redeemInvite(both.codeHash, T0 + 1, person()), 'invite-revoked')
      })

      it('leaves the invite pending when the new person breaks a rule', async () => {
        await store.createPerson(person({ name: 'Ada Lovelace', role: 'product-lead', login: 'ada' }))
        const lead = invite({ role: 'product-lead' })
        await store.createInvite(lead)
        const error = await refused(store.redeemInvite(lead.codeHash, T0 + 1, person()), 'lead-taken')
        expect(error.message).toContain('Ada Lovelace is already the Product Lead')
        expect(await store.findInviteByCodeHash(lead.codeHash)).toEqual(lead)

        const editor = invite()
        await store.createInvite(editor)
        await refused(store.redeemInvite(editor.codeHash, T0 + 1, person({ login: 'ADA' })), 'login-taken')
        expect(await store.findInviteByCodeHash(editor.codeHash)).toEqual(editor)
        expect(await store.listPeople()).toHaveLength(1)
        // With another login it goes through.
        expect((await store.redeemInvite(editor.codeHash, T0 + 2, person({ login: 'eve' }))).person.login).toBe('eve')
      })

      it('lets exactly one of two concurrent redemptions of one code succeed', async () => {
        const pending = invite({ role: 'admin' })
        await store.createInvite(pending)
        const a = person()
        const b = person()
        const results = await Promise.allSettled([store.redeemInvite(pending.codeHash, T0 + 1, a), store.redeemInvite(pending.codeHash, T0 + 1, b)])
        const fulfilled = results.filter((r) => r.status === 'fulfilled')
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        expect(fulfilled).toHaveLength(1)
        expect(rejected).toHaveLength(1)
        expect(rejected[0]?.reason).toBeInstanceOf(AccountError)
        expect((rejected[0]?.reason as AccountError).code).toBe('invite-used')
        expect(await store.countAdmins()).toBe(1)
        expect(await store.listPeople()).toHaveLength(1)
        const winner = (await store.listPeople())[0]!
        expect((await store.findInviteByCodeHash(pending.codeHash))?.usedBy).toBe(winner.id)
      })

      it('redeems a sign-in link for an existing person without creating anyone', async () => {
        const sam = await store.createPerson(person({ name: 'Sam', role: 'team-lead', team: 'Core' }))
        const link = invite({ name: 'Sam', role: 'team-lead', team: 'Core', personId: sam.id })
        await store.createInvite(link)
        const candidate = person({ login: 'sam' })
        const result = await store.redeemInvite(link.codeHash, T0 + 10, candidate)
        expect(result.person).toEqual(sam)
        expect(result.invite).toEqual({ ...link, usedAt: T0 + 10, usedBy: sam.id })
        expect(await store.getPerson(candidate.id)).toBeNull()
        expect(await store.listPeople()).toEqual([sam])

        // A link for someone removed since can no longer be used, and stays unused.
        const gone = await store.createPerson(person())
        const stale = invite({ personId: gone.id })
        await store.createInvite(stale)
        await store.removePerson(gone.id, T0 + 11)
        const error = await refused(store.redeemInvite(stale.codeHash, T0 + 12, person()), 'invite-revoked')
        expect(error.message).toMatch(/no longer exists/)
        expect(await store.findInviteByCodeHash(stale.codeHash)).toEqual(stale)
        expect(await store.listPeople()).toEqual([sam])
      })
    })

    describe('sessions', () => {
      it('stores sessions and finds them by id and by secret hash whatever their state', async () => {
        const ada = await store.createPerson(person())
        const live = session(ada.id, { ip: null, userAgent: null })
        const revoked = session(ada.id, { revokedAt: T0 })
        const expired = session(ada.id, { expiresAt: T0 })
        for (const s of [live, revoked, expired]) await store.createSession(s)
        expect(await store.getSession(live.id)).toEqual(live)
        expect(await store.findSessionBySecretHash(live.secretHash)).toEqual(live)
        expect(await store.findSessionBySecretHash(revoked.secretHash)).toEqual(revoked)
        expect(await store.findSessionBySecretHash(expired.secretHash)).toEqual(expired)
        expect(await store.findSessionBySecretHash('nope')).toBeNull()
        expect(await store.getSession('nope')).toBeNull()
      })

      it('touches and revokes sessions', async () => {
        const ada = await store.createPerson(person())
        const s = session(ada.id)
        await store.createSession(s)
        await store.touchSession(s.id, T0 + 500)
        expect((await store.getSession(s.id))?.lastSeenAt).toBe(T0 + 500)
        await store.touchSession('nope', T0) // unknown: nothing happens

        expect(await store.revokeSession(s.id, T0 + 600)).toEqual({ ...s, lastSeenAt: T0 + 500, revokedAt: T0 + 600 })
        // Revoking again keeps the first time.
        expect((await store.revokeSession(s.id, T0 + 700))?.revokedAt).toBe(T0 + 600)
        expect(await store.revokeSession('nope', T0)).toBeNull()
      })

      it('lists active sessions newest first, leaving out revoked and expired ones', async () => {
        const ada = await store.createPerson(person())
        const now = T0 + HOUR
        const older = session(ada.id, { createdAt: T0 + 1 })
        const newer = session(ada.id, { createdAt: T0 + 3 })
        const middle = session(ada.id, { createdAt: T0 + 2 })
        const expiredNow = session(ada.id, { expiresAt: now })
        const revoked = session(ada.id)
        for (const s of [older, newer, middle, expiredNow, revoked]) await store.createSession(s)
        await store.revokeSession(revoked.id, T0 + 5)
        expect(await store.listActiveSessions(now)).toEqual([newer, middle, older])
        // Before its expiry the expiring one was active too.
        expect((await store.listActiveSessions(now - 1)).map((s) => s.id)).toContain(expiredNow.id)
      })

      it('tells which sessions are still active, for people who still exist', async () => {
        const ada = await store.createPerson(person())
        const now = T0 + HOUR
        const live = session(ada.id)
        const expired = session(ada.id, { expiresAt: now })
        const revoked = session(ada.id, { revokedAt: T0 })
        const orphan = session('no-such-person')
        for (const s of [live, expired, revoked, orphan]) await store.createSession(s)
        const ids = [live.id, expired.id, revoked.id, orphan.id, 'unknown']
        expect(await store.activeSessionIds(ids, now)).toEqual(new Set([live.id]))
        expect(await store.activeSessionIds([], now)).toEqual(new Set())
        expect(await store.activeSessionIds(ids, now - 1)).toEqual(new Set([live.id, expired.id]))
      })

      it("revokes a person's live sessions and returns their ids", async () => {
        const ada = await store.createPerson(person())
        const bob = await store.createPerson(person())
        const now = T0 + HOUR
        const a1 = session(ada.id)
        const a2 = session(ada.id)
        const aExpired = session(ada.id, { expiresAt: now })
        const aRevoked = session(ada.id, { revokedAt: T0 })
        const b1 = session(bob.id)
        for (const s of [a1, a2, aExpired, aRevoked, b1]) await store.createSession(s)

        expect((await store.revokeSessionsOf(ada.id, now)).sort()).toEqual([a1.id, a2.id].sort())
        expect((await store.getSession(a1.id))?.revokedAt).toBe(now)
        expect((await store.getSession(aRevoked.id))?.revokedAt).toBe(T0)
        expect((await store.getSession(b1.id))?.revokedAt).toBeNull()
        expect(await store.revokeSessionsOf(ada.id, now + 1)).toEqual([])
        expect((await store.listActiveSessions(now)).map((s) => s.id)).toEqual([b1.id])
      })
    })

    describe('audit', () => {
      it('appends entries with increasing ids and pages through them newest first', async () => {
        const appended = []
        for (let i = 0; i < 5; i++) {
          const entry = {
            at: T0 + i,
            actorId: i === 0 ? null : `p${i}`,
            actorName: i === 0 ? null : `Person ${i}`,
            action: 'person.updated' as const,
            target: i === 4 ? null : `t${i}`,
            detail: { i, name: `n${i}`, flag: i % 2 === 0, nothing: null },
          }
          const stored = await store.appendAudit(entry)
          expect(stored).toEqual({ ...entry, id: stored.id })
          expect(Number.isInteger(stored.id)).toBe(true)
          appended.push(stored)
        }
        const ids = appended.map((e) => e.id)
        expect([...ids].sort((a, b) => a - b)).toEqual(ids)
        expect(new Set(ids).size).toBe(5)

        const newestFirst = [...appended].reverse()
        expect(await store.listAudit({ limit: 10 })).toEqual(newestFirst)
        const page1 = await store.listAudit({ limit: 2 })
        expect(page1).toEqual(newestFirst.slice(0, 2))
        const page2 = await store.listAudit({ limit: 2, before: page1.at(-1)!.id })
        expect(page2).toEqual(newestFirst.slice(2, 4))
        const page3 = await store.listAudit({ limit: 2, before: page2.at(-1)!.id })
        expect(page3).toEqual(newestFirst.slice(4))
        expect(await store.listAudit({ limit: 2, before: page3.at(-1)!.id })).toEqual([])
        expect(await store.listAudit({ limit: 0 })).toEqual([])
      })
    })

    describe('settings', () => {
      it('stores, replaces and deletes a value by key, keeping keys apart', async () => {
        expect(await store.getSetting('slack.webhookUrl')).toBeNull()
        await store.putSetting('slack.webhookUrl', 'https://hooks.example.com/services/T0/B0/first')
        await store.putSetting('other.key', 'kept')
        expect(await store.getSetting('slack.webhookUrl')).toBe('https://hooks.example.com/services/T0/B0/first')
        await store.putSetting('slack.webhookUrl', 'https://hooks.example.com/services/T0/B0/second')
        expect(await store.getSetting('slack.webhookUrl')).toBe('https://hooks.example.com/services/T0/B0/second')
        await store.putSetting('slack.webhookUrl', null)
        expect(await store.getSetting('slack.webhookUrl')).toBeNull()
        // Deleting what is not there is not an error.
        await store.putSetting('slack.webhookUrl', null)
        expect(await store.getSetting('other.key')).toBe('kept')
      })

      it('keeps a value exactly as given (no trimming, empty text, unicode)', async () => {
        for (const value of ['  spaced  ', '', 'Ünïcödé ✓ and "quotes"', 'x'.repeat(5_000)]) {
          await store.putSetting('raw', value)
          expect(await store.getSetting('raw')).toBe(value)
        }
      })

      it('is shared with a second instance and survives a reopen', async () => {
        const other = await open()
        await store.putSetting('slack.webhookUrl', 'https://hooks.example.com/a')
        expect(await other.getSetting('slack.webhookUrl')).toBe('https://hooks.example.com/a')
        await other.putSetting('slack.webhookUrl', null)
        expect(await store.getSetting('slack.webhookUrl')).toBeNull()
        await other.putSetting('kept', 'yes')
        await store.close()
        const reopened = await open()
        expect(await reopened.getSetting('kept')).toBe('yes')
        await expect(store.getSetting('kept')).rejects.toThrow()
        await expect(store.putSetting('kept', 'no')).rejects.toThrow()
      })
    })

    describe('questions', () => {
      it('stores a question whole and reads it back by id', async () => {
        const asked = question({ text: 'Can we pause the payments rewrite?\nTwo engineers are needed elsewhere.' })
        expect(await store.addQuestion(asked)).toEqual(asked)
        expect(await store.getQuestion(asked.id)).toEqual(asked)
        expect(await store.getQuestion('no-such-question')).toBeNull()
      })

      it('lists newest first, everyone’s or one asker’s own, up to a limit', async () => {
        const tia = 'person-tia'
        const first = await store.addQuestion(question({ askerId: tia, askedAt: T0 + 1 }))
        const other = await store.addQuestion(question({ askerId: 'person-bo', askedAt: T0 + 2 }))
        const second = await store.addQuestion(question({ askerId: tia, askedAt: T0 + 3 }))
        // Asked in the same millisecond: the one added later is the newer.
        const third = await store.addQuestion(question({ askerId: tia, askedAt: T0 + 3 }))
        expect(await store.listQuestions({})).toEqual([third, second, other, first])
        expect(await store.listQuestions({ askerId: tia })).toEqual([third, second, first])
        expect(await store.listQuestions({ askerId: 'person-bo' })).toEqual([other])
        expect(await store.listQuestions({ askerId: 'nobody' })).toEqual([])
        expect(await store.listQuestions({ limit: 2 })).toEqual([third, second])
        expect(await store.listQuestions({ askerId: tia, limit: 1 })).toEqual([third])
        expect(await store.listQuestions({ limit: 0 })).toEqual([])
      })

      it('keeps the first answer: a second one changes nothing, an unknown question is not-found', async () => {
        const asked = await store.addQuestion(question())
        const first = { text: 'Yes, for two sprints.', byId: 'person-sam', byName: 'Sam Okafor', at: T0 + 10 }
        const answered = await store.answerQuestion(asked.id, first)
        expect(answered).toEqual({ ...asked, answer: first })
        expect(await store.getQuestion(asked.id)).toEqual(answered)
        const late = await store.answerQuestion(asked.id, { text: 'No.', byId: 'person-maya', byName: 'Maya Brooks', at: T0 + 11 })
        expect(late.answer).toEqual(first)
        expect((await store.listQuestions({}))[0]!.answer).toEqual(first)
        await refused(store.answerQuestion('no-such-question', first), 'not-found')
      })

      it('of two answers racing on two instances, exactly one is kept and both callers learn which', async () => {
        const other = await open()
        const asked = await store.addQuestion(question())
        const answers = [
          { text: 'From the first tab.', byId: 'person-sam', byName: 'Sam Okafor', at: T0 + 20 },
          { text: 'From the second tab.', byId: 'person-sam', byName: 'Sam Okafor', at: T0 + 20 },
        ]
        const results = await Promise.all([store.answerQuestion(asked.id, answers[0]!), other.answerQuestion(asked.id, answers[1]!)])
        expect(results[0]!.answer).toEqual(results[1]!.answer)
        expect(answers).toContainEqual(results[0]!.answer)
        expect((await other.getQuestion(asked.id))!.answer).toEqual(results[0]!.answer)
      })

      it('is shared with a second instance, survives a reopen, and refuses every call after close', async () => {
        const asked = await store.addQuestion(question())
        const other = await open()
        expect(await other.getQuestion(asked.id)).toEqual(asked)
        await store.close()
        const reopened = await open()
        expect(await reopened.listQuestions({ askerId: asked.askerId })).toEqual([asked])
        await expect(store.addQuestion(question())).rejects.toThrow()
        await expect(store.getQuestion(asked.id)).rejects.toThrow()
        await expect(store.listQuestions({})).rejects.toThrow()
        await expect(store.answerQuestion(asked.id, { text: 'x', byId: 'a', byName: 'A', at: T0 })).rejects.toThrow()
      })
    })

    describe('instances', () => {
      it('close is idempotent and every call after it rejects', async () => {
        const ada = await store.createPerson(person({ role: 'admin' }))
        await store.close()
        await store.close()
        await expect(store.getPerson(ada.id)).rejects.toThrow()
        await expect(store.countAdmins()).rejects.toThrow()
        await expect(store.createPerson(person())).rejects.toThrow()
        await expect(store.listAudit({ limit: 1 })).rejects.toThrow()
        await expect(store.activeSessionIds(['x'], T0)).rejects.toThrow()
      })

      it('a second instance on the same data sees writes and shares the rules', async () => {
        const other = await open()
        const ada = await store.createPerson(person({ name: 'Ada Lovelace', role: 'product-lead', login: 'ada' }))
        expect(await other.getPerson(ada.id)).toEqual(ada)
        const error = await refused(other.createPerson(person({ role: 'product-lead' })), 'lead-taken')
        expect(error.message).toContain('Ada Lovelace')
        await refused(other.createPerson(person({ login: 'ADA' })), 'login-taken')

        const pending = invite()
        await other.createInvite(pending)
        const results = await Promise.allSettled([
          store.redeemInvite(pending.codeHash, T0 + 1, person()),
          other.redeemInvite(pending.codeHash, T0 + 1, person()),
        ])
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
        expect(await store.listPeople()).toHaveLength(2)

        const s = session(ada.id)
        await store.createSession(s)
        await other.revokeSession(s.id, T0 + 2)
        expect(await store.activeSessionIds([s.id], T0 + 3)).toEqual(new Set())
        const entry = await other.appendAudit({ at: T0, actorId: null, actorName: null, action: 'signout', target: null, detail: {} })
        expect(await store.listAudit({ limit: 5 })).toEqual([entry])
      })
    })
  })
}
