/**
 * A week is a copy of the workspace taken when it was created. When a lead adds an OKR during the
 * week, the board tells the editors and brings the week up to date on one click, without touching
 * anyone's statuses; a team lead is not offered it.
 */
import { addOkr, findTeamByName, listItems, readItem, weekDocName, WORKSPACE_DOC } from '@fourwall/shared'
import { describe, expect, it } from 'vitest'
import { seedBoard, serverHasAll } from '../support/board.js'
import { newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

const WEEK = '2026-W41'

describe('a week behind its workspace', () => {
  const suite = useServerAndBrowser()

  it('offers editors to bring in OKRs added since the week was created, keeping every status', async () => {
    const board = await seedBoard(suite.server, WEEK, [
      { objective: 'Cut checkout latency in half', team: 'Payments', status: 'red', note: 'Blocked on the ledger' },
      { objective: 'Ship self-serve refunds', team: 'Payments', status: 'green' },
    ])
    const chief = await suite.server.signIn('chief-of-staff', 'Ana Chief')
    const teamLead = await suite.server.signIn('team-lead', 'Tom Team', { team: 'Payments' })
    const editorPage = await newPageWithSession(suite.browser, suite.server.url, chief, `/week/${WEEK}`)
    const viewerPage = await newPageWithSession(suite.browser, suite.server.url, teamLead, `/week/${WEEK}`)
    suite.pages.push(editorPage, viewerPage)
    for (const page of [editorPage, viewerPage]) await page.locator('[data-section="discuss"] [data-item-id]').first().waitFor()
    // Nothing to bring over yet: no notice.
    expect(await editorPage.locator('[data-week-drift]').count()).toBe(0)

    const workspace = connectClient(suite.server.wsUrl, WORKSPACE_DOC, suite.server.token('product-lead', 'Pat Lead'))
    suite.clients.push(workspace)
    await waitForSync(workspace.provider)
    const added = addOkr(workspace.doc, { objective: 'Hire two SREs', teamId: findTeamByName(workspace.doc, 'Payments')!.id, domain: 'engineering' })
    await serverHasAll(suite.server, WORKSPACE_DOC, workspace)

    const notice = editorPage.locator('[data-week-drift]')
    await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain("1 OKR was added to the workspace since this week's review was created.")
    await notice.getByRole('button', { name: 'Bring this week up to date' }).click()
    await editorPage.locator(`[data-section="unset"] [data-item-id="${added.id}"]`).waitFor({ timeout: 10_000 })
    await expect.poll(() => notice.count()).toBe(0)

    // Stored, and nothing else changed.
    const check = connectClient(suite.server.wsUrl, weekDocName(WEEK), suite.server.token('editor', 'Checker'))
    suite.clients.push(check)
    await waitForSync(check.provider)
    await waitFor(() => listItems(check.doc).length, (n) => n === 3, 10_000, 'the new item on the server')
    expect(readItem(check.doc, board.idOf('Cut checkout latency in half'))).toMatchObject({ status: 'red', note: 'Blocked on the ledger' })
    expect(readItem(check.doc, added.id)).toMatchObject({ status: 'unset', objective: 'Hire two SREs', teamName: 'Payments' })

    // The team lead saw the item arrive but was never offered the button.
    await viewerPage.locator(`[data-item-id="${added.id}"]`).waitFor({ timeout: 10_000 })
    expect(await viewerPage.locator('[data-week-drift]').count()).toBe(0)
    for (const page of [editorPage, viewerPage]) expect(pageErrors(page)).toEqual([])
  })
})
