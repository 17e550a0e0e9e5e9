/**
 * The workspace page in Chromium: a lead sets up a team and an OKR with the forms, imports a CSV
 * file with one bad row and reads the report naming that row, and a second person's page shows
 * every change live. A team lead reads the same workspace with no control that could change it.
 * A y-websocket client in Node checks that what the page shows is what the server's document holds.
 */
import { addOkr, addTeam, listOkrs, listTeams, WORKSPACE_DOC } from '@fourwall/shared'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const CSV = [
  'objective,key_results,team,domain',
  '"Cut incidents, keep velocity",Fewer than 2 Sev1;On-call under 5 pages a week,Platform,engineering',
  'Grow the partner channel,10 partners live,Growth,marketing',
  'Launch in Brazil,Local payment methods,Payments,shared',
].join('\n')

describe('the workspace page in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite

  const openWorkspace = async (role: Parameters<typeof suite.server.signIn>[0], name: string): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn(role, name), '/workspace')
    pages.push(page)
    await page.locator('[data-screen="workspace"][data-synced="true"]').waitFor({ timeout: 15_000 })
    return page
  }
  const watch = async (): Promise<YClient> => {
    const client = connectClient(suite.server.wsUrl, WORKSPACE_DOC, suite.server.token('admin', 'Watcher'))
    clients.push(client)
    await waitForSync(client.provider)
    return client
  }
  const objectives = (page: Page) => page.locator('[data-okr-objective]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-okr-objective')))

  it('adds a team and an OKR, imports a CSV with a bad row, and a second person sees it all live', async () => {
    const server = await watch()
    const lead = await openWorkspace('product-lead', 'Pia Product')
    const colleague = await openWorkspace('chief-of-staff', 'Cass Staff')

    // An empty workspace says what to do.
    await lead.locator('[data-empty="okrs"]').waitFor()
    expect(await lead.locator('[data-empty="okrs"]').innerText()).toMatch(/CSV/)
    await lead.locator('[data-empty="teams"]').waitFor()

    // A team, added with the form: in the server's document, and on the colleague's page.
    await lead.getByLabel('New team').fill('Payments')
    await lead.getByRole('button', { name: 'Add team' }).click()
    await waitFor(() => listTeams(server.doc).map((team) => team.name), (names) => names.includes('Payments'), 10_000, 'team stored')
    await colleague.locator('[data-team-name="Payments"]').waitFor({ timeout: 10_000 })

    // The same name again is refused with the shared rule's sentence, and nothing is written.
    await lead.getByLabel('New team').fill(' payments ')
    await lead.getByRole('button', { name: 'Add team' }).click()
    expect(await lead.locator('[data-add-team] [data-problem]').innerText()).toContain('There is already a team called payments.')
    expect(listTeams(server.doc)).toHaveLength(1)

    // An OKR, with two key results (one per line), for that team, in the Engineering domain.
    await lead.getByRole('button', { name: 'Add an OKR' }).click()
    const form = lead.getByRole('form', { name: 'Add an OKR' })
    await form.getByLabel('Objective').fill('Ship checkout v2')
    await form.getByLabel('Key results').fill('Conversion +3%\n\np95 under 300 ms')
    await form.getByLabel('Team').selectOption({ label: 'Payments' })
    await form.getByLabel('Domain').selectOption({ label: 'Engineering' })
    await form.getByRole('button', { name: 'Add OKR' }).click()
    const stored = await waitFor(() => listOkrs(server.doc), (okrs) => okrs.length === 1, 10_000, 'OKR stored')
    expect(stored[0]).toMatchObject({ objective: 'Ship checkout v2', keyResults: ['Conversion +3%', 'p95 under 300 ms'], domain: 'engineering' })
    expect(stored[0]!.teamId).toBe(listTeams(server.doc)[0]!.id)
    const row = colleague.locator('[data-okr-objective="Ship checkout v2"]')
    await row.waitFor({ timeout: 10_000 })
    expect(await row.innerText()).toMatch(/Conversion \+3%[\s\S]*p95 under 300 ms[\s\S]*Engineering/)

    // The CSV import: a file with one row whose domain is wrong. The preview says what will happen first.
    await lead.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'okrs.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    const preview = lead.locator('[data-import-preview]')
    await preview.waitFor()
    expect(await preview.innerText()).toMatch(/2 OKRs will be imported\.[\s\S]*1 new team will be created: Platform\.[\s\S]*1 row will be left out/)
    expect(await preview.locator('[data-rejected-line="3"]').innerText()).toContain('marketing')
    expect(listOkrs(server.doc)).toHaveLength(1) // a preview writes nothing

    await lead.getByRole('button', { name: 'Import', exact: true }).click()
    const report = lead.locator('[data-import-report]')
    await report.waitFor()
    expect(await report.innerText()).toMatch(/Imported 2 OKRs\.[\s\S]*Created 1 new team: Platform\.[\s\S]*Rejected 1 row/)
    const rejected = report.locator('[data-rejected-line]')
    expect(await rejected.count()).toBe(1)
    expect(await rejected.innerText()).toMatch(/^Line 3: The domain "marketing" is not product, engineering or shared\./)

    // Everyone sees the imported OKRs at once, grouped under their teams (one created by the import).
    await waitFor(() => listOkrs(server.doc).length, (n) => n === 3, 10_000, 'imported OKRs stored')
    await expect.poll(() => objectives(colleague), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['Ship checkout v2', 'Cut incidents, keep velocity', 'Launch in Brazil']),
    )
    expect(await colleague.locator('tbody[data-okr-team="Platform"]').innerText()).toContain('Cut incidents, keep velocity')
    expect(await colleague.locator('tbody[data-okr-team="Payments"]').innerText()).toContain('Launch in Brazil')
    expect(await objectives(colleague)).not.toContain('Grow the partner channel')

    // Reordering within a team, live: "Launch in Brazil" moves above "Ship checkout v2".
    await lead.getByRole('button', { name: 'Move Launch in Brazil up' }).click()
    await expect
      .poll(() => colleague.locator('tbody[data-okr-team="Payments"] [data-okr-objective]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-okr-objective'))), { timeout: 10_000 })
      .toEqual(['Launch in Brazil', 'Ship checkout v2'])

    // Renaming a team in place reaches the colleague; removing a team that still owns OKRs says why not.
    await lead.getByRole('button', { name: 'Rename Platform' }).click()
    await lead.getByLabel('New name for Platform').fill('Platform & SRE')
    await lead.keyboard.press('Enter')
    await colleague.locator('[data-team-name="Platform & SRE"]').waitFor({ timeout: 10_000 })
    await lead.getByRole('button', { name: 'Remove Payments' }).click()
    expect(await lead.locator('[data-team-name="Payments"] [data-problem]').innerText()).toBe('Payments still owns 2 OKRs: move or remove them first.')
    expect(listTeams(server.doc).map((team) => team.name)).toContain('Payments')

    expect(pageErrors(lead)).toEqual([])
    expect(pageErrors(colleague)).toEqual([])
  })

  it('shows a team lead the workspace read-only, with no control that could change it', async () => {
    const editor = await watch()
    const mobile = addTeam(editor.doc, 'Mobile')
    addOkr(editor.doc, { objective: 'Offline mode for the app', keyResults: ['Works on the subway'], teamId: mobile.id, domain: 'product' })
    const server = await watch()
    await waitFor(() => listOkrs(server.doc).map((okr) => okr.objective), (list) => list.includes('Offline mode for the app'), 10_000, 'OKR stored')

    const viewer = await openWorkspace('team-lead', 'Tia Team')
    await viewer.locator('[data-read-only]').waitFor()
    // The same content, as text.
    await expect.poll(() => objectives(viewer), { timeout: 10_000 }).toEqual(expect.arrayContaining(listOkrs(server.doc).map((okr) => okr.objective)))
    expect(await viewer.locator('[data-okr-objective="Offline mode for the app"]').innerText()).toMatch(/Works on the subway[\s\S]*Product/)
    expect(await viewer.locator('[data-section="teams"]').innerText()).toContain('Mobile')
    // Nothing to press or type into, and no import section at all.
    const controls = viewer.locator('main input, main textarea, main select, main button, main [contenteditable="true"]')
    expect(await controls.count()).toBe(0)
    expect(await viewer.locator('[data-section="import"]').count()).toBe(0)

    // Still live: an edit made elsewhere appears.
    addTeam(editor.doc, 'Web')
    await viewer.locator('[data-team-name="Web"]').waitFor({ timeout: 10_000 })
    expect(await controls.count()).toBe(0)
    expect(pageErrors(viewer)).toEqual([])
  })
})
