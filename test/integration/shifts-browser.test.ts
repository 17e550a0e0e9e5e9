/**
 * The resource-shift ledger in Chromium (issue 5's acceptance for the ledger), on a board seeded
 * through the real server: 2026-W47 with one stored shift, and 2026-W48 (same quarter) open in three
 * browser contexts: the Engineering Lead, her chief of staff and a team lead.
 *
 * 1. The lead adds a shift from the form (prefilled to the item she has open); it appears on the
 *    chief of staff's screen.
 * 2. The chief of staff and the lead edit the headcount and the skill of that same row at the same
 *    moment: both changes survive on both screens and on the server.
 * 3. Taking the people from a Red item shows the warning, in words, on every screen.
 * 4. The capacity view sums the moves per team (this week live, the quarter with the stored week),
 *    and says in words when a team's headcount, set on the workspace page, goes below zero.
 * 5. "Record it in the ledger" from an item's outcome adds a row to that item and links it.
 * 6. The team lead sees all of it and can change none of it.
 */
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import { addShift, readItem, readShift, setStatus, weekDocName, type Shift } from '@fourwall/shared'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReview, editWeek, seedOkrs } from '../support/board.js'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import type { TestSession } from '../support/server.js'

const EARLIER = '2026-W47'
const WEEK = '2026-W48'
const OKRS = [
  { objective: 'Cut checkout latency', team: 'Payments' },
  { objective: 'Ship refunds', team: 'Payments' },
  { objective: 'Android launch', team: 'Mobile' },
  { objective: 'Offline mode', team: 'Mobile' },
  { objective: 'Faster search', team: 'Search' },
]
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const SEED_BY = { id: 'seed', name: 'Seed Editor' }

const squish = (text: string): string => text.replace(/\s+/g, ' ').trim()

