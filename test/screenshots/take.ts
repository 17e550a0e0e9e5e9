/**
 * `npm run screenshots`: the README's pictures, taken from the real thing. Starts a server on an
 * empty data directory, loads the first-run demo, and plays the first minutes of a Monday review:
 * the Engineering Lead's chief of staff facilitates, records a decision on the first Red item,
 * moves on to the next one and starts the timer, while the Product Lead, the Engineering Lead and
 * a team lead follow. Then it writes
 *
 * - docs/screenshots/agenda.png: the board as the Engineering Lead sees it (editable);
 * - docs/screenshots/read-only.png: the same moment as the team lead sees it (read-only).
 *
 * It drives the page by the same accessible names and data attributes as the browser tests, so a
 * renamed button fails here loudly instead of producing a picture of the wrong screen; and it
 * refuses to write pictures of a page that logged an error.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Locator, Page } from 'playwright-core'
import { launchBrowser } from '../support/chromium.js'
import { startServer, type TestSession } from '../support/server.js'

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')
/** A laptop's screen; the layout is the same on a projector at this width. */
const VIEWPORT = { width: 1440, height: 900 }
const DECISION = 'Escalate to the PSP this week; keep the delayed EU launch date'
/** Long enough that the timer reads as running (4:5x), short enough to keep the script quick. */
const TIMER_RUNS_MS = 4_000

/** One person's page, and the errors it logged since it opened. */
interface Person {
  page: Page
  errors: string[]
}

const bar = (page: Page): Locator => page.locator('section[aria-label="Live meeting"]')

/** Opens this week's board for one person in a browser context of their own, and waits until it is live. */
async function open(browser: Browser, baseUrl: string, session: TestSession): Promise<Person> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: 'reduce' })
  const eq = session.cookie.indexOf('=')
  await context.addCookies([
    { name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
  await page.goto(baseUrl)
  await page.locator('[data-section="discuss"] [data-item-id]').first().waitFor({ timeout: 30_000 })
  await bar(page).and(page.locator('[data-meeting-status="live"]')).waitFor({ timeout: 30_000 })
  return { page, errors }
}

/** Waits until a page shows the meeting at this point: focused item, running timer, progress. */
async function waitForMoment(page: Page, focusId: string, progress: string): Promise<void> {
  await page.locator(`[data-item-id="${focusId}"][data-focused="true"]`).waitFor({ timeout: 10_000 })
  await bar(page).locator('[role="timer"][data-timer-running="true"]').waitFor({ timeout: 10_000 })
  await bar(page).locator(`[data-meeting-progress="${progress}"]`).waitFor({ timeout: 10_000 })
}

/**
 * The page from its top (header, meeting bar, who is here) down to the end of the item being
 * discussed: the whole agenda is several screens long at projector type sizes, and what follows
 * the focused item adds nothing to the picture.
 */
async function shoot(person: Person, focusId: string, file: string): Promise<void> {
  const { page, errors } = person
  if (errors.length > 0) throw new Error(`the page logged errors, so no picture was taken:\n${errors.join('\n')}`)
  await page.mouse.move(0, 0)
  await page.evaluate(() => window.scrollTo(0, 0))
  // Cut halfway between the focused row and the next one, so no sliver of the next row shows.
  const bottom = await page.locator(`[data-item-id="${focusId}"]`).evaluate((row) => {
    const end = row.getBoundingClientRect().bottom + window.scrollY
    const next = row.nextElementSibling
    return next ? (end + next.getBoundingClientRect().top + window.scrollY) / 2 : end + 24
  })
  const height = Math.max(VIEWPORT.height, Math.ceil(bottom))
  await page.screenshot({ path: path.join(OUT, file), fullPage: true, clip: { x: 0, y: 0, width: VIEWPORT.width, height } })
}

/** The item the facilitator's bar shows as focused once the focus has moved on from `previous` (null: from nothing). */
async function focusAfter(facilitatorBar: Locator, previous: string | null): Promise<string> {
  const notPrevious = previous === null ? '' : `:not([data-meeting-focus="${previous}"])`
  const moved = facilitatorBar.locator(`[data-meeting-focus]:not([data-meeting-focus=""])${notPrevious}`)
  await moved.waitFor({ timeout: 10_000 })
  return (await moved.getAttribute('data-meeting-focus'))!
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true })
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const lead = await server.signIn('engineering-lead', 'Eli Chen')
    const demo = await fetch(`${server.url}/api/demo`, { method: 'POST', headers: lead.headers() })
    if (demo.status !== 201) throw new Error(`loading the demo failed: ${demo.status} ${await demo.text()}`)
    const [productLead, chiefOfStaff, teamLead] = await Promise.all([
      server.signIn('product-lead', 'Maya Brooks'),
      server.signIn('chief-of-staff', 'Cass Ruiz', { worksFor: 'engineering-lead' }),
      server.signIn('team-lead', 'Sam Ortiz', { team: 'Mobile Apps' }),
    ])

    const chief = await open(browser, server.url, chiefOfStaff)
    const people = [chief, ...(await Promise.all([lead, productLead, teamLead].map((session) => open(browser, server.url, session))))]
    const [, engineeringLead, , viewer] = people as [Person, Person, Person, Person]

    // The chief of staff facilitates on the Engineering Lead's behalf and opens the first item.
    const chiefBar = bar(chief.page)
    await chiefBar.getByRole('button', { name: 'Facilitate' }).click()
    await chiefBar.locator('[data-meeting-facilitator]').filter({ hasText: 'Facilitated by Cass Ruiz' }).waitFor()
    await chiefBar.getByRole('button', { name: 'Start with the first item' }).click()
    const first = await focusAfter(chiefBar, null)

    // The review decides on it; the next item comes up and its five minutes start.
    const firstRow = chief.page.locator(`[data-item-id="${first}"]`)
    await firstRow.getByRole('radio', { name: 'Decision' }).check()
    await firstRow.getByLabel('The decision, in one line').fill(DECISION)
    await firstRow.getByRole('button', { name: 'Record outcome' }).click()
    await chiefBar.locator('[data-meeting-progress^="1/"]').waitFor({ timeout: 10_000 })
    await chiefBar.getByRole('button', { name: /Next/ }).click()
    const second = await focusAfter(chiefBar, first)
    await chiefBar.getByRole('button', { name: 'Start timer' }).click()

    const progress = (await chiefBar.locator('[data-meeting-progress]').getAttribute('data-meeting-progress'))!
    await Promise.all(people.map((person) => waitForMoment(person.page, second, progress)))
    await engineeringLead.page.waitForTimeout(TIMER_RUNS_MS)

    await shoot(engineeringLead, second, 'agenda.png')
    await shoot(viewer, second, 'read-only.png')
    console.log(`wrote ${path.join(OUT, 'agenda.png')} and ${path.join(OUT, 'read-only.png')}`)
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
