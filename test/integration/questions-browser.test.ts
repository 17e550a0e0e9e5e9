/**
 * Questions to the leads, the domain map and the product principles in headless Chromium, with
 * three people on three laptops (browser contexts): the Product Lead, the Engineering Lead and a
 * team lead.
 *
 * 1. The team lead asks about an engineering domain from the read-only board: the Engineering
 *    Lead's inbox shows it live, with an answer box; the Product Lead's shows it as "Sam’s call"
 *    with none; the team lead reads the deferral line with both names.
 * 2. The Engineering Lead answers, and the answer appears on the team lead's screen live, in the
 *    open dialog, and as "1 new answer" on the button when the dialog is closed.
 * 3. The principles page: a lead adds, edits, reorders and removes principles; the team lead, who
 *    got there by the board's link, reads every change live and has no control to change anything.
 * 4. The domain map on the workspace page: a lead hands a domain to the other lead and adds one;
 *    the server's document and the team lead's page follow.
 */
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import { listOwnedDomains, listPrinciples, readOwnedDomain, WORKSPACE_DOC } from '@fourwall/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import type { TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** axe-core's serious and critical findings on the page as it is now (as a11y-browser.test.ts checks every other view). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe
    const results = await axe.run(document, { resultTypes: ['violations'] })
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`)
  })
}

const DEFERRAL = 'That is the Engineering Lead’s domain (Sam Okafor), and the Product Lead (Maya Brooks) supports that call.'
const QUESTION = 'Can Mobile spend the next sprint on the flaky UI tests?'
const ANSWER = 'Yes: take the sprint. Flaky tests cost us more than the feature would.'

describe('asking the leads, the domain map and the principles in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let maya: TestSession
  let sam: TestSession
  let tia: TestSession
  let mayaPage: Page
  let samPage: Page
  let tiaPage: Page

  const open = async (session: TestSession, path = '/'): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, path)
    pages.push(page)
    return page
  }
  const openBoard = async (session: TestSession): Promise<Page> => {
    const page = await open(session)
    await page.locator('[data-screen="board"]').waitFor({ timeout: 15_000 })
    return page
  }
  const watchWorkspace = async (): Promise<YClient> => {
    const client = connectClient(suite.server.wsUrl, WORKSPACE_DOC, suite.server.token('admin', 'Watcher'))
    clients.push(client)
    await waitForSync(client.provider)
    return client
  }
  const inboxDialog = (page: Page) => page.locator('[data-questions-dialog="inbox"]')
  const askDialog = (page: Page) => page.locator('[data-questions-dialog="ask"]')

  it('opens the board on three laptops', async () => {
    ;[maya, sam, tia] = await Promise.all([
      suite.server.signIn('product-lead', 'Maya Brooks'),
      suite.server.signIn('engineering-lead', 'Sam Okafor'),
      suite.server.signIn('team-lead', 'Tia Team', { team: 'Mobile' }),
    ])
    ;[mayaPage, samPage, tiaPage] = await Promise.all([openBoard(maya), openBoard(sam), openBoard(tia)])
    // The leads get an inbox, the team lead a way to ask; nobody gets the other's button.
    await samPage.locator('[data-leads-inbox][data-open-count="0"]').waitFor()
    // Said in words (the accessible name), not by the button's colour alone.
    expect(await samPage.getByRole('button', { name: /^Inbox\W+nothing to answer$/ }).count()).toBe(1)
    await mayaPage.locator('[data-leads-inbox]').waitFor()
    await tiaPage.getByRole('button', { name: 'Ask the leads' }).waitFor()
    expect(await tiaPage.locator('[data-leads-inbox]').count()).toBe(0)
    expect(await samPage.locator('[data-ask-the-leads]').count()).toBe(0)
  })

  it("routes the team lead's question to the Engineering Lead's inbox live, and tells the team lead whose call it is", async () => {
    // Both leads have their inbox open, empty, before anything is asked.
    await samPage.locator('[data-leads-inbox]').click()
    await inboxDialog(samPage).locator('[data-empty="inbox-mine"]').waitFor()
    await mayaPage.locator('[data-leads-inbox]').click()
    await inboxDialog(mayaPage).locator('[data-empty="inbox-theirs"]').waitFor()

    await tiaPage.getByRole('button', { name: 'Ask the leads' }).click()
    const dialog = askDialog(tiaPage)
    await dialog.locator('[data-empty="my-questions"]').waitFor({ timeout: 10_000 })
    const domain = dialog.getByLabel('Domain')
    await domain.waitFor({ timeout: 10_000 })
    // Every domain of the map is offered with its owner; choosing one names the owner at once.
    expect(await domain.locator('option').allInnerTexts()).toEqual([
      'Choose a domain…',
      'Tech debt · Engineering Lead',
      'Infrastructure · Engineering Lead',
      'Architectural feasibility · Engineering Lead',
      'Customer value · Product Lead',
      'Roadmap priority · Product Lead',
      'Market fit · Product Lead',
    ])
    // Sending without a domain says what is missing, and sends nothing.
    await dialog.getByLabel('Your question').fill(QUESTION)
    await dialog.getByRole('button', { name: 'Send' }).click()
    expect(await dialog.locator('[data-problem]').innerText()).toContain('Choose the domain your question is about')

    await domain.selectOption({ label: 'Tech debt · Engineering Lead' })
    expect(await dialog.locator('[data-domain-owner]').innerText()).toMatch(/^Tech debt: the Engineering Lead’s call \(Sam Okafor\)\./)
    await dialog.getByRole('button', { name: 'Send' }).click()
    await dialog.locator('[data-deferral-line]').waitFor({ timeout: 10_000 })
    expect(await dialog.locator('[data-deferral-line]').innerText()).toBe(DEFERRAL)
    expect(await dialog.locator('[data-deferral]').innerText()).toMatch(/^Sent to the Engineering Lead \(Sam Okafor\)\. That is/)
    const mine = dialog.locator('[data-my-questions] [data-question-id]')
    await mine.first().waitFor()
    expect(await mine.count()).toBe(1)
    expect(await mine.first().getAttribute('data-answered')).toBe('false')
    expect(await mine.first().innerText()).toMatch(/Tech debt[\s\S]*Can Mobile spend the next sprint[\s\S]*Waiting for an answer from the Engineering Lead \(Sam Okafor\)/)
    const questionId = (await mine.first().getAttribute('data-question-id'))!

    // The Engineering Lead's open inbox shows it at once, with an answer box; so does the badge.
    const samCard = inboxDialog(samPage).locator(`[data-inbox="mine"] [data-question-id="${questionId}"]`)
    await samCard.waitFor({ timeout: 10_000 })
    expect(await samCard.innerText()).toMatch(/Tech debt[\s\S]*asked by Tia Team \(Team Lead\)[\s\S]*Can Mobile spend the next sprint/)
    expect(await samCard.getByLabel('Your answer').count()).toBe(1)
    expect(await samPage.locator('[data-leads-inbox]').getAttribute('data-open-count')).toBe('1')
    expect(await samPage.getByRole('button', { name: 'Inbox 1 to answer', exact: true }).count()).toBe(1)

    // The Product Lead sees it too, as Sam's call, and cannot answer it.
    const mayaCard = inboxDialog(mayaPage).locator(`[data-inbox="theirs"] [data-question-id="${questionId}"]`)
    await mayaCard.waitFor({ timeout: 10_000 })
    expect(await inboxDialog(mayaPage).locator('#inbox-theirs').innerText()).toBe('Sam’s call (1)')
    expect(await mayaCard.locator('[data-others-call]').innerText()).toBe('Sam’s call: Sam Okafor answers this, and you support that call.')
    expect(await mayaCard.locator('textarea, input, button').count()).toBe(0)
    expect(await inboxDialog(mayaPage).locator('[data-inbox="mine"] [data-question-id]').count()).toBe(0)
    expect(await mayaPage.locator('[data-leads-inbox]').getAttribute('data-open-count')).toBe('0')

    // Both dialogs, filled in, pass the same accessibility check as every other view.
    expect(await seriousViolations(tiaPage)).toEqual([])
    expect(await seriousViolations(samPage)).toEqual([])
    expect(await seriousViolations(mayaPage)).toEqual([])
  })

  it('the Engineering Lead answers, and the answer reaches the team lead live', async () => {
    const samCard = inboxDialog(samPage).locator('[data-inbox="mine"] [data-question-id]').first()
    const questionId = (await samCard.getAttribute('data-question-id'))!
    await samCard.getByLabel('Your answer').fill(ANSWER)
    await samCard.getByRole('button', { name: 'Send answer' }).click()

    const tiaCard = askDialog(tiaPage).locator(`[data-question-id="${questionId}"][data-answered="true"]`)
    await tiaCard.waitFor({ timeout: 10_000 })
    expect(await tiaCard.locator('[data-answer]').innerText()).toMatch(/Answered by Sam Okafor[\s\S]*Yes: take the sprint\./)
    // The inboxes agree: answered, nothing left to answer, on both leads' screens.
    await inboxDialog(samPage).locator(`[data-inbox="answered"] [data-question-id="${questionId}"]`).waitFor({ timeout: 10_000 })
    await inboxDialog(mayaPage).locator(`[data-inbox="answered"] [data-question-id="${questionId}"]`).waitFor({ timeout: 10_000 })
    await samPage.locator('[data-leads-inbox][data-open-count="0"]').waitFor()

    // A second question, a request for a decision; the team lead closes the dialog and the answer
    // that arrives meanwhile is counted on the button.
    const dialog = askDialog(tiaPage)
    await dialog.getByLabel('Domain').selectOption({ label: 'Infrastructure · Engineering Lead' })
    await dialog.getByRole('radio', { name: 'A decision' }).check()
    await dialog.getByLabel('The decision you need').fill('Do we move the staging cluster to the new region this quarter?')
    await dialog.getByRole('button', { name: 'Send' }).click()
    await dialog.locator('[data-my-questions] [data-question-id]').nth(1).waitFor({ timeout: 10_000 })
    await tiaPage.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    const second = inboxDialog(samPage).locator('[data-inbox="mine"] [data-question-id]').first()
    await second.waitFor({ timeout: 10_000 })
    expect(await second.innerText()).toContain('Decision request')
    await second.getByLabel('Your answer').fill('Yes, in March.')
    await second.getByRole('button', { name: 'Send answer' }).click()
    const badge = tiaPage.locator('[data-new-answers="1"]')
    await badge.waitFor({ timeout: 10_000 })
    expect(await tiaPage.getByRole('button', { name: 'Ask the leads' }).innerText()).toMatch(/Ask the leads\s*1 new answer/)
    // Opening the dialog shows it and clears the count.
    await tiaPage.getByRole('button', { name: 'Ask the leads' }).click()
    await askDialog(tiaPage).locator('[data-answered="true"]', { hasText: 'Yes, in March.' }).waitFor()
    await tiaPage.keyboard.press('Escape')
    await expect.poll(() => tiaPage.locator('[data-new-answers]').count()).toBe(0)

    for (const page of [samPage, mayaPage]) await page.keyboard.press('Escape')
    expect(pageErrors(tiaPage)).toEqual([])
    expect(pageErrors(samPage)).toEqual([])
    expect(pageErrors(mayaPage)).toEqual([])
  })

  it('the principles page: a lead keeps the list, the team lead reads it live with no control', async () => {
    const server = await watchWorkspace()
    const lead = await open(maya, '/principles')
    await lead.locator('[data-screen="principles"][data-synced="true"]').waitFor({ timeout: 15_000 })
    await lead.locator('[data-empty="principles"]').waitFor()

    // The team lead comes from the board's link.
    await tiaPage.getByRole('link', { name: 'Principles' }).click()
    await tiaPage.locator('[data-screen="principles"][data-synced="true"]').waitFor({ timeout: 15_000 })
    await tiaPage.locator('[data-read-only]').waitFor()

    const add = lead.getByRole('form', { name: 'Add a principle' })
    for (const [name, explanation] of [
      ['Customers first', 'We ask what helps the customer before what is easy for us.'],
      ['Fewer things, done well', 'We finish what we start.\nThen we start the next thing.'],
    ] as const) {
      await add.getByLabel('Name').fill(name)
      await add.getByLabel('Explanation').fill(explanation)
      await add.getByRole('button', { name: 'Add principle' }).click()
    }
    // A missing explanation is refused with the shared rule's sentence.
    await add.getByLabel('Name').fill('Boring technology')
    await add.getByRole('button', { name: 'Add principle' }).click()
    expect(await add.locator('[data-problem]').innerText()).toMatch(/^An explanation is required/)

    const names = (page: Page) => page.locator('[data-principle-name]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-principle-name')))
    await expect.poll(() => names(tiaPage), { timeout: 10_000 }).toEqual(['Customers first', 'Fewer things, done well'])
    expect(await tiaPage.locator('[data-principle-name="Fewer things, done well"]').innerText()).toMatch(
      /2\. Fewer things, done well\s+We finish what we start\.\nThen we start the next thing\./,
    )

    // Reordered, edited and removed in place; the team lead's page follows each step.
    await lead.getByRole('button', { name: 'Move up Fewer things, done well' }).click()
    await expect.poll(() => names(tiaPage), { timeout: 10_000 }).toEqual(['Fewer things, done well', 'Customers first'])
    await lead.getByRole('button', { name: 'Edit Customers first' }).click()
    const edit = lead.getByRole('form', { name: 'Edit the principle Customers first' })
    await edit.getByLabel('Name').fill('Customers first, always')
    await edit.getByRole('button', { name: 'Save' }).click()
    await tiaPage.locator('[data-principle-name="Customers first, always"]').waitFor({ timeout: 10_000 })
    await lead.getByRole('button', { name: 'Remove Fewer things, done well' }).click()
    await lead.getByRole('button', { name: 'Yes, remove Fewer things, done well' }).click()
    await expect.poll(() => names(tiaPage), { timeout: 10_000 }).toEqual(['Customers first, always'])
    expect(listPrinciples(server.doc).map((p) => [p.name, p.explanation])).toEqual([
      ['Customers first, always', 'We ask what helps the customer before what is easy for us.'],
    ])

    expect(await seriousViolations(lead)).toEqual([])
    expect(await seriousViolations(tiaPage)).toEqual([])
    // Nothing on the team lead's page could change them.
    const controls = tiaPage.locator('main input, main textarea, main select, main button, main [contenteditable="true"]')
    expect(await controls.count()).toBe(0)
    expect(pageErrors(lead)).toEqual([])
    expect(pageErrors(tiaPage)).toEqual([])
  })

  it('the domain map on the workspace page: a lead hands over a domain and adds one; everyone sees it', async () => {
    const server = await watchWorkspace()
    const lead = await open(sam, '/workspace')
    await lead.locator('[data-screen="workspace"][data-synced="true"]').waitFor({ timeout: 15_000 })
    const viewer = await open(tia, '/workspace')
    await viewer.locator('[data-screen="workspace"][data-synced="true"]').waitFor({ timeout: 15_000 })
    const section = (page: Page) => page.locator('[data-section="domains"]')
    await section(viewer).locator('[data-domain-id="market-fit"][data-domain-owner="product-lead"]').waitFor()

    await section(lead).getByLabel('Owner of Market fit').selectOption({ label: 'Engineering Lead' })
    await waitFor(() => readOwnedDomain(server.doc, 'market-fit')?.owner, (owner) => owner === 'engineering-lead', 10_000, 'owner stored')
    await section(viewer).locator('[data-domain-id="market-fit"][data-domain-owner="engineering-lead"]').waitFor({ timeout: 10_000 })

    const add = lead.getByRole('form', { name: 'Add a domain' })
    await add.getByLabel('New domain').fill('Hiring bar')
    await add.getByLabel('Owner').selectOption({ label: 'Engineering Lead' })
    await add.getByLabel('What falls in it (optional)').fill('Who we hire and how high the bar is.')
    await add.getByRole('button', { name: 'Add domain' }).click()
    await section(viewer).locator('[data-domain-name="Hiring bar"]').waitFor({ timeout: 10_000 })
    expect(await section(viewer).locator('[data-domain-name="Hiring bar"]').innerText()).toMatch(/Hiring bar\s*Who we hire and how high the bar is\.\s*Engineering Lead/)
    await waitFor(() => listOwnedDomains(server.doc).map((d) => d.name), (list) => list.at(-1) === 'Hiring bar', 10_000, 'domain stored')

    // The same name again is refused with the shared rule's sentence.
    await add.getByLabel('New domain').fill(' hiring BAR ')
    await add.getByRole('button', { name: 'Add domain' }).click()
    expect(await add.locator('[data-problem]').innerText()).toBe('There is already a domain called Hiring bar.')
    expect(await section(viewer).locator('select, button, input').count()).toBe(0)
    expect(pageErrors(lead)).toEqual([])
    expect(pageErrors(viewer)).toEqual([])
  })
})
