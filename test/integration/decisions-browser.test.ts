/**
 * Issue 5's decision acceptance, in headless Chromium with three people on three laptops (browser
 * contexts): the Product Lead drafts a decision on the board and both leads sign it, each in their
 * own browser; it then appears in a team lead's decision feed with its rationale. Every frame the
 * team lead's page received over its WebSockets (the public week, the workspace, socket.io) and
 * every API answer it got is captured: none carried the draft while it was a draft, and a second
 * draft that is never signed never reaches them at all. Editing the signed text shows "Changed
 * since signed" on both leads' screens; a signature forged straight into the private document shows
 * as "Unverified signature".
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { privateDocName, readDecision, WORKSPACE_DOC, writeDecisionSignature, type WeekId } from '@fourwall/shared'
import { newIsolatedPage, newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { seedBoard, serverHasAll } from '../support/board.js'
import type { TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

const WEEK: WeekId = '2026-W44'
const RED_ITEM = 'Launch the Android app in Brazil'
/** Unguessable markers: if one shows up in a capture, it came from the draft. */
const MARK = randomBytes(5).toString('hex')
const TITLE = `Two mobile engineers join the Android launch ${MARK}`
const DECISION = `Two mobile engineers move from Search to the Android launch for six weeks ${MARK}.`
const RATIONALE = `Brazil is our largest new market and Search is Green, so it can wait ${MARK}.`
const NEVER_SIGNED = `Quietly pause the Search roadmap ${randomBytes(5).toString('hex')}`

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's serious and critical findings on the page as it is now (as a11y-browser.test.ts checks the rest of the board). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe
    const results = await axe.run(document.querySelector('[data-week-decisions]')!, { resultTypes: ['violations'] })
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  })
}

