/**
 * Accessibility and layout of the whole client, in Chromium with axe-core: the demo board as the
 * Engineering Lead running the meeting (on a laptop, a projector and a narrow window), as a team
 * lead (read-only), an open item, the green fold, every dialog, the workspace page, each admin tab,
 * and the screens before signing in. No serious or critical axe violation is allowed anywhere
 * (colour contrast included). The keyboard: Tab reaches every control of the board in reading
 * order with a visible focus ring, dialogs keep focus inside, Escape closes them and focus goes
 * back to what opened them. Set FOURWALL_SCREENSHOTS=/some/dir to keep a picture of each view.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { closePage, newPageWithSession, newSignedOutPage, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { startServer, type TestSession } from '../support/server.js'

const require = createRequire(import.meta.url)
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js')

const LAPTOP = { width: 1280, height: 800 }
const PROJECTOR = { width: 1920, height: 1080 }
const NARROW = { width: 1024, height: 768 }

/** What a failing check prints: enough to find the element and the rule without re-running. */
interface Finding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe-core on the page as it is now; returns its serious and critical violations. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe
    // Every rule axe has (WCAG A/AA, best practices, colour contrast); only the verdicts are needed.
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  })
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

function describeFindings(where: string, findings: readonly Finding[]): string {
  return [
    `${findings.length} serious or critical accessibility problem(s) on ${where}:`,
    ...findings.map((finding) => `- ${finding.id} (${finding.impact}): ${finding.help}\n    ${finding.targets.join('\n    ')}`),
  ].join('\n')
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  await screenshot(page, where)
  const findings = await seriousViolations(page)
  expect(findings, describeFindings(where, findings)).toEqual([])
}

/** Keeps a picture of the view for a person to look at, when FOURWALL_SCREENSHOTS names a folder. */
async function screenshot(page: Page, where: string): Promise<void> {
  const folder = process.env.FOURWALL_SCREENSHOTS
  if (!folder) return
  fs.mkdirSync(folder, { recursive: true })
  await page.screenshot({ path: path.join(folder, `${where.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) })
}

/** The page is as wide as the window: nothing has to be scrolled sideways to be read. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
  expect(scrollWidth, `${where} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth)
}

/** Waits until nothing on the page says it is loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 15_000 })
}

/** Where Tab stopped: the control (as a person would name it), and whether that stop is usable. */
interface Stop {
  /** The same for the same element, however often it is reached (a date field takes several Tabs). */
  key: number
  name: string
  inDialog: boolean
  ring: boolean
  seen: boolean
}

async function focusedControl(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!(element instanceof HTMLElement) || element === document.body) return null
    const registry = ((window as unknown as { a11yStops?: { keys: WeakMap<Element, number>; next: number } }).a11yStops ??= {
      keys: new WeakMap(),
      next: 0,
    })
    if (!registry.keys.has(element)) registry.keys.set(element, registry.next++)
    const style = getComputedStyle(element)
    const labels = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element.labels : null
    const label = element.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? null
    const box = element.getBoundingClientRect()
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return {
      key: registry.keys.get(element)!,
      name: `${element.tagName.toLowerCase()} "${(label ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`,
      inDialog: element.closest('dialog[open]') !== null,
      // A focus ring that shows: a real outline (or a box shadow), at least 2px, not transparent.
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)') ||
        style.boxShadow !== 'none',
      // In the window and not hidden under something else (the meeting bar that stays at the top).
      seen: hit !== null && (element.contains(hit) || hit.contains(element)),
    }
  })
}

/**
 * Presses Tab from the very top of the page until focus comes round again or leaves the page (or
 * `limit` presses), and returns each control it stopped on, once, in order.
 */
async function tabThrough(page: Page, limit: number): Promise<Stop[]> {
  // Focus a stand-in before everything else, so the first Tab goes where it goes on a fresh page.
  await page.evaluate(() => {
    window.scrollTo(0, 0)
    const start = document.createElement('span')
    start.tabIndex = -1
    start.dataset.tabStart = ''
    document.body.prepend(start)
    start.focus()
  })
  const stops: Stop[] = []
  try {
    for (let press = 0; press < limit; press++) {
      await page.keyboard.press('Tab')
      const focused = await focusedControl(page)
      if (focused === null || focused.key === stops[0]?.key) break
      if (focused.key !== stops.at(-1)?.key) stops.push(focused)
    }
  } finally {
    await page.evaluate(() => document.querySelector('[data-tab-start]')?.remove())
  }
  return stops
}

