/**
 * Access the way people meet it, in headless Chromium: the first admin sets Fourwall up from the
 * printed link, invites a team lead from the admin page; the team lead opens the link in another
 * browser, watches the week live with every control read-only, and a write forced from the console
 * changes nothing on the server. Used, revoked and expired links each show a clear page, and revoking
 * a session or signing out sends the page back to the sign-in screen.
 */
import type { Page } from 'playwright-core'
import { currentWeekId, readItem, setNote, setStatus, weekDocName } from '@fourwall/shared'
import { describe, expect, it } from 'vitest'
import { hashSecret } from '../../server/src/auth/secrets.js'
import { createReview, seedOkrs } from '../support/board.js'
import { newIsolatedPage, newPageWithSession, pageErrors, useServerAndBrowser, waitForConnection } from '../support/browser.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

describe('invites, read-only viewing and sign-out in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  const open = async (path: string): Promise<Page> => {
    const page = await newIsolatedPage(suite.browser)
    pages.push(page)
    await page.goto(`${suite.server.url}${path}`)
    return page
  }
  const doc = weekDocName(currentWeekId())
  const OBJECTIVE = 'Speed up checkout'
  const serverNote = async (itemId: string) => readItem((await suite.server.server.documents.get(doc)).ydoc, itemId)?.note

  it('sets up, invites a team lead who watches live read-only, and a forced write changes nothing', async () => {
    // Before setup the page says how to begin, and nothing else.
    const visitor = await open('/')
    await visitor.locator('[data-screen="setup"]').waitFor()

    // The first admin opens the one-time setup link.
    const setup = (await suite.server.server.accounts.createSetupInvite())!
    const admin = await open(`/join#code=${setup.code}`)
    await admin.locator('[data-screen="join"][data-invite-status="pending"]').waitFor()
    await admin.getByRole('button', { name: 'Join Fourwall' }).click()
    await waitForConnection(admin, 'live')
    expect(admin.url()).not.toContain('code=')

    // The admin page: create an invite for a team lead and copy its link.
    await admin.getByRole('link', { name: 'Admin' }).click()
    await admin.locator('[data-screen="admin"]').waitFor()
    await admin.getByRole('tab', { name: /Invites/ }).click()
    await admin.getByLabel('Name', { exact: true }).fill('Tia Team')
    await admin.getByLabel('Role', { exact: true }).selectOption('team-lead')
    await admin.getByLabel('Team', { exact: true }).fill('Mobile')
    await admin.getByRole('button', { name: 'Create invite link' }).click()
    const link = (await admin.locator('[data-invite-link]').innerText()).trim()
    expect(link).toMatch(new RegExp(`^${suite.server.url}/join#code=[\\w-]{43}$`))

    // The week's review exists, and an editor is on the board, writing.
    const [itemId] = await seedOkrs(suite.server, [{ objective: OBJECTIVE }])
    await createReview(suite.server, currentWeekId())
    const editor = connectClient(suite.server.wsUrl, doc, suite.server.token('editor', 'Ed Itor'))
    clients.push(editor)
    await waitForSync(editor.provider)
    setNote(editor.doc, itemId!, 'Checkout is Red.')

    // The team lead, in another browser, redeems the link and watches the week live.
    const tia = await open(new URL(link).pathname + new URL(link).hash)
    await tia.locator('[data-screen="join"][data-invite-status="pending"]').waitFor()
    expect(await tia.locator('[data-screen="join"]').innerText()).toMatch(/Tia Team[\s\S]*Team Lead/)
    await tia.getByRole('button', { name: 'Join Fourwall' }).click()
    await waitForConnection(tia, 'live')
    await tia.locator('[data-read-only]').waitFor()
    const note = tia.locator(`[data-item-id="${itemId}"] [data-note]`)
    await expect.poll(() => note.textContent({ timeout: 1_000 }).catch(() => ''), { timeout: 10_000 }).toBe('Checkout is Red.')
    setNote(editor.doc, itemId!, 'Now: Checkout is Red.')
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toBe('Now: Checkout is Red.')

    // Every control on the board is read-only for them, the open item included...
    await tia.getByRole('button', { name: OBJECTIVE }).click()
    const details = tia.locator('[data-item-details]')
    await details.waitFor()
    const writable = tia.locator('main textarea:not([readonly]), main input:not([readonly]):not([disabled]), main [contenteditable="true"], main select:not([disabled])')
    expect(await writable.count()).toBe(0)
    // ...and typing does nothing.
    await details.click()
    await tia.keyboard.type('typed by the viewer')
    expect(await note.textContent()).toBe('Now: Checkout is Red.')

    // A write forced from the console goes nowhere: not to the server, not to the editor. (One
    // update: a viewer that keeps writing is cut off with 4403, which readonly.test.ts covers.)
    await tia.evaluate((id) => {
      type Doc = { transact(f: () => void): void; getMap(n: string): { get(key: string): { set(key: string, value: unknown): void } } }
      const { doc } = (window as unknown as { __fourwall: { doc: Doc } }).__fourwall
      doc.transact(() => {
        for (let i = 0; i < 20; i++) doc.getMap('items').get(id).set('note', `FORGED ${i}`)
      })
    }, itemId!)
    // An edit that does travel (to another field: the forged note stays in the viewer's own tab).
    setStatus(editor.doc, itemId!, 'red')
    await tia.locator(`[data-item-id="${itemId}"][data-status="red"]`).waitFor({ timeout: 10_000 })
    expect(await serverNote(itemId!)).toBe('Now: Checkout is Red.')
    expect(readItem(editor.doc, itemId!)?.note).toBe('Now: Checkout is Red.')

    // The admin sees the team lead among people and sessions, then revokes the session.
    await admin.getByRole('tab', { name: /People/ }).click()
    await expect.poll(() => admin.locator('[data-panel]:visible').innerText(), { timeout: 5_000 }).toContain('Tia Team')
    await admin.getByRole('tab', { name: /Sessions/ }).click()
    await admin.getByRole('button', { name: /Revoke the session of Tia Team/ }).click()
    const revokedAt = Date.now()
    await tia.locator('[data-screen="sign-in"]').waitFor({ timeout: 5_000 })
    expect(Date.now() - revokedAt).toBeLessThan(5_000)

    // The audit tab shows what happened.
    await admin.getByRole('tab', { name: /Audit/ }).click()
    for (const action of ['setup.completed', 'invite.created', 'invite.redeemed', 'session.revoked']) {
      await admin.locator(`[data-audit-action="${action}"]`).first().waitFor({ timeout: 5_000 })
    }

    // A used link shows a clear page.
    const again = await open(new URL(link).pathname + new URL(link).hash)
    await again.locator('[data-invite-status="used"]').waitFor()
    expect(await again.locator('[data-invite-status="used"]').innerText()).toMatch(/already been used/i)

    expect(pageErrors(admin).filter((line) => !/status of 4\d\d/.test(line))).toEqual([])
  })

  it('shows a clear page for a revoked, an expired and an unknown link', async () => {
    const { code: revokedCode, invite } = await suite.server.server.accounts.createInvite(null, { name: 'Rex', role: 'editor', worksFor: null, team: null })
    await suite.server.server.accounts.revokeInvite({ id: 'admin', name: 'Admin', role: 'admin' }, invite.id)
    const expiredCode = 'expired-code-'.padEnd(43, 'x')
    await suite.server.server.accountStore.createInvite({
      id: 'expired-invite',
      codeHash: hashSecret(expiredCode),
      name: 'Old',
      role: 'editor',
      worksFor: null,
      team: null,
      personId: null,
      createdAt: Date.now() - 100_000_000,
      expiresAt: Date.now() - 1_000,
      createdById: null,
      createdByName: null,
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    })
    const cases: Array<[string, string, RegExp]> = [
      [revokedCode, 'revoked', /revoked/i],
      [expiredCode, 'expired', /expired/i],
      ['no-such-code'.padEnd(43, 'y'), 'unknown', /not valid/i],
    ]
    for (const [code, status, text] of cases) {
      const page = await open(`/join#code=${code}`)
      const screen = page.locator(`[data-screen="join"][data-invite-status="${status}"]`)
      await screen.waitFor()
      expect(await screen.innerText()).toMatch(text)
      expect(await page.getByRole('button', { name: 'Join Fourwall' }).count()).toBe(0)
    }
  })

  it('signing out closes the live connection and shows the sign-in screen', async () => {
    const session = await suite.server.signIn('editor', 'Sid Signout')
    const page = await newPageWithSession(suite.browser, suite.server.url, session)
    pages.push(page)
    await waitForConnection(page, 'live')
    // The board holds more than one document open (the week's, the workspace's); count this person's.
    const theirs = () => [...suite.server.server.sync.connections].filter((connection) => connection.personId === session.identity.id).length
    expect(theirs()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.locator('[data-screen="sign-in"]').waitFor({ timeout: 5_000 })
    await waitFor(theirs, (count) => count === 0, 5_000, 'the page’s connections closed')
    expect((await fetch(`${suite.server.url}/api/me`, { headers: { cookie: session.cookie } })).status).toBe(401)
  })

  it('sets a password from the account menu, then signs in with it; an admin renames a person', async () => {
    const other = await suite.server.signIn('editor', 'Olga Other', { login: 'olga', password: 'olga has a password' })
    const session = await suite.server.signIn('editor', 'Pia Password')
    const page = await newPageWithSession(suite.browser, suite.server.url, session)
    pages.push(page)
    await waitForConnection(page, 'live')

    const opener = page.getByRole('button', { name: 'Set password' })
    await opener.click()
    const dialog = page.getByRole('dialog', { name: 'Set password' })
    await dialog.waitFor()
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true)

    await opener.click()
    await dialog.getByLabel('Password', { exact: true }).fill('a good long password')
    await dialog.getByLabel('Confirm password').fill('a good long password')
    // A login someone else has is refused with the server's sentence.
    await dialog.getByLabel('Login').fill('OLGA')
    await dialog.getByRole('button', { name: 'Save password' }).click()
    await expect.poll(() => dialog.locator('[data-problem]').innerText()).toContain('This login is already taken; choose another one.')
    await dialog.getByLabel('Login').fill('pia@example.com')
    await dialog.getByRole('button', { name: 'Save password' }).click()
    await dialog.locator('[data-password-saved]').waitFor()

    const signIn = await fetch(`${suite.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'Pia@Example.com', password: 'a good long password' }),
    })
    expect(signIn.status).toBe(200)

    // An admin renames Olga from the People tab; the new name is what the server knows.
    const admin = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('admin', 'Ann Admin'), '/admin')
    pages.push(admin)
    await admin.locator('[data-screen="admin"]').waitFor()
    await admin.getByRole('tab', { name: /People/ }).click()
    await admin.getByRole('button', { name: 'Rename Olga Other' }).click()
    await admin.getByLabel('Name (Olga Other)').fill('Olga Renamed')
    await admin.getByRole('button', { name: 'Save' }).click()
    await admin.getByRole('button', { name: 'Rename Olga Renamed' }).waitFor()
    const me = await fetch(`${suite.server.url}/api/me`, { headers: { cookie: other.cookie } })
    expect(await me.json()).toMatchObject({ identity: { name: 'Olga Renamed' } })
  })
})
