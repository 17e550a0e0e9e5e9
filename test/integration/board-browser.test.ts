/**
 * The review board in Chromium, seeded through the real server (workspace OKRs over y-websocket,
 * three weeks created with POST /api/weeks/:id and edited by a Node client): the agenda's order and
 * fold, edits reaching another browser live, presence per item, the read-only view, browsing weeks
 * and creating a week from its empty state.
 */
import { currentWeekId, readItem, setStatus, shiftWeek, weekDocName } from '@fourwall/shared'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReview, editWeek, seedOkrs } from '../support/board.js'
import { closePage, launchBrowser, newPageWithSession, pageErrors, useServerAndBrowser, waitForConnection } from '../support/browser.js'
import { startServer } from '../support/server.js'
import { waitFor } from '../support/yclient.js'

const OBJECTIVES = {
  B: 'Ship refunds self-service',
  A: 'Cut checkout latency to 300 ms',
  E: 'Launch EU data residency',
  C: 'Retire the old ledger',
  F: 'Hire two mobile engineers',
  G: 'Reduce on-call pages by half',
  H: 'Grow trial conversion to 12%',
} as const
type Key = keyof typeof OBJECTIVES

const ids = (page: Page, selector: string): Promise<Array<string | null>> =>
  page.locator(selector).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')))

