/**
 * Signing in over HTTP against a real server: the first-run setup link, invites (create, preview,
 * redeem, used / revoked / expired / unknown), the session cookie and its flags, password sign-in
 * with its two rate limits, CSRF and Origin checks on cookie-authenticated writes, setting a
 * password, and signing out.
 */
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { CSRF_HEADER, type InvitePreview, type InviteView, type Role } from '@fourwall/shared'
import { hashSecret } from '../../server/src/auth/secrets.js'
import { redeemInvite, startServer, type TestServer, type TestSession } from '../support/server.js'

const COOKIE_VALUE = /^fw_session=([A-Za-z0-9_-]{43}); Path=\/; HttpOnly; SameSite=Lax; Max-Age=(\d+)(; Secure)?$/
const SESSION_SECONDS = 14 * 24 * 3600

let server: TestServer

afterEach(async () => {
  await server?.close()
})

type Json = Record<string, unknown>

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Json), headers: response.headers }
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => call(path, { method: 'POST', body, headers })

/** The code in an invite link. */
function codeOf(link: string): string {
  const match = /#code=([A-Za-z0-9_-]+)$/.exec(link)
  if (!match) throw new Error(`no code in ${link}`)
  return match[1]!
}

async function setupAdmin(): Promise<TestSession> {
  const setup = await server.server.accounts.createSetupInvite()
  if (!setup) throw new Error('expected a setup invite')
  return redeemInvite(server.url, setup.code)
}

async function createInvite(admin: TestSession, body: Json): Promise<{ invite: InviteView; link: string; code: string }> {
  const created = await post('/api/invites', body, admin.headers())
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const { invite, link } = created.body as { invite: InviteView; link: string }
  return { invite, link, code: codeOf(link) }
}

async function auditActions(admin: TestSession): Promise<string[]> {
  const audit = await call('/api/audit', { headers: { cookie: admin.cookie } })
  expect(audit.status).toBe(200)
  return (audit.body.entries as Array<{ action: string }>).map((entry) => entry.action)
}