/** Each control Tab reached showed a focus ring and was not hidden under the meeting bar. */
function expectEveryStopVisible(stops: readonly Stop[]): void {
  expect(stops.filter((stop) => !stop.ring).map((stop) => stop.name), 'controls without a visible focus ring').toEqual([])
  expect(stops.filter((stop) => !stop.seen).map((stop) => stop.name), 'controls focused out of sight').toEqual([])
}

/** How many controls on the page Tab should reach: visible, enabled, not taken out of the order (one per radio group). */
async function tabbableCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const candidates = document.body.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')
    const radioGroups = new Set<string>()
    let count = 0
    for (const element of Array.from(candidates)) {
      if (element.matches(':disabled') || element.tabIndex < 0 || element.closest('[inert], [hidden]')) continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (getComputedStyle(element).visibility === 'hidden') continue
      if (element instanceof HTMLInputElement && element.type === 'radio') {
        if (radioGroups.has(element.name)) continue
        radioGroups.add(element.name)
      }
      count++
    }
    return count
  })
}

describe('accessibility and layout in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages } = suite
  let admin: TestSession
  let eli: TestSession
  let tess: TestSession
  let lead: Page

  const open = async (session: TestSession, pathname: string, viewport = LAPTOP): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, pathname)
    pages.push(page)
    await page.setViewportSize(viewport)
    return page
  }
  const openBoard = async (session: TestSession, viewport = LAPTOP): Promise<Page> => {
    const page = await open(session, '/', viewport)
    await page.locator('[data-screen="board"][data-synced="true"] [data-agenda]').waitFor({ timeout: 20_000 })
    await page.locator('[data-meeting-status="live"]').waitFor({ timeout: 15_000 })
    return page
  }
  const bar = (page: Page) => page.locator('section[aria-label="Live meeting"]')

  it('loads the demo', async () => {
    admin = await suite.server.signIn('admin', 'Ada Admin')
    const demo = await fetch(`${suite.server.url}/api/demo`, { method: 'POST', headers: admin.headers() })
    expect(demo.status, await demo.clone().text()).toBe(201)
    eli = await suite.server.signIn('engineering-lead', 'Eli Chen')
    tess = await suite.server.signIn('team-lead', 'Tess Ortiz', { team: 'Mobile' })
  })

  it('the checker itself finds what it is meant to find', async () => {
    // A guard against a check that cannot fail: on a real page, a nameless button and grey-on-grey text are caught.
    const page = await newSignedOutPage(suite.browser, suite.server.url)
    pages.push(page)
    await page.locator('main[data-screen]').waitFor()
    await page.evaluate(() => {
      const main = document.querySelector('main')!
      main.insertAdjacentHTML('beforeend', '<button type="button"></button><p style="color:#aaa;background:#bbb">Hard to read</p>')
    })
    const ids = (await seriousViolations(page)).map((finding) => finding.id)
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast']))
  })

  it('the lead reaches Facilitate with Tab, every control in reading order, each with a visible focus ring', async () => {
    lead = await openBoard(eli)
    await bar(lead).getByRole('button', { name: 'Facilitate' }).waitFor()
    await expectAccessible(lead, 'board lead before the meeting')
    const stops = await tabThrough(lead, 200)
    const names = stops.map((stop) => stop.name)
    const at = (pattern: RegExp): number => names.findIndex((name) => pattern.test(name))
    // The header first (the week, the page's buttons), then the meeting, then the agenda.
    expect(at(/^select "Week"/), names.join('\n')).toBeGreaterThanOrEqual(0)
    expect(at(/^select "Week"/)).toBeLessThan(at(/^button "Facilitate"/))
    expect(at(/^button "Facilitate"/)).toBeLessThan(at(/^button "Keyboard shortcuts/))
    const firstItem = (await lead.locator('[data-section="discuss"] .item-row__toggle').first().innerText()).trim()
    expect(at(/^button "Keyboard shortcuts/)).toBeLessThan(names.indexOf(`button "${firstItem}"`))
    expect(names.indexOf(`button "${firstItem}"`)).toBeLessThan(at(/^button ".*green, skipped/))
    // Every control was reached: nothing on the board is mouse-only.
    expect(stops.length, names.join('\n')).toBe(await tabbableCount(lead))
    expectEveryStopVisible(stops)
  })

  it('the board with the meeting running, the focused item open, on a laptop and a projector', async () => {
    await bar(lead).getByRole('button', { name: 'Facilitate' }).click()
    await bar(lead).getByRole('button', { name: 'Start with the first item' }).click()
    await bar(lead).getByRole('button', { name: 'Start timer' }).click()
    await bar(lead).getByRole('button', { name: 'Pause timer' }).waitFor({ timeout: 10_000 })
    const focused = lead.locator('[data-item-id][data-focused="true"]')
    await focused.locator('[data-item-editor]').waitFor({ timeout: 10_000 })

    await expectAccessible(lead, 'board lead meeting laptop')
    await expectNoSidewaysScroll(lead, 'the lead board at 1280')
    // The open editor's fields and the timer's controls are in the Tab order too, and in sight when focused.
    const stops = await tabThrough(lead, 250)
    expect(stops.map((stop) => stop.name)).toEqual(expect.arrayContaining(['input "Minutes"', 'input "Status note"', 'button "Record outcome"']))
    expect(stops.length).toBe(await tabbableCount(lead))
    expectEveryStopVisible(stops)

    // The meeting goes back to an item above the window: it comes into view with its head (the
    // "Now discussing" label, its objective) below the meeting bar, not under it or above the window.
    const rows = lead.locator('[data-section="discuss"] [data-item-id]')
    await bar(lead).getByRole('button', { name: 'Next →' }).click()
    await rows.nth(1).and(lead.locator('[data-focused="true"]')).waitFor({ timeout: 10_000 })
    await lead.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await bar(lead).getByRole('button', { name: '← Previous' }).click()
    await rows.first().and(lead.locator('[data-focused="true"]')).waitFor({ timeout: 10_000 })
    const placed = await lead.evaluate(() => {
      const barBottom = document.querySelector('section[aria-label="Live meeting"]')!.getBoundingClientRect().bottom
      const label = document.querySelector('[data-focused="true"] [data-now-discussing]')!.getBoundingClientRect()
      const title = document.querySelector('[data-focused="true"] .item-row__title')!.getBoundingClientRect()
      return { barBottom, labelTop: label.top, titleBottom: title.bottom, windowHeight: window.innerHeight }
    })
    expect(placed.labelTop, JSON.stringify(placed)).toBeGreaterThanOrEqual(placed.barBottom)
    expect(placed.titleBottom, JSON.stringify(placed)).toBeLessThanOrEqual(placed.windowHeight)

    await lead.setViewportSize(PROJECTOR)
    await expectAccessible(lead, 'board lead meeting projector')
    await expectNoSidewaysScroll(lead, 'the lead board at 1920')
    // Read from across the room: the timer is the biggest text on the wall, "Now discussing" the
    // second, and nothing of the meeting's words is smaller than the body text.
    const sizes = await lead.evaluate(() => {
      const px = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize)
      return { timer: px('.meeting-timer__time'), now: px('.meeting-now__item'), body: px('body'), progress: px('.meeting-progress__text') }
    })
    expect(sizes.body).toBeGreaterThanOrEqual(22)
    expect(sizes.now).toBeGreaterThanOrEqual(sizes.body * 1.4)
    expect(sizes.timer).toBeGreaterThanOrEqual(sizes.now * 2)
    expect(sizes.progress).toBeGreaterThanOrEqual(sizes.body)

    await lead.setViewportSize(NARROW)
    await expectAccessible(lead, 'board lead meeting narrow')
    await expectNoSidewaysScroll(lead, 'the lead board at 1024')
    await lead.setViewportSize(LAPTOP)
  })

  it('another item opened in the editor, and the green fold opened', async () => {
    // Opening another item is the lead's own selection; the meeting's focus stays where it is.
    const unset = lead.locator('[data-section="unset"] [data-item-id]').first()
    await unset.locator('.item-row__toggle').click()
    await unset.locator('[data-item-editor]').waitFor()
    await expectAccessible(lead, 'board lead item open')

    const fold = lead.locator('.green-fold')
    await fold.focus()
    await lead.keyboard.press('Enter')
    await lead.locator('#agenda-green-rows [data-item-id]').first().waitFor()
    expect(await fold.getAttribute('aria-expanded')).toBe('true')
    await expectAccessible(lead, 'board lead green fold open')
  })

  it('the shortcuts help: opens from its button or ?, keeps focus inside, Escape closes it and focus goes back', async () => {
    const trigger = bar(lead).getByRole('button', { name: /Keyboard shortcuts/ })
    await trigger.focus()
    await lead.keyboard.press('Enter')
    const help = lead.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    await expectAccessible(lead, 'shortcuts help')
    // Tab goes round inside the dialog, never to the page behind it.
    for (let press = 0; press < 6; press++) {
      await lead.keyboard.press('Tab')
      expect((await focusedControl(lead))?.inDialog, `Tab ${press + 1} left the dialog`).toBe(true)
    }
    await lead.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true)

    // The ? key, pressed on an item's button: Escape closes the help and focus is back on that button.
    const itemButton = lead.locator('[data-section="discuss"] .item-row__toggle').first()
    // The keys follow the meeting's state; on a loaded machine its socket may be reconnecting.
    await bar(lead).and(lead.locator('[data-meeting-status="live"]')).waitFor({ timeout: 15_000 })
    await itemButton.focus()
    await lead.keyboard.press('?')
    await help.waitFor()
    await lead.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    expect(await itemButton.evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('the close-review confirm step and the summary dialog', async () => {
    const closeButton = lead.getByRole('button', { name: 'Close review' })
    await closeButton.click()
    const confirm = lead.getByRole('dialog', { name: 'Close this review?' })
    await confirm.waitFor()
    await expectAccessible(lead, 'close review confirm')
    await lead.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    expect(await closeButton.evaluate((element) => element === document.activeElement)).toBe(true)

    await lead.getByRole('button', { name: 'Summary' }).click()
    const summary = lead.getByRole('dialog', { name: /^Summary of/ })
    await summary.locator('[data-summary-text]').waitFor({ timeout: 10_000 })
    await expectAccessible(lead, 'summary preview')
    // Focus goes round both ways: Shift+Tab from the first control reaches the last (Done), Tab from there the first.
    const controls = summary.locator('pre[tabindex], button')
    await controls.first().focus()
    await lead.keyboard.press('Shift+Tab')
    expect(await summary.getByRole('button', { name: 'Done' }).evaluate((element) => element === document.activeElement)).toBe(true)
    await lead.keyboard.press('Tab')
    expect(await controls.first().evaluate((element) => element === document.activeElement)).toBe(true)
    await summary.getByRole('button', { name: 'Done' }).click()
    await summary.waitFor({ state: 'detached' })
  })

  it('the board of a team lead: read-only, on a laptop and a projector, with an item open', async () => {
    const page = await openBoard(tess)
    await page.locator('[data-read-only]').waitFor()
    await page.locator('[data-item-id][data-focused="true"] [data-item-details]').waitFor({ timeout: 10_000 })
    await expectAccessible(page, 'board team lead laptop')
    await expectNoSidewaysScroll(page, 'the team lead board at 1280')
    await page.setViewportSize(PROJECTOR)
    await expectAccessible(page, 'board team lead projector')
    await page.setViewportSize(NARROW)
    await expectNoSidewaysScroll(page, 'the team lead board at 1024')
    // Everything a team lead can press (the item buttons, the fold, the header's) is reachable, in sight.
    await page.setViewportSize(LAPTOP)
    const stops = await tabThrough(page, 120)
    expect(stops.length).toBe(await tabbableCount(page))
    expectEveryStopVisible(stops)
    expect(pageErrors(page)).toEqual([])
  })

  it('the closed week: the summary right after closing, then the read-only board', async () => {
    await lead.getByRole('button', { name: 'Close review' }).click()
    const confirm = lead.getByRole('dialog', { name: 'Close this review?' })
    await confirm.getByRole('button', { name: 'Close the review' }).click()
    const summary = lead.getByRole('dialog', { name: /^Summary of/ })
    await summary.locator('[data-closed-slack]').waitFor({ timeout: 10_000 })
    await summary.locator('[data-summary-text]').waitFor({ timeout: 10_000 })
    await expectAccessible(lead, 'summary after closing')
    await lead.locator('[data-week-closed]').waitFor({ timeout: 10_000 })
    await summary.getByRole('button', { name: 'Done' }).press('Enter')
    await summary.waitFor({ state: 'detached' })
    // "Close review", which opened the dialogs, is gone with the open week: focus lands on "Summary", not the page's top.
    expect(await lead.getByRole('button', { name: 'Summary' }).evaluate((element) => element === document.activeElement)).toBe(true)
    await expectAccessible(lead, 'board closed week')
    expect(pageErrors(lead)).toEqual([])
  })

  it('the workspace page, for a lead and for a team lead', async () => {
    for (const [who, session] of [
      ['lead', eli],
      ['team lead', tess],
    ] as const) {
      const page = await open(session, '/workspace')
      await page.locator('[data-screen="workspace"][data-synced="true"]').waitFor({ timeout: 15_000 })
      await settled(page)
      await expectAccessible(page, `workspace ${who}`)
      await expectNoSidewaysScroll(page, `the workspace page for a ${who} at 1280`)
      const stops = await tabThrough(page, 250)
      expect(stops.length, `Tab stops on the workspace page for a ${who}`).toBe(await tabbableCount(page))
      expectEveryStopVisible(stops)
    }
  })

  it('each tab of the admin page', async () => {
    const page = await open(admin, '/admin')
    for (const tab of ['People', 'Invites', 'Sessions', 'Audit', 'Settings']) {
      await page.getByRole('tab', { name: tab }).click()
      await page.locator(`[role="tabpanel"][aria-labelledby$="-tab"] h2`).first().waitFor()
      await settled(page)
      await expectAccessible(page, `admin ${tab}`)
      await expectNoSidewaysScroll(page, `the admin page's ${tab} tab at 1280`)
    }
    // The tabs are one tab stop: arrow keys move between them.
    await page.getByRole('tab', { name: 'Settings' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('tab', { name: 'People' }).getAttribute('aria-selected')).toBe('true')
    await settled(page)
    const stops = await tabThrough(page, 120)
    expect(stops.length, 'Tab stops on the People tab').toBe(await tabbableCount(page))
    expectEveryStopVisible(stops)

    // Setting a password, from the keyboard: the dialog, its problems, Escape and focus back on the button.
    const trigger = page.getByRole('button', { name: 'Set password' })
    await trigger.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Set password' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Save password' }).click()
    await dialog.locator('[role="alert"]').first().waitFor()
    await expectAccessible(page, 'set password with problems')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true)
  })

  it('the sign-in screen (with its error) and an invite link', async () => {
    const page = await newSignedOutPage(suite.browser, suite.server.url)
    pages.push(page)
    await page.setViewportSize(LAPTOP)
    await page.locator('[data-screen="sign-in"]').waitFor()
    await expectAccessible(page, 'sign in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.locator('[role="alert"]').first().waitFor()
    await expectAccessible(page, 'sign in with a problem')

    const { code } = await suite.server.server.accounts.createInvite(null, { name: 'Ivy Invite', role: 'editor', worksFor: null, team: null })
    const join = await newSignedOutPage(suite.browser, `${suite.server.url}/join#code=${code}`)
    pages.push(join)
    await join.locator('[data-screen="join"] form').waitFor({ timeout: 10_000 })
    await expectAccessible(join, 'join')
  })

  it('the setup screen of a server nobody has set up yet', async () => {
    const fresh = await startServer()
    try {
      const page = await newSignedOutPage(suite.browser, fresh.url)
      await page.locator('[data-screen="setup"]').waitFor()
      await expectAccessible(page, 'setup')
      await closePage(page)
    } finally {
      await fresh.close()
    }
  })
})