describe('the review board in Chromium', () => {
  const suite = useServerAndBrowser()
  const week = currentWeekId()
  const weekBefore = shiftWeek(week, -1)
  const twoWeeksBefore = shiftWeek(week, -2)
  const id = {} as Record<Key, string>

  const open = async (role: Parameters<typeof suite.server.signIn>[0], name: string, path = '/'): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn(role, name), path)
    suite.pages.push(page)
    await waitForConnection(page, 'live')
    return page
  }
  const row = (page: Page, key: Key) => page.locator(`[data-item-id="${id[key]}"]`)

  beforeAll(async () => {
    // Board order B, A, E, C, F, G, H: the agenda must reorder it by status and weeks at risk.
    const seeded = await seedOkrs(
      suite.server,
      (Object.keys(OBJECTIVES) as Key[]).map((key) => ({ objective: OBJECTIVES[key], keyResults: key === 'A' ? ['p95 under 300 ms'] : [] })),
    )
    ;(Object.keys(OBJECTIVES) as Key[]).forEach((key, index) => (id[key] = seeded[index]!))
    // A is Red and C Yellow for three weeks in a row; B turns Red and E Yellow only this week.
    await createReview(suite.server, twoWeeksBefore)
    await editWeek(suite.server, twoWeeksBefore, (doc) => {
      setStatus(doc, id.A, 'red')
      setStatus(doc, id.C, 'yellow')
    })
    await createReview(suite.server, weekBefore)
    await createReview(suite.server, week)
    await editWeek(suite.server, week, (doc) => {
      setStatus(doc, id.B, 'red')
      setStatus(doc, id.E, 'yellow')
      setStatus(doc, id.G, 'green')
      setStatus(doc, id.H, 'green')
    })
  })

  it('orders the agenda: Red longest first, then Yellow, then unset, and folds the Green items', async () => {
    const page = await open('editor', 'Ed Itor')
    await row(page, 'A').waitFor()
    expect(await ids(page, '[data-section="discuss"] [data-item-id]')).toEqual([id.A, id.B, id.C, id.E])
    expect(await ids(page, '[data-section="unset"] [data-item-id]')).toEqual([id.F])
    expect(await page.locator('[data-section="discuss"]').innerText()).toContain('0 of 4 discussed · 4 left')

    // Status in colour, icon and word; the weeks at risk from the second week on; the trend strip.
    expect(await row(page, 'A').getAttribute('data-status')).toBe('red')
    expect(await row(page, 'A').locator('[data-status-badge]').innerText()).toBe('Red')
    expect(await row(page, 'A').locator('[data-status-badge] svg').count()).toBe(1)
    expect(await row(page, 'A').innerText()).toContain('Red for 3 weeks')
    expect(await row(page, 'C').innerText()).toContain('Yellow for 3 weeks')
    expect(await row(page, 'B').locator('[data-at-risk]').count()).toBe(0)
    expect(await row(page, 'F').locator('[data-status-badge]').innerText()).toBe('Not set')
    expect(await row(page, 'A').getByRole('img', { name: /^Trend:/ }).getAttribute('aria-label')).toBe(
      `Trend: ${twoWeeksBefore} Red, ${weekBefore} Red, ${week} Red`,
    )
    expect(await row(page, 'A').innerText()).toContain(OBJECTIVES.A)
    expect(await row(page, 'A').innerText()).toMatch(/Mobile\s*·\s*Product/)

    const fold = page.getByRole('button', { name: '2 green, skipped' })
    expect(await fold.getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator('[data-section="green"] [data-item-id]').count()).toBe(0)
    await fold.click()
    expect(await fold.getAttribute('aria-expanded')).toBe('true')
    expect(await ids(page, '[data-section="green"] [data-item-id]')).toEqual([id.G, id.H])
    expect(pageErrors(page)).toEqual([])
  })

  it("reaches another browser live: an editor's status, note and outcome, with presence on the row", async () => {
    const viewer = await open('editor', 'Eve Watcher')
    const cam = await open('chief-of-staff', 'Cam Staff')
    const camId = (await cam.locator('[data-identity]').getAttribute('data-identity'))!

    // Cam opens B with the keyboard; Eve sees Cam's avatar on that row and in the list of people.
    await row(cam, 'B').getByRole('button', { name: OBJECTIVES.B }).focus()
    await cam.keyboard.press('Enter')
    expect(await row(cam, 'B').getByRole('button', { name: OBJECTIVES.B }).getAttribute('aria-expanded')).toBe('true')
    await row(viewer, 'B').getByRole('img', { name: 'Cam Staff is looking at this' }).waitFor({ timeout: 10_000 })
    expect(await row(viewer, 'A').locator(`[data-avatar="${camId}"]`).count()).toBe(0)
    await expect
      .poll(() => viewer.getByRole('list', { name: 'People on this board' }).innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`Cam Staff[\\s\\S]*Looking at\\s+${OBJECTIVES.B}`))

    // Status: B turns Yellow and moves below C (Yellow for 3 weeks) on Eve's screen.
    await row(cam, 'B').getByRole('radio', { name: 'Yellow' }).check()
    await viewer.locator(`[data-item-id="${id.B}"][data-status="yellow"]`).waitFor({ timeout: 10_000 })
    expect(await ids(viewer, '[data-section="discuss"] [data-item-id]')).toEqual([id.A, id.C, id.B, id.E])

    // Note: Eve sees that Cam is typing, then the note itself; the server has it.
    const note = row(cam, 'B').getByLabel('Status note')
    await note.click()
    await cam.keyboard.type('Waiting on the bank')
    await row(viewer, 'B').getByText('Cam Staff is typing…').waitFor({ timeout: 10_000 })
    await cam.keyboard.press('Enter')
    await expect.poll(() => row(viewer, 'B').locator('[data-note]').textContent(), { timeout: 10_000 }).toBe('Waiting on the bank')
    const stored = (await suite.server.server.documents.get(weekDocName(week))).ydoc
    await waitFor(() => readItem(stored, id.B)?.note, (text) => text === 'Waiting on the bank', 5_000, 'note stored')
    await expect.poll(() => row(viewer, 'B').getByText('Cam Staff is typing…').count(), { timeout: 10_000 }).toBe(0)

    // Outcome: a follow-up without an owner is refused with the model's sentence; a decision goes through.
    await row(cam, 'B').getByRole('radio', { name: 'Follow-up' }).check()
    await row(cam, 'B').getByRole('button', { name: 'Record outcome' }).click()
    expect(await row(cam, 'B').getByRole('alert').innerText()).toBe('A follow-up needs an owner.')
    await row(cam, 'B').getByRole('radio', { name: 'Decision' }).check()
    await row(cam, 'B').getByLabel('The decision, in one line').fill('Move two engineers from Growth')
    await row(cam, 'B').getByRole('button', { name: 'Record outcome' }).click()
    await expect.poll(() => row(viewer, 'B').locator('[data-outcome]').innerText(), { timeout: 10_000 }).toMatch(/Outcome: Decision[\s\S]*Move two engineers from Growth[\s\S]*Cam Staff/)
    await expect.poll(() => viewer.locator('[data-section="discuss"]').innerText()).toContain('1 of 4 discussed · 3 left')
    expect(readItem(stored, id.B)?.outcome).toMatchObject({ kind: 'decision', summary: 'Move two engineers from Growth', recordedBy: { name: 'Cam Staff' } })

    // Clearing it takes the item back to undiscussed everywhere.
    await row(cam, 'B').getByRole('button', { name: 'Clear outcome' }).click()
    await expect.poll(() => row(viewer, 'B').locator('[data-outcome]').count(), { timeout: 10_000 }).toBe(0)
    expect(pageErrors(cam)).toEqual([])
    expect(pageErrors(viewer)).toEqual([])
  })

  it('shows a team lead everything as text, with no control to write with, and a forced write goes nowhere', async () => {
    const page = await open('team-lead', 'Tia Team')
    await page.locator('[data-read-only]').waitFor()
    await row(page, 'A').getByRole('button', { name: OBJECTIVES.A }).click()
    const details = row(page, 'A').locator('[data-item-details]')
    await details.waitFor()
    expect(await details.innerText()).toMatch(/p95 under 300 ms[\s\S]*Status\s+Red[\s\S]*Outcome\s+None recorded/)
    await page.getByRole('button', { name: '2 green, skipped' }).click()
    await row(page, 'G').waitFor()

    const writable = page.locator('main input, main textarea, main select, main [contenteditable="true"]')
    expect(await writable.count()).toBe(0)
    expect(await page.getByRole('radio').count()).toBe(0)
    expect(await page.getByRole('button', { name: /Record outcome|Clear outcome/ }).count()).toBe(0)

    await page.evaluate((itemId) => {
      type Doc = { getMap(name: string): { get(key: string): { set(key: string, value: unknown): void } } }
      const { doc } = (window as unknown as { __fourwall: { doc: Doc } }).__fourwall
      doc.getMap('items').get(itemId).set('status', 'green')
    }, id.A)
    // An edit that does travel, to give the forged one every chance to arrive first.
    await editWeek(suite.server, week, (doc) => setStatus(doc, id.F, 'yellow'))
    await page.locator(`[data-item-id="${id.F}"][data-status="yellow"]`).waitFor({ timeout: 10_000 })
    const stored = (await suite.server.server.documents.get(weekDocName(week))).ydoc
    expect(readItem(stored, id.A)?.status).toBe('red')
    await editWeek(suite.server, week, (doc) => setStatus(doc, id.F, 'unset'))
  })

  it('says so when the connection drops, keeps an edit made meanwhile, and sends it on reconnect', async () => {
    const page = await open('editor', 'Olive Offline')
    await row(page, 'A').waitFor()
    expect(await page.locator('[data-offline-banner]').count()).toBe(0)
    // The page's own provider drops its socket, as a lost network would.
    await page.evaluate(() => (window as unknown as { __fourwall: { provider: { disconnect(): void } } }).__fourwall.provider.disconnect())
    const banner = page.locator('[data-offline-banner]')
    await expect.poll(() => banner.innerText(), { timeout: 10_000 }).toContain('You are offline — your edits are kept and will sync when the connection returns')

    await page.getByRole('button', { name: '2 green, skipped' }).click()
    await row(page, 'H').getByRole('button', { name: OBJECTIVES.H }).click()
    await row(page, 'H').getByRole('radio', { name: 'Yellow' }).check()
    const stored = (await suite.server.server.documents.get(weekDocName(week))).ydoc
    expect(readItem(stored, id.H)?.status).toBe('green')

    await page.getByRole('button', { name: 'Retry now' }).click()
    await waitForConnection(page, 'live')
    await banner.waitFor({ state: 'detached' })
    await waitFor(() => readItem(stored, id.H)?.status, (status) => status === 'yellow', 10_000, 'the offline edit stored')
    await editWeek(suite.server, week, (doc) => setStatus(doc, id.H, 'green'))
  })

  it('lists the weeks in the week picker and browses a past week, then comes back', async () => {
    const page = await open('editor', 'Wes Weeks')
    const picker = page.getByLabel('Week', { exact: true })
    await expect.poll(() => picker.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual([
      week,
      weekBefore,
      twoWeeksBefore,
    ])
    expect(await picker.locator('option').first().innerText()).toContain('(this week)')
    expect(await page.getByRole('link', { name: 'Back to this week' }).count()).toBe(0)

    await picker.selectOption(weekBefore)
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/week/${weekBefore}`)
    await expect.poll(() => row(page, 'A').innerText(), { timeout: 10_000 }).toContain('Red for 2 weeks')
    expect(await page.locator(`[data-item-id="${id.B}"]`).getAttribute('data-status')).toBe('unset')

    await page.getByRole('link', { name: 'Back to this week' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    await expect.poll(() => row(page, 'A').innerText(), { timeout: 10_000 }).toContain('Red for 3 weeks')
    expect(pageErrors(page)).toEqual([])
  })

  it("offers to create a week that has no review yet, and the items arrive live", async () => {
    const next = shiftWeek(week, 1)
    const watcher = await open('team-lead', 'Tom Team', `/week/${next}`)
    await watcher.locator('[data-empty="no-review"]').waitFor()
    expect(await watcher.getByRole('button', { name: "Create this week's review" }).count()).toBe(0)

    const admin = await open('admin', 'Ada Admin', `/week/${next}`)
    const empty = admin.locator('[data-empty="no-review"]')
    await expect.poll(() => empty.innerText(), { timeout: 10_000 }).toContain('The workspace has 7 OKRs')
    await admin.getByRole('button', { name: "Create this week's review" }).click()
    // Carried over from this week: A has been Red for four weeks now.
    await expect.poll(() => row(admin, 'A').innerText(), { timeout: 10_000 }).toContain('Red for 4 weeks')
    await expect.poll(() => row(watcher, 'A').innerText(), { timeout: 10_000 }).toContain('Red for 4 weeks')
    await expect
      .poll(() => admin.getByLabel('Week', { exact: true }).locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)))
      .toContain(next)
    expect(pageErrors(admin)).toEqual([])
  })

  it('points to the workspace page when the workspace has no OKRs', async () => {
    const empty = await startServer()
    const browser = await launchBrowser()
    try {
      const admin = await newPageWithSession(browser, empty.url, await empty.signIn('admin', 'Ada Admin'))
      const notice = admin.locator('[data-empty-workspace]')
      await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('The workspace has no OKRs yet.')
      expect(await notice.getByRole('link', { name: 'workspace page' }).getAttribute('href')).toBe('/workspace')
      expect(await admin.getByRole('button', { name: "Create this week's review" }).count()).toBe(0)

      const teamLead = await newPageWithSession(browser, empty.url, await empty.signIn('team-lead', 'Tia Team'))
      await expect.poll(() => teamLead.locator('[data-empty-workspace]').innerText(), { timeout: 10_000 }).toContain('The workspace has no OKRs yet.')
      expect(await teamLead.locator('[data-empty-workspace]').getByRole('link').count()).toBe(0)
      await closePage(admin)
      await closePage(teamLead)
    } finally {
      await browser.close()
      await empty.close()
    }
  })
})