describe('first run', () => {
  it('offers setup until the setup link made the first admin, and the link works once', async () => {
    server = await startServer()
    expect((await call('/api/setup')).body).toEqual({ needsSetup: true })

    const setup = await server.server.accounts.createSetupInvite()
    expect(setup).not.toBeNull()
    expect(setup!.invite).toMatchObject({ role: 'admin', status: 'pending', createdBy: null })
    const redeemed = await post('/api/invites/redeem', { code: setup!.code })
    expect(redeemed.status).toBe(201)
    expect(redeemed.body).toMatchObject({ identity: { role: 'admin', name: 'Admin' } })
    expect(redeemed.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const cookie = redeemed.headers.get('set-cookie')!.split(';')[0]!
    const admin = { cookie } as TestSession

    expect((await call('/api/setup')).body).toEqual({ needsSetup: false })
    // No second setup link once an admin exists.
    expect(await server.server.accounts.createSetupInvite()).toBeNull()

    const again = await post('/api/invites/redeem', { code: setup!.code })
    expect(again.status).toBe(410)
    expect(again.body).toMatchObject({ status: 'used', error: expect.stringMatching(/already been used/) })

    const actions = await auditActions(admin)
    expect(actions).toContain('setup.completed')
    expect(actions).toContain('signin.succeeded')
    expect(actions).toContain('invite.redeemed')
  })
})

describe('first run, more than once', () => {
  // main.ts prints a new setup link at every start until someone has used one ("restart the server
  // for a new one"), so a workspace can have several. The first one used makes the first admin;
  // any other printed earlier must not make a second admin after that.
  it('a setup link from an earlier start no longer works once setup is done', async () => {
    server = await startServer()
    const earlier = await server.server.accounts.createSetupInvite()
    const later = await server.server.accounts.createSetupInvite()
    expect(earlier).not.toBeNull()
    expect(later).not.toBeNull()
    const admin = await redeemInvite(server.url, later!.code)
    expect(admin.identity.role).toBe('admin')
    expect((await call('/api/setup')).body).toEqual({ needsSetup: false })

    const stale = await post('/api/invites/redeem', { code: earlier!.code })
    expect(stale.status, JSON.stringify(stale.body)).toBeGreaterThanOrEqual(400)
    expect(stale.body.error).toEqual(expect.any(String))
    const people = await call('/api/people', { headers: { cookie: admin.cookie } })
    expect((people.body.people as Array<{ role: string }>).filter((person) => person.role === 'admin')).toHaveLength(1)
  })

  it("audits 'setup.completed' only for the setup, not for a later admin invited from the CLI", async () => {
    server = await startServer()
    const admin = await setupAdmin()
    // `fourwall invite create --role admin` on the server: an invite with no creator, like the setup link.
    const { code } = await server.server.accounts.createInvite(null, { name: 'Second Admin', role: 'admin', worksFor: null, team: null })
    const second = await redeemInvite(server.url, code)
    const entries = (await call('/api/audit', { headers: { cookie: admin.cookie } })).body.entries as Array<{ action: string; target: string | null }>
    expect(entries.filter((entry) => entry.action === 'setup.completed').map((entry) => entry.target)).toEqual([admin.identity.id])
    expect(entries.filter((entry) => entry.action === 'person.created').map((entry) => entry.target)).toEqual([second.identity.id])
  })
})

describe('sign-in links for an existing person', () => {
  // `fourwall admin create --name X` (without --login) makes the person and prints a sign-in link
  // for them (an invite with personId); the join page lets them choose a login and password.
  it('signs the person in, and a taken login is refused without using up the link', async () => {
    server = await startServer()
    const { code: otherCode } = await server.server.accounts.createInvite(null, { name: 'Alice', role: 'editor', worksFor: null, team: null })
    await redeemInvite(server.url, otherCode, { login: 'alice', password: 'correct horse battery' })
    const person = await server.server.accounts.createPerson(null, { name: 'Cli Admin', role: 'admin' })
    const { code } = await server.server.accounts.createInvite(null, { name: 'Cli Admin', role: 'admin', worksFor: null, team: null, expiresInHours: 24, personId: person.id })

    expect((await post('/api/invites/preview', { code })).body).toMatchObject({ status: 'pending', name: 'Cli Admin', role: 'admin', existingPerson: false })
    const taken = await post('/api/invites/redeem', { code, login: 'ALICE', password: 'another long one' })
    expect(taken.status).toBe(409)
    expect(taken.body.error).toBe('This login is already taken; choose another one.')
    // The refusal must leave the link usable: it is this person's only way in.
    const preview = await post('/api/invites/preview', { code })
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body).toMatchObject({ status: 'pending' })
    const joined = await post('/api/invites/redeem', { code, login: 'cli-admin', password: 'another long one' })
    expect(joined.status, JSON.stringify(joined.body)).toBe(201)
    expect(joined.body).toMatchObject({ identity: { id: person.id, role: 'admin' } })
    expect((await post('/api/session', { login: 'CLI-ADMIN', password: 'another long one' })).status).toBe(200)
  })

  it('signs an existing person in without a password, keeping who they are', async () => {
    server = await startServer()
    const person = await server.server.accounts.createPerson(null, { name: 'Cli Admin', role: 'admin' })
    const { code } = await server.server.accounts.createInvite(null, { name: 'Cli Admin', role: 'admin', worksFor: null, team: null, personId: person.id })
    const joined = await redeemInvite(server.url, code)
    expect(joined.identity).toMatchObject({ id: person.id, name: 'Cli Admin', role: 'admin' })
    const people = (await call('/api/people', { headers: { cookie: joined.cookie } })).body.people as Array<{ id: string }>
    expect(people.map((entry) => entry.id)).toEqual([person.id])
  })
})

