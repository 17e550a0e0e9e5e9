/**
 * The React page in headless Chromium and the stock y-websocket client in Node, on one week's
 * document: board edits converge both ways and everyone's presence reaches everyone.
 */
import { currentWeekId, readItem, setNote, setStatus, weekDocName } from '@fourwall/shared'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReview, seedOkrs } from '../support/board.js'
import { newPageWithSession, newSignedOutPage, pageErrors, useServerAndBrowser, waitForConnection } from '../support/browser.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

describe('the board page in Chromium with Node clients', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let itemId = ''
  const OBJECTIVE = 'Ship the mobile release'
  /** The item's note as the page shows it (empty while it has none). */
  const shownNote = (page: Page) => page.locator(`[data-item-id="${itemId}"] [data-note]`).textContent({ timeout: 1_000 }).catch(() => '')

  beforeAll(async () => {
    itemId = (await seedOkrs(suite.server, [{ objective: OBJECTIVE }]))[0]!
    await createReview(suite.server, currentWeekId())
  })

  it('converges edits between the page and two Node clients and shows everyone present', async () => {
    const doc = weekDocName(currentWeekId())
    const pat = connectClient(suite.server.wsUrl, doc, suite.server.token('product-lead', 'Pat Product'), { color: '#0f766e' })
    const eli = connectClient(suite.server.wsUrl, doc, suite.server.token('engineering-lead', 'Eli Engineering'), { color: '#1d4ed8' })
    clients.push(pat, eli)
    await Promise.all([waitForSync(pat.provider), waitForSync(eli.provider)])

    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('chief-of-staff', 'Cam Staff'))
    pages.push(page)
    await waitForConnection(page, 'live')

    await page.getByRole('button', { name: OBJECTIVE }).click()
    const note = page.getByLabel('Status note')
    await note.click()
    await page.keyboard.type('Mobile release is Red.')
    await page.keyboard.press('Enter')
    const notes = () => [pat, eli].map((client) => readItem(client.doc, itemId)?.note)
    await waitFor(notes, (texts) => texts.every((t) => t === 'Mobile release is Red.'))

    setNote(eli.doc, itemId, 'Mobile release is Red. Moving two engineers.')
    await expect.poll(() => note.inputValue(), { timeout: 10_000 }).toBe('Mobile release is Red. Moving two engineers.')
    await expect.poll(() => shownNote(page)).toBe('Mobile release is Red. Moving two engineers.')

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

  it("gives a team lead the board to read only, and a forced write from the console changes nothing", async () => {
    const doc = weekDocName(currentWeekId())
    const editor = connectClient(suite.server.wsUrl, doc, suite.server.token('editor', 'Ed'))
    clients.push(editor)
    await waitForSync(editor.provider)
    const before = readItem(editor.doc, itemId)?.note ?? ''

    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('team-lead', 'Tia Team'))
    pages.push(page)
    await waitForConnection(page, 'live')
    await expect.poll(() => shownNote(page)).toBe(before)
    await page.getByRole('button', { name: OBJECTIVE }).click()
    await page.locator('[data-item-details]').waitFor()
    expect(await page.locator('main input, main textarea, main select').count()).toBe(0)

    await page.evaluate((id) => {
      type Doc = { getMap(name: string): { get(key: string): { set(key: string, value: unknown): void } } }
      const { doc } = (window as unknown as { __fourwall: { doc: Doc } }).__fourwall
      doc.getMap('items').get(id).set('note', 'FORGED')
    }, itemId)
    // Give a forged update every chance to travel, then check with an edit that does travel (to
    // another field: the forged note stays in the viewer's own tab, which is all it can reach).
    setStatus(editor.doc, itemId, 'yellow')
    await page.locator(`[data-item-id="${itemId}"][data-status="yellow"]`).waitFor({ timeout: 10_000 })
    expect(readItem(editor.doc, itemId)?.note).toBe(before)
    expect(readItem((await suite.server.server.documents.get(doc)).ydoc, itemId)?.note).toBe(before)
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
    // An editor: opening an item shows its controls.
    await page.getByRole('button', { name: OBJECTIVE }).click()
    await page.getByRole('radio', { name: 'Red' }).waitFor()
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain('fw_session')
  })

  // Last: it closes the current week for the rest of this file's suite.server.
  it('shows a closed week as closed, with every item read-only', async () => {
    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn('editor', 'Ed Itor'))
    pages.push(page)
    await waitForConnection(page, 'live')
    await page.getByRole('button', { name: OBJECTIVE }).click()
    await page.getByLabel('Status note').waitFor()
    const response = await fetch(`${suite.server.url}/api/weeks/${currentWeekId()}/close`, {
      method: 'POST',
      headers: { authorization: `Bearer ${suite.server.token('engineering-lead', 'Eli Engineering')}` },
    })
    expect(response.status).toBe(200)
    await expect.poll(() => page.locator('[data-week-closed]').innerText(), { timeout: 10_000 }).toContain('closed by Eli Engineering')
    // The open item turns into text: no field, no radio, nothing to type in.
    await page.locator('[data-item-details]').waitFor()
    expect(await page.locator('main input, main textarea, main select').count()).toBe(0)
  })
})
