/**
 * Roles and the admin API against a real server: one holder per lead role, what each role needs
 * beside itself (worksFor, team), the last admin, admin-only endpoints, closing a week, the audit
 * log and the log of who stored each document update.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditEntry, DocumentUpdateEntry, InviteView, PersonView, Role, SessionView } from '@fourwall/shared'
import { redeemInvite, startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK = '2026-W48'
const DOC = `week:${WEEK}`

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

type Json = Record<string, unknown>
interface Answer {
  status: number
  body: Json
}

let server: TestServer
let admin: TestSession
const clients: YClient[] = []

beforeEach(async () => {
  server = await startServer()
  admin = await server.signIn('admin', 'Ada Admin')
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
})

/** An API call as `who`: a session (cookie + CSRF), a bearer token, or nobody. */
async function api(who: TestSession | string | null, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> =
    who === null ? { 'content-type': 'application/json' } : typeof who === 'string' ? { authorization: `Bearer ${who}`, 'content-type': 'application/json' } : who.headers()
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Json) }
}

async function invite(body: Json): Promise<{ invite: InviteView; code: string }> {
  const created = await api(admin, 'POST', '/api/invites', body)
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const link = created.body.link as string
  return { invite: created.body.invite as InviteView, code: link.slice(link.indexOf('#code=') + 6) }
}