describe('invites', () => {
  it('creates a link, previews it, redeems it once for a session cookie', async () => {
    server = await startServer()
    const admin = await setupAdmin()

    const created = await post('/api/invites', { name: 'Ed Itor', role: 'editor' }, admin.headers())
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const { invite, link } = created.body as { invite: InviteView; link: string }
    expect(link).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/join#code=[A-Za-z0-9_-]{43}$`))
    expect(invite).toMatchObject({ name: 'Ed Itor', role: 'editor', worksFor: null, team: null, status: 'pending', personId: null, usedAt: null })
    expect(invite.createdBy).toEqual({ id: admin.identity.id, name: 'Admin' })
    expect(invite.expiresAt - invite.createdAt).toBe(72 * 3_600_000)
    const code = codeOf(link)

    const preview = await post('/api/invites/preview', { code })
    expect(preview.status).toBe(200)
    expect(preview.body as unknown as InvitePreview).toEqual({
      status: 'pending',
      name: 'Ed Itor',
      role: 'editor',
      worksFor: null,
      team: null,
      expiresAt: invite.expiresAt,
      existingPerson: false,
    })

    const redeemed = await post('/api/invites/redeem', { code })
    expect(redeemed.status).toBe(201)
    const setCookie = redeemed.headers.get('set-cookie')!
    const parts = COOKIE_VALUE.exec(setCookie)
    expect(parts, setCookie).not.toBeNull()
    expect(Number(parts![2])).toBe(SESSION_SECONDS)
    expect(parts![3]).toBeUndefined() // plain http: no Secure
    expect(redeemed.headers.get('cache-control')).toBe('no-store')
    expect(redeemed.body).toMatchObject({ identity: { name: 'Ed Itor', role: 'editor', worksFor: null, team: null } })
    const csrfToken = redeemed.body.csrfToken as string
    expect(csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const cookie = setCookie.split(';')[0]!
    const me = await call('/api/me', { headers: { cookie } })
    expect(me.status).toBe(200)
    expect(me.body).toEqual({
      identity: { id: (redeemed.body.identity as { id: string }).id, name: 'Ed Itor', role: 'editor', worksFor: null, team: null },
      via: 'session',
      csrfToken,
    })
    expect(me.headers.get('cache-control')).toBe('no-store')
    // Without the cookie: nobody.
    expect((await call('/api/me')).status).toBe(401)

    const second = await post('/api/invites/redeem', { code })
    expect(second.status).toBe(410)
    expect(second.body).toEqual({ status: 'used', error: 'This invite link has already been used. Each link works once; ask your admin for a new one.' })
    const secondPreview = await post('/api/invites/preview', { code })
    expect(secondPreview.status).toBe(410)
    expect(secondPreview.body).toMatchObject({ status: 'used' })

    // The admin's list shows it used, by the new person.
    const list = await call('/api/invites', { headers: { cookie: admin.cookie } })
    const listed = (list.body.invites as InviteView[]).find((entry) => entry.id === invite.id)
    expect(listed).toMatchObject({ status: 'used', usedBy: (redeemed.body.identity as { id: string }).id })
  })

  it('refuses a revoked, an expired and an unknown code with a status and a sentence', async () => {
    server = await startServer()
    const admin = await setupAdmin()

    const { invite, code } = await createInvite(admin, { name: 'Rev Oked', role: 'editor' })
    const revoked = await call(`/api/invites/${invite.id}`, { method: 'DELETE', headers: admin.headers() })
    expect(revoked.status).toBe(200)
    expect(revoked.body).toMatchObject({ invite: { id: invite.id, status: 'revoked' } })
    for (const path of ['/api/invites/preview', '/api/invites/redeem']) {
      const refused = await post(path, { code })
      expect(refused.status, path).toBe(410)
      expect(refused.body, path).toEqual({ status: 'revoked', error: 'This invite link was revoked by an admin. Ask your admin for a new one.' })
    }

    const expiredCode = randomBytes(32).toString('base64url')
    const now = Date.now()
    await server.server.accountStore.createInvite({
      id: 'expired-invite',
      codeHash: hashSecret(expiredCode),
      name: 'Late Comer',
      role: 'editor',
      worksFor: null,
      team: null,
      personId: null,
      createdAt: now - 10_000,
      expiresAt: now - 1_000,
      createdById: admin.identity.id,
      createdByName: 'Admin',
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    })
    for (const path of ['/api/invites/preview', '/api/invites/redeem']) {
      const refused = await post(path, { code: expiredCode })
      expect(refused.status, path).toBe(410)
      expect(refused.body, path).toEqual({ status: 'expired', error: 'This invite link has expired. Ask your admin for a new one.' })
    }

    for (const path of ['/api/invites/preview', '/api/invites/redeem']) {
      const refused = await post(path, { code: randomBytes(32).toString('base64url') })
      expect(refused.status, path).toBe(404)
      expect(refused.body, path).toEqual({
        status: 'unknown',
        error: 'This invite link is not valid. Check that you copied all of it, or ask your admin for a new one.',
      })
    }
    // A missing code is a plain 400 naming the field.
    const missing = await post('/api/invites/redeem', {})
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/"code"/)
    // None of these made a person.
    const people = await call('/api/people', { headers: { cookie: admin.cookie } })
    expect((people.body.people as Array<{ name: string }>).map((person) => person.name)).toEqual(['Admin'])
  })
})

