/**
 * Issue 4's acceptance, end to end in headless Chromium with three people on three laptops (browser
 * contexts): the Engineering Lead, her chief of staff and a team lead, on the same week's board.
 *
 * 1. The chief of staff turns a Green item Red; the lead's agenda shows it under "To discuss"
 *    within a second (both times taken on the pages, which share this machine's clock).
 * 2. The lead facilitates and opens that item; the other two screens follow.
 * 3. The lead starts the timer; all three show the same time left.
 * 4. The team lead sees everything (status in words, the note, the focus, the timer) and can change
 *    nothing: no writable control on the board, and the shortcut keys do nothing.
 * 5. The lead records a decision and closes the review: the summary's Markdown holds the item and
 *    its outcome, and the other screens turn read-only.
 */
import type { Page } from 'playwright-core'
import { readItem, weekDocName } from '@fourwall/shared'
import { describe, expect, it } from 'vitest'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { seedBoard, type SeededBoard } from '../support/board.js'
import type { TestSession } from '../support/server.js'
import { connectClient, waitForSync } from '../support/yclient.js'

const WEEK = '2026-W40'
const TURNS_RED = 'Launch the Android app in Brazil'
const DECISION = 'Move two mobile engineers from Search to the Android launch'

describe('the Monday review with a lead, a chief of staff and a team lead', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let board: SeededBoard
  let lead: Page
  let chief: Page
  let teamLead: Page
  let itemId: string

  const row = (page: Page, id = itemId) => page.locator(`[data-item-id="${id}"]`)
  const bar = (page: Page) => page.locator('section[aria-label="Live meeting"]')
  const open = async (session: TestSession): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, `/week/${WEEK}`)
    pages.push(page)
    await page.locator('[data-section="discuss"] [data-item-id]').first().waitFor({ timeout: 15_000 })
    await bar(page).and(page.locator('[data-meeting-status="live"]')).waitFor({ timeout: 15_000 })
    return page
  }

  it('opens the week on three laptops', async () => {
    board = await seedBoard(suite.server, WEEK, [
      { objective: 'Cut checkout latency in half', team: 'Payments', status: 'red', note: 'Blocked on the ledger migration' },
      { objective: 'Ship self-serve refunds', team: 'Payments', status: 'yellow', note: 'Legal review pending' },
      { objective: TURNS_RED, team: 'Mobile', domain: 'product', status: 'green', note: 'On track for the 12th' },
      { objective: 'Retire the old search cluster', team: 'Search', domain: 'engineering', status: 'green' },
      { objective: 'Hire two SREs', team: 'Platform', domain: 'engineering' },
    ])
    itemId = board.idOf(TURNS_RED)
    const [sam, ana, tom] = await Promise.all([
      suite.server.signIn('engineering-lead', 'Sam Lead'),
      suite.server.signIn('chief-of-staff', 'Ana Chief', { worksFor: 'engineering-lead' }),
      suite.server.signIn('team-lead', 'Tom Team', { team: 'Mobile' }),
    ])
    ;[lead, chief, teamLead] = await Promise.all([open(sam), open(ana), open(tom)])
    // Green is skipped: the item sits folded away until somebody says otherwise.
    expect(await row(lead).count()).toBe(0)
    expect(await lead.locator('[data-section="green"]').innerText()).toContain('2 green, skipped')
  })

  it('the chief of staff sets the item Red and the lead sees it on the agenda within a second', async () => {
    await chief.locator('[data-section="green"] button[aria-expanded="false"]').click()
    await row(chief).locator('.item-row__toggle').click()
    const red = row(chief).getByRole('radio', { name: 'Red' })
    await red.waitFor()

    // Both timestamps come from the pages (one browser, one clock): the click on the chief's radio
    // (React writes the status in its click handler), and the moment the lead's "To discuss" list holds the item as Red.
    const shownOnLeads = lead.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          const selector = `[data-section="discuss"] [data-item-id="${id}"][data-status="red"]`
          const check = () => {
            if (!document.querySelector(selector)) return false
            resolve(Date.now())
            return true
          }
          if (check()) return
          const observer = new MutationObserver(() => check() && observer.disconnect())
          observer.observe(document.body, { subtree: true, childList: true, attributes: true })
        }),
      itemId,
    )
    await chief.evaluate((id) => {
      const onChange = (event: Event): void => {
        const target = event.target as HTMLInputElement
        if (target.type !== 'radio' || target.value !== 'red' || !target.closest(`[data-item-id="${id}"]`)) return
        ;(window as unknown as { redAt: number }).redAt = Date.now()
        document.removeEventListener('click', onChange, true)
      }
      document.addEventListener('click', onChange, true)
    }, itemId)
    await red.check()
    const leadSawAt = await shownOnLeads
    const chiefSetAt = await chief.evaluate(() => (window as unknown as { redAt: number }).redAt)
    expect(leadSawAt - chiefSetAt).toBeLessThan(1_000)

    // Red comes first, and the lead reads it in words, not only in colour.
    const discuss = lead.locator('[data-section="discuss"] [data-item-id]')
    await expect.poll(() => discuss.count()).toBe(3)
    expect(await row(lead).innerText()).toContain('Red')
    await expect.poll(() => bar(lead).locator('.meeting-progress').innerText()).toContain('0 of 3 discussed · 3 left')
  })

  it('the lead focuses it and the chief of staff and the team lead follow', async () => {
    await bar(lead).getByRole('button', { name: 'Facilitate' }).click()
    await bar(chief).locator('[data-meeting-facilitator]').filter({ hasText: 'Facilitated by Sam Lead' }).waitFor({ timeout: 10_000 })
    // Both Red items were red this week only, so the board order decides: step to our item.
    const focusOf = () => bar(lead).locator('[data-meeting-focus]').getAttribute('data-meeting-focus')
    await bar(lead).getByRole('button', { name: 'Start with the first item' }).click()
    await expect.poll(focusOf).toBe(board.idOf('Cut checkout latency in half'))
    await bar(lead).getByRole('button', { name: /Next/ }).click()
    await expect.poll(focusOf).toBe(itemId)
    for (const page of [lead, chief, teamLead]) {
      await row(page).and(page.locator('[data-focused="true"]')).waitFor({ timeout: 5_000 })
      expect(await row(page).innerText()).toMatch(/now discussing/i)
      expect(await page.locator('[data-focused="true"]').count()).toBe(1)
    }
  })

  it('the timer started by the lead shows the same time left on all three screens', async () => {
    await bar(lead).getByRole('button', { name: 'Start timer' }).click()
    for (const page of [chief, teamLead]) {
      await bar(page).locator('[role="timer"][data-timer-running="true"]').waitFor({ timeout: 5_000 })
    }
    // Let a few ticks pass, then read all three at the same moment.
    await lead.waitForTimeout(1_200)
    const remaining = await Promise.all(
      [lead, chief, teamLead].map(async (page) => Number(await bar(page).locator('[role="timer"]').getAttribute('data-timer-remaining-ms'))),
    )
    for (const ms of remaining) {
      expect(ms).toBeLessThan(300_000)
      expect(ms).toBeGreaterThan(240_000)
    }
    // The display re-renders every 250 ms, so two screens may be one tick apart.
    expect(Math.max(...remaining) - Math.min(...remaining)).toBeLessThanOrEqual(1_000)
  })

  it('the team lead sees everything and can change nothing', async () => {
    const seen = await row(teamLead).innerText()
    expect(seen).toContain(TURNS_RED)
    expect(seen).toContain('Red')
    expect(seen).toContain('On track for the 12th')
    expect(await teamLead.locator('[data-read-only]').count()).toBe(1)
    const writable = teamLead.locator('main input, main textarea, main select, main [contenteditable="true"]')
    expect(await writable.count()).toBe(0)
    expect(await bar(teamLead).locator('button, input, select').count()).toBe(0)

    // The status keys do nothing for a viewer: the item stays Red on the server.
    await teamLead.locator('body').press('g')
    await teamLead.locator('body').press('n')
    const check = connectClient(suite.server.wsUrl, weekDocName(WEEK), suite.server.token('editor', 'Checker'))
    clients.push(check)
    await waitForSync(check.provider)
    await teamLead.waitForTimeout(300)
    expect(readItem(check.doc, itemId)?.status).toBe('red')
    expect(await bar(lead).locator('[data-meeting-focus]').getAttribute('data-meeting-focus')).toBe(itemId)
  })

  it('the lead records a decision and closes the review; the summary holds the item and its outcome', async () => {
    const focused = row(lead)
    await focused.getByRole('radio', { name: 'Decision' }).check()
    await focused.getByLabel('The decision, in one line').fill(DECISION)
    await focused.getByRole('button', { name: /Record outcome/ }).click()
    // The others see the outcome arrive.
    await expect.poll(() => row(teamLead).innerText(), { timeout: 5_000 }).toContain(DECISION)
    await expect.poll(() => bar(chief).locator('.meeting-progress').innerText()).toContain('1 of 3 discussed · 2 left')

    await lead.getByRole('button', { name: 'Close review' }).click()
    await lead.getByRole('dialog', { name: 'Close this review?' }).getByRole('button', { name: 'Close the review' }).click()
    const summary = lead.locator('[data-summary-markdown]')
    await summary.waitFor({ timeout: 10_000 })
    const markdown = (await summary.getAttribute('data-summary-markdown'))!
    const line = markdown.split('\n').findIndex((text) => text.includes(TURNS_RED))
    expect(line).toBeGreaterThanOrEqual(0)
    expect(markdown).toContain(`Decision: ${DECISION}`)
    // The outcome is written under its item, not only in the decisions list at the end.
    expect(markdown.split('\n').slice(line, line + 8).join('\n')).toContain(DECISION)

    // Everyone else's screen turns read-only: no editor controls, a closed notice.
    for (const page of [chief, teamLead]) {
      await page.locator('[data-week-closed]').waitFor({ timeout: 5_000 })
      expect(await page.locator('main input[type="radio"]').count()).toBe(0)
    }
    for (const page of [lead, chief, teamLead]) expect(pageErrors(page)).toEqual([])
  })
})
