/**
 * The board with 300 OKRs in Chromium: a remote edit of one item renders that item's row and no
 * other, and a note edit (which moves nothing on the agenda) does not render the list either. The
 * page counts renders in window.__fourwallRenders (client/src/board/renderCount.ts) when a test
 * creates it before the page loads.
 */
import { currentWeekId, setNote, setStatus, weekDocName, type Status } from '@fourwall/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReview, editWeek, seedOkrs } from '../support/board.js'
import { newIsolatedPage, pageErrors, useServerAndBrowser, waitForConnection } from '../support/browser.js'
import { connectClient, waitForSync } from '../support/yclient.js'

const OKRS = 300

/** 20 Red, 30 Yellow, 50 without a status, 200 Green: every section of the agenda has rows. */
function statusOf(index: number): Status {
  if (index < 20) return 'red'
  if (index < 50) return 'yellow'
  if (index < 100) return 'unset'
  return 'green'
}

type Renders = Record<string, Record<string, number>>

describe('rendering a 300-item board', () => {
  const suite = useServerAndBrowser()
  const week = currentWeekId()
  let ids: string[] = []

  beforeAll(async () => {
    ids = await seedOkrs(
      suite.server,
      Array.from({ length: OKRS }, (_, index) => ({ objective: `Objective ${String(index).padStart(3, '0')}`, keyResults: ['Ship it'] })),
    )
    await createReview(suite.server, week)
    await editWeek(suite.server, week, (doc) => {
      doc.transact(() => ids.forEach((id, index) => setStatus(doc, id, statusOf(index))))
    })
  })

  it('renders only the changed row on a remote status change and a remote note change', async () => {
    const session = await suite.server.signIn('editor', 'Ed Itor')
    const page = await newIsolatedPage(suite.browser)
    suite.pages.push(page)
    await page.addInitScript(() => {
      ;(window as unknown as { __fourwallRenders: Renders }).__fourwallRenders = {}
    })
    const eq = session.cookie.indexOf('=')
    await page.context().addCookies([{ name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: suite.server.url }])
    await page.goto(suite.server.url)
    await waitForConnection(page, 'live')
    await page.locator('[data-section="discuss"] [data-item-id]').nth(49).waitFor()
    await page.getByRole('button', { name: '200 green, skipped' }).click()
    await expect.poll(() => page.locator('[data-item-id]').count(), { timeout: 20_000 }).toBe(OKRS)

    const renders = (): Promise<Renders> => page.evaluate(() => (window as unknown as { __fourwallRenders: Renders }).__fourwallRenders)
    const reset = (): Promise<void> =>
      page.evaluate(() => {
        ;(window as unknown as { __fourwallRenders: Renders }).__fourwallRenders = {}
      })
    // Every row rendered at least once so far: the counter works, so the zeros below mean something.
    expect(Object.keys((await renders())['item-row'] ?? {})).toHaveLength(OKRS)

    const writer = connectClient(suite.server.wsUrl, weekDocName(week), suite.server.token('editor', 'Remote Editor'))
    suite.clients.push(writer)
    await waitForSync(writer.provider)

    // A Yellow item turns Red: it moves up the agenda, and only its row renders.
    const turning = ids[30]!
    await reset()
    setStatus(writer.doc, turning, 'red')
    await page.locator(`[data-section="discuss"] [data-item-id="${turning}"][data-status="red"]`).waitFor({ timeout: 10_000 })
    const afterStatus = await renders()
    expect(Object.keys(afterStatus['item-row'] ?? {})).toEqual([turning])
    // It now sits with the Red items, after the 20 that were Red before it (longest at risk first, then board order).
    const discussOrder = await page.locator('[data-section="discuss"] [data-item-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-item-id')))
    expect(discussOrder.indexOf(turning)).toBe(20)

    // A Green item's note changes: its row renders, no other row, and not the list.
    const noted = ids[250]!
    await reset()
    setNote(writer.doc, noted, 'Load test passed on Friday')
    await expect
      .poll(() => page.locator(`[data-item-id="${noted}"] [data-note]`).textContent(), { timeout: 10_000 })
      .toBe('Load test passed on Friday')
    const afterNote = await renders()
    expect(Object.keys(afterNote['item-row'] ?? {})).toEqual([noted])
    expect(afterNote['agenda']?.['list'] ?? 0).toBe(0)

    expect(pageErrors(page)).toEqual([])
  })
})