describe('the Secure flag', () => {
  const redeemedCookie = async (headers: Record<string, string> = {}): Promise<string> => {
    const { code } = await server.server.accounts.createInvite(null, { name: 'Sec Ure', role: 'editor', worksFor: null, team: null })
    const response = await post('/api/invites/redeem', { code }, headers)
    expect(response.status).toBe(201)
    return response.headers.get('set-cookie')!
  }

  it('is set when PUBLIC_URL is https', async () => {
    server = await startServer({}, { PUBLIC_URL: 'https://board.example.com' })
    const cookie = await redeemedCookie()
    expect(cookie).toMatch(COOKIE_VALUE)
    expect(cookie.endsWith('; Secure')).toBe(true)
    // The invite link points at the public address.
    const admin = await setupAdmin()
    const { link } = await createInvite(admin, { name: 'Lin K', role: 'editor' })
    expect(link).toMatch(/^https:\/\/board\.example\.com\/join#code=[A-Za-z0-9_-]{43}$/)
  })

  it('is set behind a trusted proxy that says the request was https, and only then', async () => {
    server = await startServer({}, { TRUST_PROXY: 'true' })
    expect(await redeemedCookie({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure$/)
    expect(await redeemedCookie()).not.toMatch(/Secure/)
    await server.close()
    // Without TRUST_PROXY the header is anyone's to send, and is ignored.
    server = await startServer()
    expect(await redeemedCookie({ 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/)
  })
})

describe('password sign-in', () => {
  const PASSWORD = 'correct horse battery'

  const signIn = (login: string, password: string) => post('/api/session', { login, password })

  it('signs in with the login in any case; a wrong password and an unknown login get the same answer', async () => {
    server = await startServer()
    const { code } = await server.server.accounts.createInvite(null, { name: 'Alice', role: 'editor', worksFor: null, team: null })
    const alice = await redeemInvite(server.url, code, { login: 'Alice@Example.com', password: PASSWORD })

    const ok = await signIn('ALICE@example.COM', PASSWORD)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('set-cookie')).toMatch(COOKIE_VALUE)
    expect(ok.body).toMatchObject({ identity: { id: alice.identity.id, name: 'Alice', role: 'editor' } })
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!
    expect(cookie).not.toBe(alice.cookie) // a new session
    expect((await call('/api/me', { headers: { cookie } })).body).toMatchObject({ identity: { id: alice.identity.id }, via: 'session' })

    const wrong = await signIn('alice@example.com', PASSWORD + '!')
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual({ error: 'Wrong login or password.' })
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const unknown = await signIn('nobody@example.com', PASSWORD)
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual({ error: 'Wrong login or password.' })
    // A login is one person's: redeeming or setting a taken one is refused, and the invite stays usable.
    const { code: bobCode } = await server.server.accounts.createInvite(null, { name: 'Bob', role: 'editor', worksFor: null, team: null })
    const taken = await post('/api/invites/redeem', { code: bobCode, login: 'ALICE@example.com', password: 'another long one' })
    expect(taken.status).toBe(409)
    expect(taken.body).toEqual({ error: 'This login is already taken; choose another one.' })
    const bob = await redeemInvite(server.url, bobCode)
    const takenLater = await post('/api/me/password', { login: 'alice@example.com', password: 'another long one' }, bob.headers())
    expect(takenLater.status).toBe(409)
    expect(takenLater.body.error).toBe('This login is already taken; choose another one.')
    const badLogin = await post('/api/invites/redeem', { code: bobCode, login: 'has space', password: 'another long one' })
    expect(badLogin.status).toBe(400)
    expect(badLogin.body.error).toBe('A login uses letters, digits and . _ @ + - only (no spaces).')
    const missing = await post('/api/session', { login: 'alice@example.com' })
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/"password"/)
  })

  it('locks an account after 5 failures, then the network after 30', async () => {
    server = await startServer()
    const person = async (name: string, login: string) => {
      const { code } = await server.server.accounts.createInvite(null, { name, role: 'editor', worksFor: null, team: null })
      return redeemInvite(server.url, code, { login, password: PASSWORD })
    }
    await person('Alice', 'alice')
    await person('Bob', 'bob')

    let failures = 0
    for (let i = 0; i < 5; i++) {
      const response = await signIn('alice', `wrong password ${i}`)
      expect(response.status, `attempt ${i + 1}`).toBe(401)
      failures++
    }
    // The sixth attempt is refused even with the right password, saying how long to wait.
    const locked = await signIn('Alice', PASSWORD)
    expect(locked.status).toBe(429)
    const retryAfter = locked.body.retryAfterSeconds as number
    expect(retryAfter).toBeGreaterThan(14 * 60)
    expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    expect(locked.headers.get('retry-after')).toBe(String(retryAfter))
    expect(locked.body.error).toBe('Too many failed sign-ins for this account. Try again in 15 minutes.')
    // Attempts on a locked account still count for the address, so they cannot go on for ever.
    failures++

    // Another account from the same address still signs in.
    expect((await signIn('bob', PASSWORD)).status).toBe(200)

    // Failures spread over several logins (none reaching its own limit) count for the address.
    const others = ['carol', 'dave', 'erin', 'frank', 'grace', 'heidi']
    while (failures < 29) {
      const login = others[Math.floor((failures - 5) / 4)]!
      const response = await signIn(login, 'not the password')
      expect(response.status, `failure ${failures + 1} (${login})`).toBe(401)
      failures++
    }
    expect((await signIn('bob', PASSWORD)).status).toBe(200)
    const thirtieth = await signIn('ivan', 'not the password')
    expect(thirtieth.status).toBe(401)

    // 30 failures: the address is refused, whatever it tries.
    for (const attempt of [() => signIn('bob', PASSWORD), () => signIn('judy', 'whatever it is'), () => post('/api/invites/preview', { code: 'x'.repeat(43) })]) {
      const refused = await attempt()
      expect(refused.status).toBe(429)
      expect(refused.body.error).toMatch(/^Too many failed sign-in attempts from your network\. Try again in \d+ minutes?\.$/)
      expect(refused.body.retryAfterSeconds as number).toBeGreaterThan(0)
      expect(refused.headers.get('retry-after')).toBe(String(refused.body.retryAfterSeconds))
    }

    const audit = await server.server.accountStore.listAudit({ limit: 500 })
    const failed = audit.filter((entry) => entry.action === 'signin.failed')
    // 5 wrong passwords for Alice, 24 spread over others, Ivan's: 30 failures with the locked attempt.
    expect(failed.filter((entry) => entry.detail.reason === 'wrong-credentials')).toHaveLength(29)
    expect(failed.filter((entry) => entry.detail.reason === 'rate-limited')).toHaveLength(1)
  })
})

describe('rate limits under concurrent attempts', () => {
  const PASSWORD = 'correct horse battery'
  const tally = (statuses: number[]): Record<number, number> => {
    const counts: Record<number, number> = {}
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1
    return counts
  }

  // A guesser who sends its attempts at once instead of one after another must not get more
  // guesses than one who waits for each answer: 5 per account, 30 per address.
  it('a burst of wrong passwords against one account gets no more than 5 checked', async () => {
    server = await startServer()
    const { code } = await server.server.accounts.createInvite(null, { name: 'Alice', role: 'editor', worksFor: null, team: null })
    await redeemInvite(server.url, code, { login: 'alice', password: PASSWORD })
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signInStatus('alice', `wrong guess ${i}`)))
    const counts = tally(burst)
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(5)
    expect(counts[429] ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(15)
  })

  it('a burst of failed attempts from one address gets no more than 30 checked', async () => {
    server = await startServer()
    // Four guesses each at ten logins: no account limit is reached, only the address's.
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => signInStatus(`user${i % 10}`, `wrong guess ${i}`)))
    const counts = tally(burst)
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(30)
    expect(counts[429] ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(10)
  })

  it('a burst of guessed invite codes redeemed with a password gets no more than 30 checked', async () => {
    server = await startServer()
    // Each redemption hashes the chosen password before it looks the code up.
    const redeems = await Promise.all(
      Array.from({ length: 40 }, () => post('/api/invites/redeem', { code: randomBytes(32).toString('base64url'), login: 'guesser', password: PASSWORD }).then((answer) => answer.status)),
    )
    const redeemCounts = tally(redeems)
    expect(redeemCounts[404] ?? 0, JSON.stringify(redeemCounts)).toBeLessThanOrEqual(30)
    expect(redeemCounts[429] ?? 0, JSON.stringify(redeemCounts)).toBeGreaterThanOrEqual(10)
  })
})

async function signInStatus(login: string, password: string): Promise<number> {
  return (await post('/api/session', { login, password })).status
}

describe('CSRF and Origin on cookie-authenticated writes', () => {
  it('needs the session’s CSRF token on a cookie POST and refuses a foreign Origin; bearer tokens and GETs need none', async () => {
    server = await startServer()
    const admin = await setupAdmin()
    const body = { name: 'Cee Surf', role: 'editor' as Role }
    const cookieOnly = { cookie: admin.cookie }

    const without = await post('/api/invites', body, cookieOnly)
    expect(without.status).toBe(403)
    expect(without.body.error).toMatch(/CSRF/)
    const wrong = await post('/api/invites', body, { ...cookieOnly, [CSRF_HEADER]: 'x'.repeat(43) })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error).toMatch(/CSRF/)
    // Another session's token is no better.
    const other = await redeemInvite(server.url, (await server.server.accounts.createInvite(null, { name: 'Other Admin', role: 'admin', worksFor: null, team: null })).code)
    expect((await post('/api/invites', body, { ...cookieOnly, [CSRF_HEADER]: other.csrfToken })).status).toBe(403)

    const right = await post('/api/invites', body, admin.headers())
    expect(right.status).toBe(201)
    // The page's own origin is fine.
    expect((await post('/api/invites', body, { ...admin.headers(), origin: server.url })).status).toBe(201)

    const evil = await post('/api/invites', body, { ...admin.headers(), origin: 'https://evil.example' })
    expect(evil.status).toBe(403)
    expect(evil.body.error).toMatch(/cross-site/)
    // Also for a bearer token, and for DELETE.
    const token = server.token('admin', 'Script')
    expect((await post('/api/invites', body, { authorization: `Bearer ${token}`, origin: 'https://evil.example' })).status).toBe(403)
    expect((await call('/api/session', { method: 'DELETE', headers: { ...admin.headers(), origin: 'https://evil.example' } })).status).toBe(403)
    expect((await call('/api/me', { headers: cookieOnly })).status).toBe(200) // still signed in

    const bearer = await post('/api/invites', body, { authorization: `Bearer ${token}` })
    expect(bearer.status).toBe(201)
    expect((bearer.body.invite as InviteView).createdBy).toMatchObject({ name: 'Script' })

    const list = await call('/api/invites', { headers: cookieOnly })
    expect(list.status).toBe(200)
    // Exactly the three accepted ones were made (plus the one for the other admin, made directly).
    expect((list.body.invites as InviteView[]).filter((invite) => invite.name === 'Cee Surf')).toHaveLength(3)
  })
})

