/**
 * The live meeting in Chromium, with a real server, real sessions and the real board: a chief of
 * staff claims the meeting and steps through the agenda while a lead and a team lead follow; the
 * lead steps away (keeping their own place) and rejoins; the timer shows the same time left on every
 * screen even on a computer whose clock is ten minutes off; a team lead sees the meeting with no
 * controls; the keyboard shortcuts and their help work, and never fire while typing; a closed week
 * shows no controls.
 */
import type { Page } from 'playwright-core'
import { addOkr, addTeam, listItems, readItem, setStatus, weekDocName, type Okr } from '@fourwall/shared'
import { describe, expect, it } from 'vitest'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import type { TestSession } from '../support/server.js'
import { connectSocketClient } from '../support/socketclient.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK = '2026-W30'
const SKEW_MS = 10 * 60_000

describe('the live meeting in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let okrs: Okr[] = []
  let week: YClient
  let cass: TestSession
  let pat: TestSession
  let cassPage: Page
  let patPage: Page
  let tiaPage: Page
  let eliPage: Page

  const bar = (page: Page) => page.locator('section[aria-label="Live meeting"]')
  const open = async (session: TestSession, skewMs = 0): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, `/week/${WEEK}`)
    pages.push(page)
    if (skewMs !== 0) {
      // This computer's clock is off: every Date.now() on the page is `skewMs` ahead of the server.
      await page.addInitScript((skew: number) => {
        const real = Date.now.bind(Date)
        Date.now = () => real() + skew
      }, skewMs)
      await page.reload()
      expect(await page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + skewMs - 5_000)
    }
    await bar(page).and(page.locator('[data-meeting-status="live"]')).waitFor({ timeout: 15_000 })
    return page
  }
  const meetingFocus = (page: Page) => bar(page).locator('[data-meeting-focus]').getAttribute('data-meeting-focus')
  const currentItem = (page: Page) => bar(page).getAttribute('data-current-item')
  const remainingMs = async (page: Page) => Number(await bar(page).locator('[role="timer"]').getAttribute('data-timer-remaining-ms'))
  const expectFocus = async (page: Page, itemId: string) => expect.poll(() => meetingFocus(page), { timeout: 10_000 }).toBe(itemId)

  it('seeds a week: two Red items, one Yellow, one Green', async () => {
    const admin = await suite.server.signIn('admin', 'Ada Admin')
    const workspace = connectClient(suite.server.wsUrl, 'workspace', { cookie: admin.cookie })
    clients.push(workspace)
    await waitForSync(workspace.provider)
    const team = addTeam(workspace.doc, 'Payments')
    okrs = ['Cut checkout latency', 'Ship refunds', 'Retire the old ledger', 'Keep the lights on'].map((objective) =>
      addOkr(workspace.doc, { objective, teamId: team.id, domain: 'product' }),
    )
    // The server reads the workspace while creating the week: the OKRs must be there first.
    const server = await suite.server.server.documents.get('workspace')
    await waitFor(() => server.ydoc.getMap('okrs').size, (n) => n === 4, 10_000, 'OKRs on the server')
    const created = await fetch(`${suite.server.url}/api/weeks/${WEEK}`, { method: 'POST', headers: admin.headers() })
    expect(created.status).toBe(201)

    week = connectClient(suite.server.wsUrl, weekDocName(WEEK), { cookie: admin.cookie })
    clients.push(week)
    await waitForSync(week.provider)
    await waitFor(() => listItems(week.doc).length, (n) => n === 4)
    const [a, b, c, d] = okrs as [Okr, Okr, Okr, Okr]
    setStatus(week.doc, a.id, 'red')
    setStatus(week.doc, b.id, 'red')
    setStatus(week.doc, c.id, 'yellow')
    setStatus(week.doc, d.id, 'green')
    const watcher = connectClient(suite.server.wsUrl, weekDocName(WEEK), suite.server.token('team-lead', 'Watcher'))
    clients.push(watcher)
    await waitFor(() => readItem(watcher.doc, c.id)?.status, (status) => status === 'yellow', 10_000, 'statuses on the server')
  })

  it('a chief of staff claims and steps through the agenda; a lead and a team lead follow', async () => {
    const [a, b] = okrs as [Okr, Okr]
    cass = await suite.server.signIn('chief-of-staff', 'Cass Ruiz')
    pat = await suite.server.signIn('product-lead', 'Pat Lee')
    const tia = await suite.server.signIn('team-lead', 'Tia Team', { team: 'Mobile' })
    ;[cassPage, patPage, tiaPage] = await Promise.all([open(cass), open(pat), open(tia)])

    for (const page of [cassPage, patPage, tiaPage]) {
      await expect.poll(() => bar(page).locator('[data-meeting-facilitator]').innerText()).toContain('Nobody is facilitating yet.')
      await expect.poll(() => bar(page).locator('.meeting-progress').innerText()).toContain('0 of 3 discussed · 3 left')
      expect(await bar(page).getByRole('progressbar').getAttribute('aria-valuemax')).toBe('3')
    }
    await bar(cassPage).getByRole('button', { name: 'Facilitate' }).click()
    for (const page of [patPage, tiaPage]) {
      const facilitator = bar(page).locator(`[data-meeting-facilitator="${cass.identity.id}"]`)
      await facilitator.waitFor({ timeout: 10_000 })
      expect(await facilitator.innerText()).toContain('Facilitated by Cass Ruiz (Chief of Staff)')
    }
    // The lead may take the meeting back or hand it on, but does not steer it meanwhile.
    await bar(patPage).getByRole('button', { name: 'Take over' }).waitFor()
    expect(await bar(patPage).getByRole('button', { name: 'Hand over…' }).count()).toBe(1)
    expect(await bar(patPage).locator('[data-meeting-control="next"], [data-timer-toggle]').count()).toBe(0)

    // The first Red item, then the next: every screen says the same, and the board's rows follow.
    await bar(cassPage).getByRole('button', { name: 'Start with the first item' }).click()
    for (const page of [cassPage, patPage, tiaPage]) await expectFocus(page, a.id)
    expect(await bar(tiaPage).locator('.meeting-now').textContent()).toMatch(/Now discussing:?\s*Cut checkout latency/)
    await bar(cassPage).getByRole('button', { name: /Next/ }).click()
    for (const page of [patPage, tiaPage]) {
      await expectFocus(page, b.id)
      await page.locator(`[data-item-id="${b.id}"][data-focused="true"]`).waitFor({ timeout: 10_000 })
    }
    expect(await bar(patPage).locator('.meeting-now').innerText()).toContain('Ship refunds')
  })

  it('a team lead sees all of it with no controls, and no shortcut does anything', async () => {
    expect(await bar(tiaPage).locator('button, input, select, textarea').count()).toBe(0)
    expect(await bar(tiaPage).locator('[role="timer"]').count()).toBe(1)
    await tiaPage.keyboard.press('?')
    await tiaPage.keyboard.press('n')
    await tiaPage.keyboard.press('t')
    // Cass's focus move after the presses arrives; the presses changed nothing before it.
    const [, b, c] = okrs as [Okr, Okr, Okr]
    await bar(cassPage).getByRole('button', { name: /Next/ }).click()
    await expectFocus(tiaPage, c.id)
    expect(await tiaPage.locator('dialog[open]').count()).toBe(0)
    expect(await bar(tiaPage).locator('[role="timer"]').getAttribute('data-timer-running')).toBe('false')
    await bar(cassPage).getByRole('button', { name: /Previous/ }).click()
    await expectFocus(tiaPage, b.id)
  })

  it('a lead steps away and keeps their own place, then rejoins and jumps to the current focus', async () => {
    const [a, b, c] = okrs as [Okr, Okr, Okr]
    await bar(patPage).getByRole('button', { name: 'Step away' }).click()
    await bar(patPage).getByText('You stepped away').waitFor()
    expect(await currentItem(patPage)).toBe(b.id)
    expect(await bar(patPage).getAttribute('data-meeting-following')).toBe('false')

    // The facilitator moves on: the lead's bar says so, but their screen stays where it was.
    await bar(cassPage).getByRole('button', { name: /Previous/ }).click()
    await expectFocus(patPage, a.id)
    await expectFocus(tiaPage, a.id)
    expect(await currentItem(patPage)).toBe(b.id)
    expect(await currentItem(tiaPage)).toBe(a.id)
    await patPage.locator(`[data-item-id="${b.id}"][data-selected="true"]`).waitFor()
    expect(await patPage.locator('[data-item-id][data-focused="true"]').count()).toBe(0)

    // Stepped away, N moves only this screen.
    await patPage.keyboard.press('n')
    await expect.poll(() => currentItem(patPage)).toBe(c.id)
    await patPage.locator(`[data-item-id="${c.id}"][data-selected="true"]`).waitFor()
    expect(await meetingFocus(cassPage)).toBe(a.id)

    await bar(patPage).getByRole('button', { name: 'Rejoin' }).click()
    await expect.poll(() => currentItem(patPage)).toBe(a.id)
    expect(await bar(patPage).getAttribute('data-meeting-following')).toBe('true')
    await patPage.locator(`[data-item-id="${a.id}"][data-focused="true"][data-selected="true"]`).waitFor()
    // Following again: the next move reaches this screen.
    await bar(cassPage).getByRole('button', { name: /Next/ }).click()
    await expect.poll(() => currentItem(patPage)).toBe(b.id)
  })

  it('shows the same time left on every screen, even where the computer clock is ten minutes off', async () => {
    const eli = await suite.server.signIn('engineering-lead', 'Eli Chen')
    eliPage = await open(eli, SKEW_MS)
    await bar(eliPage).locator(`[data-meeting-facilitator="${cass.identity.id}"]`).waitFor()

    await bar(cassPage).getByLabel('Minutes', { exact: true }).fill('2')
    await bar(cassPage).getByRole('button', { name: 'Start timer' }).click()
    for (const page of [cassPage, eliPage, tiaPage]) {
      await bar(page).locator('[role="timer"][data-timer-running="true"]').waitFor({ timeout: 10_000 })
    }
    const first = await Promise.all([remainingMs(cassPage), remainingMs(eliPage), remainingMs(tiaPage)])
    for (const ms of first) {
      expect(ms).toBeGreaterThan(100_000)
      expect(ms).toBeLessThanOrEqual(120_000)
    }
    // Read at (nearly) the same moment: within a tick and a half of each other, not ten minutes.
    expect(Math.abs(first[0] - first[1])).toBeLessThanOrEqual(1500)
    expect(Math.abs(first[0] - first[2])).toBeLessThanOrEqual(1500)
    expect(await bar(eliPage).locator('[role="timer"]').getAttribute('data-timer-over')).toBe('false')
    expect(await bar(eliPage).locator('[role="timer"]').getAttribute('aria-label')).toMatch(/^Timer: (2 minutes|1 minute \d+ seconds?) left, running$/)

    // It counts down.
    await new Promise((resolve) => setTimeout(resolve, 1200))
    const later = await Promise.all([remainingMs(cassPage), remainingMs(eliPage)])
    expect(later[0]).toBeLessThan(first[0])
    expect(later[1]).toBeLessThan(first[1])
    expect(Math.abs(later[0] - later[1])).toBeLessThanOrEqual(1500)

    // T pauses it (the facilitator's shortcut): every screen shows exactly the time it was paused at.
    await cassPage.locator('body').click({ position: { x: 5, y: 5 } })
    await cassPage.keyboard.press('t')
    for (const page of [cassPage, eliPage, tiaPage]) await bar(page).locator('[role="timer"][data-timer-running="false"]').waitFor({ timeout: 10_000 })
    const paused = await Promise.all([remainingMs(cassPage), remainingMs(eliPage), remainingMs(tiaPage)])
    expect(new Set(paused).size).toBe(1)
    expect(await bar(tiaPage).locator('[role="timer"]').textContent()).toMatch(/^1:\d\dPaused$/)
  })

  it('says "Over time" in words when the time is up', async () => {
    // The facilitator's second tab (a Node client with her session) sets the shortest timer.
    const tab = await connectSocketClient(suite.server.url, { cookie: cass.cookie })
    try {
      expect(await tab.send('meeting:join', { weekId: WEEK })).toMatchObject({ ok: true })
      expect(await tab.send('meeting:timer', { weekId: WEEK, action: 'reset', seconds: 10 })).toMatchObject({ ok: true })
      expect(await tab.send('meeting:timer', { weekId: WEEK, action: 'start' })).toMatchObject({ ok: true })
    } finally {
      tab.close()
    }
    for (const page of [eliPage, tiaPage]) {
      const timer = bar(page).locator('[role="timer"][data-timer-over="true"]')
      await timer.waitFor({ timeout: 15_000 })
      expect(await timer.textContent()).toContain('Over time')
      expect(await timer.getAttribute('data-timer-remaining-ms')).toBe('0')
    }
  })

  it('opens the shortcut help with ?, moves the focus with N and P, and never fires while typing', async () => {
    const [a, b, c] = okrs as [Okr, Okr, Okr]
    await expectFocus(cassPage, b.id)
    await cassPage.locator('body').click({ position: { x: 5, y: 5 } })
    await cassPage.keyboard.press('?')
    const help = cassPage.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    const text = await help.innerText()
    expect(text).toContain('Discuss the next item')
    expect(text).toContain('Start or pause the timer')
    expect(text).not.toContain('Step away') // the facilitator never steps away
    await cassPage.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })

    // Typed into the minutes field, "n" is text; the next shortcut outside it is the first to act.
    const minutes = bar(cassPage).getByLabel('Minutes', { exact: true })
    await minutes.focus()
    await cassPage.keyboard.press('n')
    await cassPage.locator('body').click({ position: { x: 5, y: 5 } })
    await cassPage.keyboard.press('p')
    for (const page of [cassPage, tiaPage]) await expectFocus(page, a.id)
    await cassPage.keyboard.press('Control+n').catch(() => {})
    await cassPage.keyboard.press('n')
    await expectFocus(tiaPage, b.id)
    await cassPage.keyboard.press('n')
    await expectFocus(tiaPage, c.id)
    // The status keys act on the item the facilitator's own screen is on: wait for it to be there.
    await expectFocus(cassPage, c.id)

    // G sets the focused item's status: it turns Green in the document and leaves the agenda.
    await cassPage.keyboard.press('g')
    await waitFor(() => readItem(week.doc, c.id)?.status, (status) => status === 'green', 10_000, 'Green from the shortcut')
    await expect.poll(() => bar(tiaPage).locator('.meeting-progress').innerText()).toContain('0 of 2 discussed · 2 left')
  })

  it('hands the meeting over from the menu, and a lead takes it back', async () => {
    await bar(patPage).getByRole('button', { name: 'Take over' }).click()
    await bar(tiaPage).locator('[data-meeting-facilitator]').getByText('Facilitated by Pat Lee (Product Lead)').waitFor({ timeout: 10_000 })
    await bar(patPage).getByRole('button', { name: 'Hand over…' }).click()
    await bar(patPage).getByRole('button', { name: 'Cass Ruiz (Chief of Staff)' }).click()
    await bar(tiaPage).locator(`[data-meeting-facilitator="${cass.identity.id}"]`).waitFor({ timeout: 10_000 })
    await bar(cassPage).getByRole('button', { name: /Next|Start with/ }).first().waitFor()
  })

  it('shows a closed week with no controls', async () => {
    const closed = await fetch(`${suite.server.url}/api/weeks/${WEEK}/close`, { method: 'POST', headers: pat.headers() })
    expect(closed.status).toBe(200)
    for (const page of [cassPage, patPage]) {
      await page.locator('[data-week-closed]').waitFor({ timeout: 10_000 })
      await expect.poll(() => bar(page).locator('button, input').count(), { timeout: 10_000 }).toBe(0)
      // The meeting still shows who ran it; its timebox is over, so no timer runs on.
      expect(await bar(page).locator('[data-meeting-facilitator]').innerText()).toContain('Cass Ruiz')
      expect(await bar(page).locator('[role="timer"]').count()).toBe(0)
    }
    for (const page of [cassPage, patPage, tiaPage, eliPage]) expect(pageErrors(page)).toEqual([])
  })
})