async function redeem(code: string): Promise<Answer> {
  const response = await fetch(`${server.url}/api/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
  return { status: response.status, body: (await response.json()) as Json }
}

async function people(): Promise<PersonView[]> {
  const answer = await api(admin, 'GET', '/api/people')
  expect(answer.status).toBe(200)
  return answer.body.people as PersonView[]
}

async function audit(query = ''): Promise<AuditEntry[]> {
  const answer = await api(admin, 'GET', `/api/audit${query}`)
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return answer.body.entries as AuditEntry[]
}

const patch = (id: string, body: Json, who: TestSession | string = admin) => api(who, 'PATCH', `/api/people/${id}`, body)

describe('one person per lead role', () => {
  it('refuses a second Product Lead at redemption, naming the holder, until the holder moves', async () => {
    const pam = await invite({ name: 'Pam Product', role: 'product-lead' })
    const pamJoined = await redeem(pam.code)
    expect(pamJoined.status).toBe(201)
    expect(pamJoined.body).toMatchObject({ identity: { name: 'Pam Product', role: 'product-lead' } })
    const pamId = (pamJoined.body.identity as { id: string }).id

    const peter = await invite({ name: 'Peter Product', role: 'product-lead' })
    const refused = await redeem(peter.code)
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({ error: 'Pam Product is already the Product Lead; change their role first.' })
    // The refusal did not use up the invite, nor add anyone.
    expect((await api(null, 'POST', '/api/invites/preview', { code: peter.code })).body).toMatchObject({ status: 'pending', role: 'product-lead' })
    expect((await people()).map((person) => person.name)).toEqual(['Ada Admin', 'Pam Product'])

    expect((await patch(pamId, { role: 'editor' })).status).toBe(200)
    const peterJoined = await redeem(peter.code)
    expect(peterJoined.status).toBe(201)
    expect(peterJoined.body).toMatchObject({ identity: { name: 'Peter Product', role: 'product-lead' } })
    // And now Pam cannot take it back.
    const back = await patch(pamId, { role: 'product-lead' })
    expect(back.status).toBe(409)
    expect(back.body.error).toBe('Peter Product is already the Product Lead; change their role first.')
  })

  it('refuses a role change to a taken lead role, and allows it once the holder changed role', async () => {
    const erin = await server.signIn('engineering-lead', 'Erin Eng')
    const ed = await server.signIn('editor', 'Ed Editor')
    const refused = await patch(ed.identity.id, { role: 'engineering-lead' })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({ error: 'Erin Eng is already the Engineering Lead; change their role first.' })
    // Changing a holder to their own role is no conflict.
    expect((await patch(erin.identity.id, { role: 'engineering-lead' })).status).toBe(200)

    const moved = await patch(erin.identity.id, { role: 'chief-of-staff', worksFor: 'engineering-lead' })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ person: { role: 'chief-of-staff', worksFor: 'engineering-lead' } })
    const taken = await patch(ed.identity.id, { role: 'engineering-lead' })
    expect(taken.status).toBe(200)
    expect(taken.body).toMatchObject({ person: { id: ed.identity.id, role: 'engineering-lead', worksFor: null, team: null } })
    const byId = new Map((await people()).map((person) => [person.id, person]))
    expect(byId.get(ed.identity.id)?.role).toBe('engineering-lead')
    expect(byId.get(erin.identity.id)?.role).toBe('chief-of-staff')
  })
})

describe('what a role needs beside itself', () => {
  it('a Chief of Staff works for a lead, only a Chief of Staff does, and only a Team Lead has a team', async () => {
    const noLead = await api(admin, 'POST', '/api/invites', { name: 'Cass', role: 'chief-of-staff' })
    expect(noLead.status).toBe(400)
    expect(noLead.body).toEqual({ error: 'A Chief of Staff works for one of the two leads: choose the Product Lead or the Engineering Lead.' })
    const badLead = await api(admin, 'POST', '/api/invites', { name: 'Cass', role: 'chief-of-staff', worksFor: 'ceo' })
    expect(badLead.status).toBe(400)
    expect(badLead.body.error).toBe('"worksFor" must be one of product-lead, engineering-lead, or null')

    const cass = await invite({ name: 'Cass', role: 'chief-of-staff', worksFor: 'engineering-lead' })
    expect(cass.invite).toMatchObject({ role: 'chief-of-staff', worksFor: 'engineering-lead', team: null })
    const cassJoined = await redeem(cass.code)
    expect(cassJoined.body).toMatchObject({ identity: { role: 'chief-of-staff', worksFor: 'engineering-lead', team: null } })

    const editorForLead = await api(admin, 'POST', '/api/invites', { name: 'Ed', role: 'editor', worksFor: 'product-lead' })
    expect(editorForLead.status).toBe(400)
    expect(editorForLead.body.error).toMatch(/^Only a Chief of Staff works for a lead, not a\w? Editor\.$/)
    const editorTeam = await api(admin, 'POST', '/api/invites', { name: 'Ed', role: 'editor', team: 'Payments' })
    expect(editorTeam.status).toBe(400)
    expect(editorTeam.body.error).toMatch(/^Only a Team Lead is tied to a team, not a\w? Editor\.$/)
    const leadTeam = await api(admin, 'POST', '/api/invites', { name: 'Pam', role: 'product-lead', team: 'Payments' })
    expect(leadTeam.status).toBe(400)
    expect(leadTeam.body.error).toMatch(/^Only a Team Lead is tied to a team/)

    const tia = await invite({ name: 'Tia', role: 'team-lead', team: ' Payments ' })
    expect(tia.invite).toMatchObject({ role: 'team-lead', team: 'Payments', worksFor: null })
    const tiaJoined = await redeem(tia.code)
    expect(tiaJoined.body).toMatchObject({ identity: { role: 'team-lead', team: 'Payments' } })
    const noTeam = await invite({ name: 'Theo', role: 'team-lead' })
    expect(noTeam.invite.team).toBeNull()

    // The same rules on a change of role; moving to a role that needs no assignment drops it.
    const tiaId = (tiaJoined.body.identity as { id: string }).id
    const toStaff = await patch(tiaId, { role: 'chief-of-staff' })
    expect(toStaff.status).toBe(400)
    expect(toStaff.body.error).toMatch(/^A Chief of Staff works for one of the two leads/)
    expect((await patch(tiaId, { worksFor: 'product-lead' })).status).toBe(400)
    const toEditor = await patch(tiaId, { role: 'editor' })
    expect(toEditor.status).toBe(200)
    expect(toEditor.body).toMatchObject({ person: { role: 'editor', team: null, worksFor: null } })
    const cassId = (cassJoined.body.identity as { id: string }).id
    const cassToEditor = await patch(cassId, { role: 'editor' })
    expect(cassToEditor.body).toMatchObject({ person: { role: 'editor', worksFor: null } })
    expect((await patch(cassId, { role: 'editor', team: 'Payments' })).status).toBe(400)
    expect((await patch(cassId, {})).status).toBe(400)
    // Refused changes left the stored people as they were.
    const byId = new Map((await people()).map((person) => [person.id, person]))
    expect(byId.get(tiaId)).toMatchObject({ role: 'editor', team: null, worksFor: null })
    expect(byId.get(cassId)).toMatchObject({ role: 'editor', team: null, worksFor: null })
  })
})

describe('the last admin', () => {
  it('cannot be demoted or removed, by themselves or anyone', async () => {
    const self = await patch(admin.identity.id, { role: 'editor' })
    expect(self.status).toBe(409)
    expect(self.body).toEqual({ error: 'This is the last admin; make someone else an admin first.' })
    const removeSelf = await api(admin, 'DELETE', `/api/people/${admin.identity.id}`)
    expect(removeSelf.status).toBe(409)
    expect(removeSelf.body.error).toBe('you cannot remove yourself; ask another admin')

    // An admin API token is nobody in particular: the store's rule still holds.
    const script = server.token('admin', 'Script')
    expect((await patch(admin.identity.id, { role: 'editor' }, script)).status).toBe(409)
    const removed = await api(script, 'DELETE', `/api/people/${admin.identity.id}`)
    expect(removed.status).toBe(409)
    expect(removed.body.error).toBe('This is the last admin; make someone else an admin first.')
    expect((await people()).find((person) => person.id === admin.identity.id)?.role).toBe('admin')

    // With a second admin, either may step down, and the other is then the last.
    const second = await server.signIn('admin', 'Second Admin')
    expect((await patch(admin.identity.id, { role: 'editor' }, second)).status).toBe(200)
    expect((await patch(second.identity.id, { role: 'editor' }, script)).status).toBe(409)
    expect((await api(script, 'DELETE', `/api/people/${second.identity.id}`)).status).toBe(409)
    expect((await api(second, 'GET', '/api/people')).status).toBe(200)
  })
})

describe('admin-only endpoints', () => {
  it('refuse every non-admin (403) and nobody (401), and change nothing', async () => {
    const pending = await invite({ name: 'Pending', role: 'editor' })
    const adminSession = (await api(admin, 'GET', '/api/sessions')).body.sessions as SessionView[]
    expect(adminSession).toHaveLength(1)
    const callers: Array<[string, TestSession | string]> = [
      ['editor', await server.signIn('editor', 'Ed')],
      ['team-lead', await server.signIn('team-lead', 'Tia', { team: 'Mobile' })],
      ['product-lead', await server.signIn('product-lead', 'Pam')],
      ['engineering-lead', await server.signIn('engineering-lead', 'Erin')],
      ['chief-of-staff', await server.signIn('chief-of-staff', 'Cass')],
      ['editor token', server.token('editor', 'Script')],
    ]
    const endpoints = (selfId: string): Array<[string, string, unknown?]> => [
      ['GET', '/api/people'],
      ['PATCH', `/api/people/${selfId}`, { role: 'admin' }],
      ['DELETE', `/api/people/${admin.identity.id}`],
      ['GET', '/api/invites'],
      ['POST', '/api/invites', { name: 'Sneaky', role: 'admin' }],
      ['DELETE', `/api/invites/${pending.invite.id}`],
      ['GET', '/api/sessions'],
      ['DELETE', `/api/sessions/${adminSession[0]!.id}`],
      ['GET', '/api/audit'],
      ['GET', '/api/audit?limit=2'],
      ['GET', `/api/document-updates?doc=${DOC}`],
      ['GET', '/api/document-updates'],
      ['POST', '/api/tokens', { name: 'Sneaky', role: 'admin' }],
    ]
    for (const [label, who] of callers) {
      const selfId = typeof who === 'string' ? admin.identity.id : who.identity.id
      for (const [method, path, body] of endpoints(selfId)) {
        const answer = await api(who, method, path, body)
        expect(answer.status, `${label}: ${method} ${path}`).toBe(403)
        expect(answer.body.error, `${label}: ${method} ${path}`).toMatch(/^only an admin can /)
      }
    }
    for (const [method, path, body] of endpoints(admin.identity.id)) {
      const answer = await api(null, method, path, body)
      expect(answer.status, `nobody: ${method} ${path}`).toBe(401)
      expect(answer.body.error).toMatch(/sign in first/)
      const forged = await fetch(`${server.url}${path}`, { method, headers: { cookie: 'fw_session=' + 'A'.repeat(43), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
      expect(forged.status, `forged cookie: ${method} ${path}`).toBe(401)
    }

    // Nothing changed: nobody became admin, the invite is pending, the admin still signed in.
    const everyone = await people()
    expect(everyone.filter((person) => person.role === 'admin').map((person) => person.id)).toEqual([admin.identity.id])
    expect(everyone).toHaveLength(6)
    const invites = (await api(admin, 'GET', '/api/invites')).body.invites as InviteView[]
    expect(invites.find((entry) => entry.id === pending.invite.id)?.status).toBe('pending')
    expect(invites.filter((entry) => entry.name === 'Sneaky')).toEqual([])
    expect((await api(admin, 'GET', '/api/me')).status).toBe(200)
    expect((await audit()).filter((entry) => entry.action === 'token.created')).toEqual([])
  })
})

describe('closing a week', () => {
  it('is for the leads only, is audited, and a closed week refuses a signed-in editor’s writes', async () => {
    const cass = await server.signIn('chief-of-staff', 'Cass Staff')
    const pam = await server.signIn('product-lead', 'Pam Product')
    const ed = await server.signIn('editor', 'Ed Editor')
    const edClient = connectClient(server.wsUrl, DOC, { cookie: ed.cookie })
    const pamClient = connectClient(server.wsUrl, DOC, { cookie: pam.cookie })
    clients.push(edClient, pamClient)
    await Promise.all([waitForSync(edClient.provider), waitForSync(pamClient.provider)])
    edClient.doc.getText('note').insert(0, 'before close. ')
    await waitFor(() => pamClient.doc.getText('note').toString(), (text) => text === 'before close. ', 5_000, 'edit while open')

    const refused = await api(cass, 'POST', `/api/weeks/${WEEK}/close`)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('only the Product Lead or the Engineering Lead can close a week')
    expect((await api(ed, 'POST', `/api/weeks/${WEEK}/close`)).status).toBe(403)
    expect((await api(admin, 'POST', `/api/weeks/${WEEK}/close`)).status).toBe(403)
    expect((await api(pam, 'POST', '/api/weeks/2026-W99/close')).status).toBe(400)
    // A lead's cookie without the CSRF token closes nothing.
    const noCsrf = await fetch(`${server.url}/api/weeks/${WEEK}/close`, { method: 'POST', headers: { cookie: pam.cookie } })
    expect(noCsrf.status).toBe(403)
    expect(edClient.doc.getMap('meta').get('closed')).toBeUndefined()

    const closed = await api(pam, 'POST', `/api/weeks/${WEEK}/close`)
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ weekId: WEEK, closed: { by: pam.identity.id, byName: 'Pam Product' } })
    expect((await api(pam, 'POST', `/api/weeks/${WEEK}/close`)).status).toBe(409)
    const closings = (await audit()).filter((entry) => entry.action === 'week.closed')
    expect(closings).toHaveLength(1)
    expect(closings[0]).toMatchObject({ target: WEEK, actorId: pam.identity.id, actorName: 'Pam Product' })

    // The editor's stock client learns of the close; its next edit goes nowhere.
    await waitFor(() => edClient.doc.getMap('meta').get('closed'), (mark) => mark !== undefined, 5_000, 'close marker reaches the editor')
    const updatesBefore = await updatesOf(ed.identity.id)
    edClient.doc.getText('note').insert(0, 'AFTER CLOSE ')
    await sleep(400)
    const document = await server.server.documents.get(DOC)
    await document.whenPersisted()
    expect(document.ydoc.getText('note').toString()).toBe('before close. ')
    expect(pamClient.doc.getText('note').toString()).toBe('before close. ')
    expect(await updatesOf(ed.identity.id)).toEqual(updatesBefore)
    const fresh = connectClient(server.wsUrl, DOC, { cookie: pam.cookie })
    clients.push(fresh)
    await waitForSync(fresh.provider)
    expect(fresh.doc.getText('note').toString()).toBe('before close. ')
  })
})

/** Ids of the stored updates of DOC sent by this person. */
async function updatesOf(personId: string): Promise<number[]> {
  const answer = await api(admin, 'GET', `/api/document-updates?doc=${encodeURIComponent(DOC)}&limit=500`)
  expect(answer.status).toBe(200)
  return (answer.body.entries as DocumentUpdateEntry[]).filter((entry) => entry.personId === personId).map((entry) => entry.id)
}

describe('the audit log', () => {
  it('records invites, role changes, removals, revocations and failed sign-ins, and pages', async () => {
    const { invite: created, code } = await invite({ name: 'Ed Editor', role: 'editor' })
    const joined = await redeemInvite(server.url, code)
    const edId = joined.identity.id
    expect((await patch(edId, { role: 'team-lead', team: 'Mobile' })).status).toBe(200)
    const sessions = ((await api(admin, 'GET', '/api/sessions')).body.sessions as SessionView[]).filter((session) => session.personId === edId)
    expect(sessions).toHaveLength(1)
    expect((await api(admin, 'DELETE', `/api/sessions/${sessions[0]!.id}`)).status).toBe(204)
    expect((await api(admin, 'DELETE', `/api/sessions/${sessions[0]!.id}-nope`)).status).toBe(404)
    expect((await api(admin, 'DELETE', `/api/people/${edId}`)).status).toBe(204)
    expect((await api(admin, 'DELETE', `/api/people/${edId}`)).status).toBe(404)
    const failed = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'Nobody', password: 'not a password' }) })
    expect(failed.status).toBe(401)

    const entries = await audit()
    const find = (action: string) => entries.filter((entry) => entry.action === action)
    expect(find('invite.created').find((entry) => entry.target === created.id)).toMatchObject({
      actorId: admin.identity.id,
      actorName: 'Ada Admin',
      detail: { name: 'Ed Editor', role: 'editor' },
    })
    expect(find('invite.redeemed').find((entry) => entry.target === created.id)).toMatchObject({
      actorId: edId,
      actorName: 'Ed Editor',
      detail: { role: 'editor', invitedBy: 'Ada Admin' },
    })
    expect(find('role.changed')).toEqual([
      expect.objectContaining({ actorId: admin.identity.id, target: edId, detail: expect.objectContaining({ name: 'Ed Editor', from: 'editor', to: 'team-lead', team: 'Mobile' }) }),
    ])
    expect(find('session.revoked')).toEqual([
      expect.objectContaining({ actorId: admin.identity.id, target: edId, detail: { session: sessions[0]!.id } }),
    ])
    expect(find('person.removed')).toEqual([
      expect.objectContaining({ actorId: admin.identity.id, target: edId, detail: { name: 'Ed Editor', role: 'team-lead' } }),
    ])
    expect(find('signin.failed')).toEqual([
      expect.objectContaining({ actorId: null, target: null, detail: expect.objectContaining({ login: 'nobody', reason: 'wrong-credentials' }) }),
    ])
    // Newest first, ids strictly decreasing.
    const ids = entries.map((entry) => entry.id)
    expect([...ids].sort((a, b) => b - a)).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    expect(entries[0]!.action).toBe('signin.failed')

    // Paging: two at a time with ?before= walks the same list.
    expect(entries.length).toBeGreaterThanOrEqual(6)
    const first = await audit('?limit=2')
    expect(first).toEqual(entries.slice(0, 2))
    const second = await audit(`?limit=2&before=${first[1]!.id}`)
    expect(second).toEqual(entries.slice(2, 4))
    const third = await audit(`?limit=2&before=${second[1]!.id}`)
    expect(third).toEqual(entries.slice(4, 6))
    expect(await audit(`?limit=500&before=${entries.at(-1)!.id}`)).toEqual([])
    for (const bad of ['?limit=0', '?limit=501', '?limit=two', '?before=-1']) {
      const answer = await api(admin, 'GET', `/api/audit${bad}`)
      expect(answer.status, bad).toBe(400)
      expect(answer.body.error, bad).toMatch(/must be a whole number between 1 and/)
    }
  })
})

describe('who stored each document update', () => {
  it('names the signed-in person behind a stock client’s edits, per document', async () => {
    const ed = await server.signIn('editor', 'Ed Editor')
    const client = connectClient(server.wsUrl, DOC, { cookie: ed.cookie })
    const other = connectClient(server.wsUrl, 'week:2026-W49', { cookie: ed.cookie })
    clients.push(client, other)
    await Promise.all([waitForSync(client.provider), waitForSync(other.provider)])
    client.doc.getText('note').insert(0, 'signed edit')
    other.doc.getText('note').insert(0, 'elsewhere')

    let entries: DocumentUpdateEntry[] = []
    await expect
      .poll(
        async () => {
          const answer = await api(admin, 'GET', `/api/document-updates?doc=${encodeURIComponent(DOC)}`)
          entries = answer.body.entries as DocumentUpdateEntry[]
          return entries.some((entry) => entry.personId === ed.identity.id)
        },
        { timeout: 5_000 },
      )
      .toBe(true)
    const mine = entries.filter((entry) => entry.personId === ed.identity.id)
    expect(mine.length).toBeGreaterThanOrEqual(1)
    for (const entry of mine) {
      expect(entry).toMatchObject({ docName: DOC, personId: ed.identity.id, personName: 'Ed Editor', connectionId: expect.any(String) })
      expect(entry.bytes).toBeGreaterThan(0)
    }
    expect(entries.every((entry) => entry.docName === DOC)).toBe(true)

    // The other document's edit is listed under it, and in the unfiltered log.
    await expect
      .poll(async () => ((await api(admin, 'GET', '/api/document-updates?doc=week:2026-W49')).body.entries as DocumentUpdateEntry[]).map((entry) => entry.personName), { timeout: 5_000 })
      .toContain('Ed Editor')
    const all = (await api(admin, 'GET', '/api/document-updates')).body.entries as DocumentUpdateEntry[]
    expect(new Set(all.map((entry) => entry.docName))).toEqual(new Set([DOC, 'week:2026-W49']))
    const paged = (await api(admin, 'GET', `/api/document-updates?limit=1&before=${all[0]!.id}`)).body.entries as DocumentUpdateEntry[]
    expect(paged).toEqual(all.slice(1, 2))

    for (const bad of ['bad', 'week:2026-W99', '']) {
      const answer = await api(admin, 'GET', `/api/document-updates?doc=${encodeURIComponent(bad)}`)
      expect(answer.status, bad).toBe(400)
      expect(answer.body.error).toBe('"doc" must be a document name such as week:2026-W48')
    }
  })
})

describe('roles in one place', () => {
  it('GET /api/people lists everyone with their assignment and active sessions', async () => {
    await server.signIn('chief-of-staff', 'Cass', { worksFor: 'engineering-lead' })
    await server.signIn('team-lead', 'Tia', { team: 'Mobile', login: 'tia', password: 'a long password' })
    const list = await people()
    const simple = list.map(({ name, role, worksFor, team, login, hasPassword, activeSessions }) => ({ name, role, worksFor, team, login, hasPassword, activeSessions }))
    expect(simple).toEqual([
      { name: 'Ada Admin', role: 'admin' as Role, worksFor: null, team: null, login: null, hasPassword: false, activeSessions: 1 },
      { name: 'Cass', role: 'chief-of-staff' as Role, worksFor: 'engineering-lead', team: null, login: null, hasPassword: false, activeSessions: 1 },
      { name: 'Tia', role: 'team-lead' as Role, worksFor: null, team: 'Mobile', login: 'tia', hasPassword: true, activeSessions: 1 },
    ])
    // No secret ever leaves: no password hash in the list.
    expect(JSON.stringify(list)).not.toMatch(/scrypt/)
  })
})

describe('the directory of who is who', () => {
  it('shows everyone signed in the names and roles, and nothing an admin alone should see', async () => {
    const lead = await server.signIn('engineering-lead', 'Sam Lead')
    await server.signIn('chief-of-staff', 'Ana Chief', { worksFor: 'engineering-lead' })
    const teamLead = await server.signIn('team-lead', 'Tom Team', { team: 'Mobile', login: 'tom', password: 'a long enough password' })
    const answer = await api(teamLead, 'GET', '/api/people/directory')
    expect(answer.status).toBe(200)
    const directory = answer.body.people as Json[]
    expect(directory.map((person) => [person.name, person.role, person.worksFor, person.team]).sort()).toEqual(
      [
        ['Ada Admin', 'admin', null, null],
        ['Ana Chief', 'chief-of-staff', 'engineering-lead', null],
        ['Sam Lead', 'engineering-lead', null, null],
        ['Tom Team', 'team-lead', null, 'Mobile'],
      ].sort(),
    )
    // Logins and session counts are the admin page's business.
    for (const person of directory) expect(Object.keys(person).sort()).toEqual(['id', 'name', 'role', 'team', 'worksFor'])
    expect(JSON.stringify(directory)).not.toContain('tom')
    expect((await api(null, 'GET', '/api/people/directory')).status).toBe(401)
    // The admin-only list stays admin-only.
    expect((await api(lead, 'GET', '/api/people')).status).toBe(403)
  })
})