describe('setting a password and signing out', () => {
  it('sets a password (with a login) for a person who joined by link, then password sign-in works', async () => {
    server = await startServer()
    const { code } = await server.server.accounts.createInvite(null, { name: 'Link Only', role: 'editor', worksFor: null, team: null })
    const person = await redeemInvite(server.url, code)
    const PASSWORD = 'a long enough one'

    const noLogin = await post('/api/me/password', { password: PASSWORD }, person.headers())
    expect(noLogin.status).toBe(400)
    expect(noLogin.body.error).toBe('Choose a login (email or user name) to go with the password.')
    const short = await post('/api/me/password', { login: 'linky', password: 'short' }, person.headers())
    expect(short.status).toBe(400)
    expect(short.body.error).toBe('A password has at least 10 characters.')
    const noCsrf = await post('/api/me/password', { login: 'linky', password: PASSWORD }, { cookie: person.cookie })
    expect(noCsrf.status).toBe(403)
    // None of these set anything.
    expect((await post('/api/session', { login: 'linky', password: PASSWORD })).status).toBe(401)

    const set = await post('/api/me/password', { login: 'Linky', password: PASSWORD }, person.headers())
    expect(set.status).toBe(204)
    const signedIn = await post('/api/session', { login: 'LINKY', password: PASSWORD })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body).toMatchObject({ identity: { id: person.identity.id, name: 'Link Only' } })

    // A token is not a person with a password.
    const token = await post('/api/me/password', { login: 'bot', password: PASSWORD }, { authorization: `Bearer ${server.token('editor', 'Bot')}` })
    expect(token.status).toBe(400)
  })

  it('signs out: 204, the cookie cleared, and the old cookie no longer works', async () => {
    server = await startServer()
    const admin = await setupAdmin()
    expect((await call('/api/me', { headers: { cookie: admin.cookie } })).status).toBe(200)

    // Without the CSRF token a page elsewhere cannot sign anyone out.
    expect((await call('/api/session', { method: 'DELETE', headers: { cookie: admin.cookie } })).status).toBe(403)
    expect((await call('/api/me', { headers: { cookie: admin.cookie } })).status).toBe(200)

    const out = await call('/api/session', { method: 'DELETE', headers: admin.headers() })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toBe('fw_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0')
    const me = await call('/api/me', { headers: { cookie: admin.cookie } })
    expect(me.status).toBe(401)
    expect(me.body.error).toMatch(/sign in/)
    // Its CSRF token went with it: the old cookie cannot do anything.
    expect((await post('/api/invites', { name: 'After', role: 'editor' }, admin.headers())).status).toBe(401)
    expect(await server.server.accountStore.listAudit({ limit: 10 }).then((entries) => entries.map((entry) => entry.action))).toContain('signout')
  })
})