describe('the resource-shift ledger with a lead, a chief of staff and a team lead', () => {
  const suite = useServerAndBrowser()
  const okr: Record<string, string> = {}
  let lead: Page
  let chief: Page
  let teamLead: Page
  let chiefSession: TestSession
  let shiftId: string

  const ledger = (page: Page) => page.locator('[data-ledger]')
  const shiftRow = (page: Page, id = shiftId) => page.locator(`[data-shift-id="${id}"]`)
  const field = (row: Locator, label: string) => row.getByLabel(label, { exact: true })
  const serverShift = async (id = shiftId): Promise<Shift | null> => readShift((await suite.server.server.documents.get(weekDocName(WEEK))).ydoc, id)
  const capacityCell = (page: Page, team: string, column: string) => page.locator(`[data-capacity-team="${team}"] [data-column="${column}"]`)
  const open = async (session: TestSession, path = `/week/${WEEK}`): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, session, path)
    suite.pages.push(page)
    return page
  }
  const openBoard = async (session: TestSession): Promise<Page> => {
    const page = await open(session)
    await ledger(page).waitFor({ timeout: 15_000 })
    await page.locator('[data-capacity] table').waitFor({ timeout: 15_000 })
    return page
  }

  beforeAll(async () => {
    const ids = await seedOkrs(suite.server, OKRS)
    OKRS.forEach(({ objective }, index) => (okr[objective] = ids[index]!))
    const statuses = (doc: Parameters<typeof setStatus>[0]) => {
      setStatus(doc, okr['Cut checkout latency']!, 'red')
      setStatus(doc, okr['Ship refunds']!, 'yellow')
      setStatus(doc, okr['Android launch']!, 'red')
      setStatus(doc, okr['Offline mode']!, 'green')
      setStatus(doc, okr['Faster search']!, 'green')
    }
    // Last week (same quarter): Mobile's Offline mode gave 3 people to Checkout (Payments).
    await createReview(suite.server, EARLIER)
    await editWeek(suite.server, EARLIER, (doc) => {
      statuses(doc)
      addShift(doc, { from: { kind: 'item', okrId: okr['Offline mode']! }, to: okr['Cut checkout latency']!, headcount: 3, skill: 'back-end', status: 'done' }, { by: SEED_BY })
    })
    await createReview(suite.server, WEEK)
    await editWeek(suite.server, WEEK, statuses)
    const [sam, ana, tom] = await Promise.all([
      suite.server.signIn('engineering-lead', 'Sam Lead'),
      suite.server.signIn('chief-of-staff', 'Ana Chief', { worksFor: 'engineering-lead' }),
      suite.server.signIn('team-lead', 'Tom Team', { team: 'Mobile' }),
    ])
    chiefSession = ana
    ;[lead, chief, teamLead] = await Promise.all([openBoard(sam), openBoard(ana), openBoard(tom)])
  })

  it('starts empty, saying so, on every screen', async () => {
    for (const page of [lead, chief, teamLead]) {
      expect(await ledger(page).locator('[data-empty="shifts"]').innerText()).toContain('No resource shifts this week.')
    }
  })

  it('the lead adds a shift to the item she has open, and the chief of staff sees the row', async () => {
    await lead.locator(`[data-item-id="${okr['Android launch']}"] .item-row__toggle`).click()
    await ledger(lead).getByRole('button', { name: 'Add a shift' }).click()
    const form = ledger(lead).getByRole('form', { name: 'Add a shift' })
    // Prefilled to the open item (Red, Android launch), not the first Red item in the list.
    expect(await field(form, 'To').inputValue()).toBe(okr['Android launch'])
    await field(form, 'From').selectOption({ label: 'Search (team)' })
    await field(form, 'People').fill('2')
    await field(form, 'Skill').selectOption({ label: 'Mobile' })
    await form.getByRole('button', { name: 'Add shift' }).click()

    const row = chief.locator('[data-shift-id]')
    await row.waitFor({ timeout: 5_000 })
    shiftId = (await row.getAttribute('data-shift-id'))!
    // The arrow is read out as "to" (a visually hidden word beside it).
    expect(squish(await row.getByRole('heading').innerText())).toBe('2 × Mobile Search → to Red: Android launch (Mobile) Proposed')
    expect(await serverShift()).toMatchObject({ from: { kind: 'team' }, to: okr['Android launch'], headcount: 2, skill: 'mobile', status: 'proposed', createdBy: { name: 'Sam Lead' } })
  })

  it('the chief of staff and the lead edit the headcount and the skill of the same row at the same moment: both survive everywhere', async () => {
    const chiefHeadcount = field(shiftRow(chief), 'People')
    const leadSkill = field(shiftRow(lead), 'Skill')
    await shiftRow(lead).waitFor()
    await chiefHeadcount.fill('5')
    // Both commits at once: Enter writes the chief's number while the lead's choice writes the skill.
    await Promise.all([chiefHeadcount.press('Enter'), leadSkill.selectOption('data')])

    for (const page of [chief, lead]) {
      await expect.poll(() => field(shiftRow(page), 'People').inputValue(), { timeout: 5_000 }).toBe('5')
      await expect.poll(() => field(shiftRow(page), 'Skill').inputValue(), { timeout: 5_000 }).toBe('data')
    }
    await expect.poll(async () => {
      const shift = await serverShift()
      return [shift?.headcount, shift?.skill]
    }).toEqual([5, 'data'])
    await expect.poll(() => shiftRow(teamLead).getByRole('heading').innerText()).toMatch(/^5 × Data/)
  })

  it('taking the people from a Red item shows a warning in words on every screen', async () => {
    for (const page of [lead, chief, teamLead]) expect(await shiftRow(page).locator('[data-shift-warning]').count()).toBe(0)
    await field(shiftRow(chief), 'From').selectOption({ label: 'Red: Cut checkout latency (Payments)' })
    for (const page of [lead, chief, teamLead]) {
      const warning = shiftRow(page).locator('[data-shift-warning="from-red"]')
      await warning.waitFor({ timeout: 5_000 })
      expect(await warning.innerText()).toContain('Takes people from a Red item (Cut checkout latency).')
      // An icon beside the words, so the warning never rests on colour.
      expect(await warning.locator('svg.status-icon').count()).toBe(1)
    }
    expect((await serverShift())?.from).toEqual({ kind: 'item', okrId: okr['Cut checkout latency'] })
  })

  it('the capacity view sums the moves per team, this week live and the quarter with last week', async () => {
    // This week: Checkout (Payments) gives 5 to Android (Mobile). Last week: Offline mode (Mobile) gave 3 to Checkout.
    const expectRow = async (page: Page, team: string, cells: Record<string, string>) => {
      for (const [column, text] of Object.entries(cells)) {
        await expect.poll(() => capacityCell(page, team, column).innerText(), { timeout: 5_000 }).toBe(text)
      }
    }
    for (const page of [lead, teamLead]) {
      await expectRow(page, 'Payments', { 'week-in': '0', 'week-out': '5', 'week-net': '\u22125', 'quarter-net': '\u22122' })
      await expectRow(page, 'Mobile', { 'week-in': '5', 'week-out': '0', 'week-net': '+5', 'quarter-net': '+2' })
      await expectRow(page, 'Search', { 'week-in': '0', 'week-out': '0', 'week-net': '0', 'quarter-net': '0', headcount: 'Not known' })
    }
    expect(await lead.locator('[data-capacity] th[scope="col"]').allInnerTexts()).toContain('Net 2026-Q4')

    // The chief of staff enters Search's headcount on the workspace page (a second tab).
    const workspacePage = await open(chiefSession, '/workspace')
    const headcount = workspacePage.locator('[data-team-name="Search"]').getByLabel('Headcount of Search')
    await headcount.fill('1')
    await headcount.press('Enter')

    // A Node client (an editor's script) records a second shift: Search gives 2 to Refunds (Payments).
    await editWeek(suite.server, WEEK, (doc) => {
      addShift(doc, { from: { kind: 'team', teamId: (readItem(doc, okr['Faster search']!)!).teamId }, to: okr['Ship refunds']!, headcount: 2, skill: 'front-end' }, { by: SEED_BY })
    })
    for (const page of [lead, teamLead]) {
      await expectRow(page, 'Payments', { 'week-in': '2', 'week-out': '5', 'week-net': '\u22123', 'quarter-net': '0' })
      await expectRow(page, 'Search', { headcount: '1', 'week-out': '2', 'week-net': '\u22122', 'quarter-net': '\u22122', after: '\u22121, below zero' })
      expect(await page.locator('[data-capacity-team="Search"][data-below-zero="true"] svg.status-icon').count()).toBe(1)
      const searchShift = page.locator('[data-shift-id]').filter({ hasText: 'Search →' })
      await expect.poll(() => searchShift.locator('[data-shift-warning="below-zero"]').innerText()).toContain('Leaves Search at \u22121.')
    }

    // A reverted shift stops counting at once.
    const second = lead.locator('[data-shift-id]').filter({ hasText: 'Search →' })
    await field(second, 'Status').selectOption({ label: 'Reverted' })
    await expectRow(teamLead, 'Search', { 'week-out': '0', 'week-net': '0', after: '1' })
    await expectRow(teamLead, 'Payments', { 'week-in': '0', 'quarter-net': '\u22122' })
  })

  it('"Record it in the ledger" from an item\'s outcome adds a row going to that item and links it', async () => {
    const item = lead.locator(`[data-item-id="${okr['Ship refunds']}"]`)
    await item.locator('.item-row__toggle').click()
    const picker = item.locator('[data-outcome-picker]')
    await picker.getByRole('radio', { name: 'Resource shift' }).check()
    await picker.getByLabel('The resource shift, in one line').fill('Two designers from Offline mode until refunds ship')
    await picker.getByRole('button', { name: 'Record it in the ledger' }).click()
    const form = picker.getByRole('group', { name: 'Record the shift in the ledger' })
    await field(form, 'Take people from').selectOption({ label: 'Green: Offline mode (Mobile)' })
    await field(form, 'People').fill('2')
    await field(form, 'Skill').selectOption('design')
    await form.getByRole('button', { name: 'Record in the ledger' }).click()

    const link = picker.locator('[data-linked-shift]')
    await link.waitFor({ timeout: 5_000 })
    const linkedId = (await link.getAttribute('data-linked-shift'))!
    expect(await link.innerText()).toContain('2 × Design from Green: Offline mode (Mobile), proposed')
    const doc = (await suite.server.server.documents.get(weekDocName(WEEK))).ydoc
    await expect.poll(() => readItem(doc, okr['Ship refunds']!)?.outcome).toMatchObject({ kind: 'shift', summary: 'Two designers from Offline mode until refunds ship', shiftId: linkedId })
    expect(readShift(doc, linkedId)).toMatchObject({ to: okr['Ship refunds'], headcount: 2, skill: 'design', rationale: 'Two designers from Offline mode until refunds ship' })
    await shiftRow(chief, linkedId).waitFor({ timeout: 5_000 })
    expect(await field(shiftRow(chief, linkedId), 'Rationale').inputValue()).toBe('Two designers from Offline mode until refunds ship')

    // Rewording the outcome keeps its link to the row.
    const summary = picker.getByLabel('The resource shift, in one line')
    await summary.fill('Two designers from Offline mode for six weeks')
    await summary.press('Enter')
    await expect.poll(() => readItem(doc, okr['Ship refunds']!)?.outcome).toMatchObject({ summary: 'Two designers from Offline mode for six weeks', shiftId: linkedId })
  })

  it('the team lead reads every row and changes nothing', async () => {
    const rows = ledger(teamLead).locator('[data-shift-id]')
    expect(await rows.count()).toBe(3)
    expect(await ledger(teamLead).locator('input, select, textarea, button').count()).toBe(0)
    const row = shiftRow(teamLead)
    expect(await row.locator('[data-field="skill"]').innerText()).toBe('Data')
    expect(await row.locator('[data-field="headcount"]').innerText()).toBe('5')
    expect(await row.locator('[data-field="from"]').innerText()).toBe('Red: Cut checkout latency (Payments)')
    // The lead's screen has the controls the team lead's lacks.
    expect(await ledger(lead).locator('select, input').count()).toBeGreaterThan(0)
    for (const page of [lead, chief, teamLead]) expect(pageErrors(page)).toEqual([])
  })

  it('has no serious accessibility problem in the ledger, editable or read-only', async () => {
    for (const page of [lead, teamLead]) {
      await page.addScriptTag({ path: AXE_SCRIPT })
      const findings = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe
        const results = await axe.run(document.querySelector('[data-ledger]')!, { resultTypes: ['violations'] })
        return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      })
      expect(findings).toEqual([])
    }
  })
})