describe('decisions signed by both leads, published to the team leads', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let maya: Page
  let eli: Page
  let teamLead: Page
  let cass: TestSession
  let decisionId: string
  /** Everything the team lead's page received, in order: WebSocket frames and API answers. */
  const captured: Buffer[] = []

  const section = (page: Page) => page.locator('[data-decisions-section]')
  const item = (page: Page) => section(page).locator('[data-decision-id]').filter({ hasText: TITLE })
  const editor = (page: Page) => item(page).locator('[data-decision-editor]')
  const badge = (page: Page, role: 'product-lead' | 'engineering-lead') => item(page).locator(`[data-signature="${role}"]`)
  const feedEntry = (page: Page) => page.locator('[data-decision-feed] [data-published-decision]').filter({ hasText: TITLE })
  const contains = (bytes: Buffer, text: string): boolean =>
    bytes.includes(text) || bytes.includes(Buffer.from(text, 'utf16le')) || bytes.toString('latin1').includes(text)

  const openBoard = async (session: TestSession): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, `/week/${WEEK}`)
    pages.push(page)
    // A control that never appears fails the test in seconds, saying which, rather than at the test's timeout.
    page.setDefaultTimeout(10_000)
    await page.locator('[data-screen="board"][data-synced="true"] [data-agenda]').waitFor({ timeout: 20_000 })
    return page
  }

  it('opens the week for both leads and a team lead whose every byte is captured', async () => {
    await seedBoard(suite.server, WEEK, [
      { objective: RED_ITEM, team: 'Mobile', status: 'red', note: 'Two engineers short' },
      { objective: 'Faster search results', team: 'Search', status: 'green' },
    ])
    // A domain of the domain map and a principle, as the workspace holds them.
    const workspace = connectClient(suite.server.wsUrl, WORKSPACE_DOC, suite.server.token('admin', 'Seed Admin'))
    clients.push(workspace)
    await waitForSync(workspace.provider)
    workspace.doc.transact(() => {
      const domain = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ name: 'Launch markets', owner: 'product-lead', description: 'Where we launch first.', order: 100 })) domain.set(key, value)
      workspace.doc.getMap('ownerDomains').set('launch-markets', domain)
      const principle = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ name: 'Customers before features', explanation: 'Ship where customers wait.', order: 0 })) principle.set(key, value)
      workspace.doc.getMap('principles').set('customers-first', principle)
    })
    await serverHasAll(suite.server, WORKSPACE_DOC, workspace)

    const [mayaSession, eliSession, tiaSession] = await Promise.all([
      suite.server.signIn('product-lead', 'Maya Brooks'),
      suite.server.signIn('engineering-lead', 'Eli Chen'),
      suite.server.signIn('team-lead', 'Tia Team', { team: 'Mobile' }),
    ])
    cass = await suite.server.signIn('chief-of-staff', 'Cass Ruiz', { worksFor: 'product-lead' })

    // The team lead's laptop: listeners first, so the capture starts with the very first frame.
    teamLead = await newIsolatedPage(suite.browser)
    pages.push(teamLead)
    teamLead.setDefaultTimeout(10_000)
    teamLead.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => captured.push(typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload)))
    })
    teamLead.on('response', (response) => {
      if (!response.url().includes('/api/')) return
      response.body().then(
        (body) => captured.push(Buffer.from(body)),
        () => {},
      )
    })
    const eq = tiaSession.cookie.indexOf('=')
    await teamLead.context().addCookies([{ name: tiaSession.cookie.slice(0, eq), value: tiaSession.cookie.slice(eq + 1), url: suite.server.url, httpOnly: true, sameSite: 'Lax' }])
    await teamLead.goto(`${suite.server.url}/week/${WEEK}`)
    await teamLead.locator('[data-screen="board"][data-synced="true"] [data-agenda]').waitFor({ timeout: 20_000 })
    await teamLead.locator('[data-decision-feed-empty]').waitFor({ timeout: 10_000 })
    // A team lead has the feed only: no drafting section, no way into the private document.
    expect(await section(teamLead).count()).toBe(0)

    ;[maya, eli] = await Promise.all([openBoard(mayaSession), openBoard(eliSession)])
    await section(maya).locator('[data-decisions-empty]').waitFor({ timeout: 10_000 })
  })

  it('the Product Lead drafts it on the board, with gentle hints on jargon; the Engineering Lead sees it live', async () => {
    await section(maya).getByLabel('New decision', { exact: true }).fill(TITLE)
    await section(maya).getByRole('button', { name: 'Draft decision' }).click()
    await editor(maya).waitFor({ timeout: 5_000 })
    decisionId = (await item(maya).getAttribute('data-decision-id'))!

    await editor(maya).getByLabel('Context').fill(`The Android launch is Red for the second week ${MARK}.`)
    await editor(maya).getByLabel('The decision').fill(DECISION)
    // Corporate words get a hint, never a block; plain words make it go away.
    await editor(maya).getByLabel('Rationale').fill('We leverage synergy across teams.')
    const hints = editor(maya).locator('[data-jargon]')
    await expect.poll(() => hints.allInnerTexts()).toEqual([
      expect.stringContaining('“leverage” says little: say how this helps the mission'),
      expect.stringContaining('“synergy” says little: say how this helps the mission'),
    ])
    await editor(maya).getByLabel('Rationale').fill(RATIONALE)
    await expect.poll(() => hints.count()).toBe(0)

    await editor(maya).getByLabel('Domain').selectOption({ label: 'Launch markets (Product Lead)' })
    await editor(maya).getByLabel(`${RED_ITEM} (Mobile)`).check()
    await editor(maya).getByLabel('Customers before features').check()
    // Nobody signed yet: both badges say so in words.
    expect(await badge(maya, 'product-lead').innerText()).toContain('Not signed yet by the Product Lead')
    expect(await badge(maya, 'engineering-lead').innerText()).toContain('Not signed yet by the Engineering Lead')
    // The Engineering Lead has no button to sign for the Product Lead, and the Product Lead none for him.
    expect(await editor(maya).getByRole('button', { name: 'Sign as Engineering Lead' }).count()).toBe(0)

    await item(eli).getByRole('button', { name: TITLE }).click()
    await expect.poll(() => editor(eli).getByLabel('Rationale').inputValue(), { timeout: 5_000 }).toBe(RATIONALE)
    expect(await editor(eli).getByLabel('Domain').locator('option:checked').innerText()).toBe('Launch markets (Product Lead)')
    expect(await editor(eli).getByRole('button', { name: 'Sign as Product Lead' }).count()).toBe(0)

    // A second draft that nobody will sign.
    await section(eli).getByLabel('New decision', { exact: true }).fill(NEVER_SIGNED)
    await section(eli).getByRole('button', { name: 'Draft decision' }).click()
    await section(maya).locator('[data-decision-id]').filter({ hasText: NEVER_SIGNED }).waitFor({ timeout: 5_000 })
    // Drafting it opened it on his screen; he goes back to the first one.
    await item(eli).getByRole('button', { name: TITLE }).click()
    await editor(eli).waitFor()
  })

  it('both leads sign in their own browsers; it reaches the team lead, who never received the draft', async () => {
    await editor(maya).getByRole('button', { name: 'Sign as Product Lead' }).click()
    for (const page of [maya, eli]) {
      await expect.poll(() => badge(page, 'product-lead').innerText(), { timeout: 5_000 }).toMatch(/Signed by Maya Brooks, \d{1,2} \w{3} \d{2}:\d{2}/)
    }
    expect(await badge(eli, 'engineering-lead').innerText()).toContain('Not signed yet')
    expect(await editor(maya).getByRole('button', { name: 'Sign as Product Lead' }).isDisabled()).toBe(true)
    // One signature publishes nothing.
    await teamLead.waitForTimeout(500)
    expect(await teamLead.locator('[data-decision-feed-empty]').count()).toBe(1)

    // Everything the team lead received up to the moment the second lead signs: the draft, its
    // text and its first signature were written and relayed by now, but never to them.
    const beforePublishing = Buffer.concat(captured)
    await editor(eli).getByRole('button', { name: 'Sign as Engineering Lead' }).click()

    await feedEntry(teamLead).waitFor({ timeout: 5_000 })
    const entry = await feedEntry(teamLead).innerText()
    expect(entry).toContain(TITLE)
    expect(entry).toContain(DECISION)
    expect(entry).toContain(RATIONALE)
    expect(entry).toContain("Launch markets, the Product Lead's call")
    expect(entry).toContain('Customers before features')
    expect(entry).toContain(RED_ITEM)
    // Both signatures, checked on the team lead's page against the server's key.
    await expect.poll(() => feedEntry(teamLead).locator('[data-signature-state="valid"]').count(), { timeout: 5_000 }).toBe(2)
    expect(entry).toMatch(/Signed by Maya Brooks/)
    expect(entry).toMatch(/Signed by Eli Chen/)
    await expect.poll(() => item(eli).locator('[data-decision-status]').innerText(), { timeout: 5_000 }).toBe('Published')

    // The capture works (the published decision is in it now) and held nothing of the draft before.
    await waitFor(() => Buffer.concat(captured), (all) => contains(all, TITLE), 5_000, 'published decision in the capture')
    expect(beforePublishing.length).toBeGreaterThan(0)
    for (const text of [MARK, TITLE, DECISION, RATIONALE]) expect(contains(beforePublishing, text), text).toBe(false)
    // The draft nobody signed never reached the team lead at all.
    expect(contains(Buffer.concat(captured), NEVER_SIGNED)).toBe(false)
    expect(await teamLead.locator('main').innerText()).not.toContain(NEVER_SIGNED)
  })

  it('editing the signed text shows "changed since signed" on both leads\' screens; the feed keeps what was signed', async () => {
    await editor(maya).getByLabel('Rationale').fill(`${RATIONALE} Search gets them back in January.`)
    await editor(maya).getByLabel('Rationale').blur()
    for (const page of [maya, eli]) {
      for (const role of ['product-lead', 'engineering-lead'] as const) {
        await expect.poll(() => badge(page, role).innerText(), { timeout: 5_000 }).toContain('Changed since signed — sign again')
      }
      expect(await item(page).locator('[data-signature-summary]').innerText()).toBe('Changed since signed — sign again')
    }
    // The Product Lead may sign the new text again.
    expect(await editor(maya).getByRole('button', { name: 'Sign as Product Lead' }).isEnabled()).toBe(true)
    // The team leads still read the text both leads signed, still verified.
    expect(await feedEntry(teamLead).innerText()).not.toContain('January')
    expect(await feedEntry(teamLead).locator('[data-signature-state="valid"]').count()).toBe(2)
  })

  it('a signature forged straight into the private document shows as unverified', async () => {
    // A chief of staff may write the private document, so she can write what looks like a signature.
    const forger = connectClient(suite.server.wsUrl, privateDocName(WEEK), { cookie: cass.cookie })
    clients.push(forger)
    await waitForSync(forger.provider)
    const real = readDecision(forger.doc, decisionId)!.signatures['engineering-lead']!
    writeDecisionSignature(forger.doc, decisionId, { ...real, textHash: readDecision(forger.doc, decisionId)!.signatures['product-lead']!.textHash, at: new Date().toISOString() })
    await serverHasAll(suite.server, privateDocName(WEEK), forger)
    for (const page of [maya, eli]) {
      await expect.poll(() => badge(page, 'engineering-lead').innerText(), { timeout: 5_000 }).toContain('Unverified signature')
      expect(await badge(page, 'engineering-lead').getAttribute('data-signature-state')).toBe('unverified')
    }
    for (const page of [maya, eli, teamLead]) expect(pageErrors(page)).toEqual([])
  })

  it('the decisions read well for assistive technology: the open editor, the list and the feed', async () => {
    // FOURWALL_SCREENSHOTS=/some/dir keeps a picture of both views (as a11y-browser.test.ts does).
    const dir = process.env.FOURWALL_SCREENSHOTS
    if (dir) {
      await maya.locator('[data-week-decisions]').screenshot({ path: `${dir}/decisions-lead.png` })
      await teamLead.locator('[data-week-decisions]').screenshot({ path: `${dir}/decisions-team-lead.png` })
    }
    expect(await seriousViolations(maya)).toEqual([])
    expect(await seriousViolations(teamLead)).toEqual([])
  })
})
