/**
 * The React page in headless Chromium and the stock y-websocket client in Node, on one document:
 * edits converge both ways and everyone's presence reaches everyone.
 */
import { currentWeekId, weekDocName } from '@fourwall/shared'
import { describe, expect, it } from 'vitest'
import { newPageWithSession, newSignedOutPage, pageErrors, useServerAndBrowser, waitForConnection } from '../support/browser.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

describe('the board page in Chromium with Node clients', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite

  it('converges edits between the page and two Node clients and shows everyone present', async () => {
    const doc = weekDocName(currentWeekId())
    const pat = connectClient(suite.server.wsUrl, doc, suite.server.token('product-lead', 'Pat Product'), { color: '#0f766e' })
    const eli = connectClient(suite.server.wsUrl, doc, suite.server.token('engineering-lead', 'Eli Engineering'), { color: '#1d4ed8' })
    clients.push(pat, eli)
    await Promise.all([waitForSync(pat.provider), waitForSync(eli.provider)])

    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('chief-of-staff', 'Cam Staff'))
    pages.push(page)
    await waitForConnection(page, 'live')

    const note = page.getByLabel('Shared note')
    await note.click()
    await page.keyboard.type('Mobile release is Red.')
    await waitFor(() => [pat.doc.getText('note').toString(), eli.doc.getText('note').toString()], (texts) => texts.every((t) => t === 'Mobile release is Red.'))

    eli.doc.getText('note').insert(eli.doc.getText('note').length, ' Moving two engineers.')
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toBe('Mobile release is Red. Moving two engineers.')

    // Presence: the page lists both Node clients by the names their tokens carry, itself as "(you)".
    const people = page.getByRole('list', { name: 'People on this board' })
    await expect.poll(() => people.innerText(), { timeout: 10_000 }).toContain('Pat Product')
    await expect.poll(() => people.innerText()).toContain('Eli Engineering')
    expect(await people.innerText()).toMatch(/Cam Staff[\s\S]*\(you\)/)
    // And the Node clients see the page's presence, stamped by the server.
    const names = () => [...pat.provider.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name)
    await waitFor(names, (list) => list.includes('Cam Staff'))

    expect(pageErrors(page)).toEqual([])
  })

  it("gives a team lead a read-only note, and a forced write from the console changes nothing", async () => {
    const doc = weekDocName(currentWeekId())
    const editor = connectClient(suite.server.wsUrl, doc, suite.server.token('editor', 'Ed'))
    clients.push(editor)
    await waitForSync(editor.provider)
    const before = editor.doc.getText('note').toString()

    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('team-lead', 'Tia Team'))
    pages.push(page)
    await waitForConnection(page, 'live')
    const note = page.getByLabel('Shared note')
    await expect.poll(() => note.inputValue()).toBe(before)
    expect(await note.getAttribute('readonly')).not.toBeNull()

    await page.evaluate(() => {
      const { doc } = (window as unknown as { __fourwall: { doc: { getText(n: string): { insert(i: number, s: string): void } } } }).__fourwall
      doc.getText('note').insert(0, 'FORGED ')
    })
    // Give a forged update every chance to travel, then check with an edit that does travel.
    editor.doc.getText('note').insert(0, '!')
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toContain('!')
    expect(editor.doc.getText('note').toString()).toBe('!' + before)
  })

  it('shows the sign-in screen without a session, drops an old #token= link, and signs in with a password', async () => {
    // Set up (an admin exists), so a signed-out visitor gets the sign-in screen, not the setup one.
    await suite.server.signIn('admin', 'Ada Admin')
    await suite.server.signIn('editor', 'Pam Password', { login: 'pam@example.com', password: 'a long enough password' })
    const page = await newSignedOutPage(suite.browser, suite.server.url)
    pages.push(page)
    await page.locator('[data-screen="sign-in"]').waitFor()
    await page.goto(`${suite.server.url}/#token=fw1.not.valid`)
    await page.reload()
    await page.locator('[data-screen="sign-in"]').waitFor()
    expect(page.url()).not.toContain('token=')

    await page.getByLabel('Login').fill('pam@example.com')
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.locator('[data-problem]').innerText()).toContain('Wrong login or password.')
    await page.getByLabel('Password').fill('a long enough password')
    await page.keyboard.press('Enter')
    await waitForConnection(page, 'live')
    expect(await page.getByLabel('Shared note').getAttribute('readonly')).toBeNull()
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain('fw_session')
  })

  // Last: it closes the current week for the rest of this file's suite.server.
  it('shows a closed week as closed, with the note read-only', async () => {
    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('editor', 'Ed Itor'))
    pages.push(page)
    await waitForConnection(page, 'live')
    const note = page.getByLabel('Shared note')
    expect(await note.getAttribute('readonly')).toBeNull()
    const response = await fetch(`${suite.server.url}/api/weeks/${currentWeekId()}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.server.token('engineering-lead', 'Eli Engineering')}` },
    })
    expect(response.status).toBe(200)
    await expect.poll(() => page.locator('[data-week-closed]').innerText(), { timeout: 10_000 }).toContain('closed by Eli Engineering')
    expect(await note.getAttribute('readonly')).not.toBeNull()
  })
})
