/**
 * Closing a review and its summary, in Chromium: an admin connects Slack on the admin page (to a
 * local HTTP receiver standing in for Slack's incoming webhook), a lead closes the week from the
 * board, reads the summary, copies its Markdown and posts it again; a team lead reads the same
 * summary with nothing to press but Copy. On a fresh installation, the demo offer loads the demo.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  addOkr,
  addTeam,
  currentWeekId,
  listItems,
  recordOutcome,
  setStatus,
  weekDocName,
  WORKSPACE_DOC,
  type WeekId,
} from '@fourwall/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_OKRS, DEMO_TEAMS } from '../../server/src/demo/demoData.js'
import { closePage, launchBrowser, newPageWithSession, pageErrors, useServerAndBrowser } from '../support/browser.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

/** What the stand-in for Slack received: one entry per POST, its path and JSON body. */
interface Received {
  path: string
  body: { text?: unknown }
}

/** A local HTTP receiver on port 0 playing Slack's incoming webhook: it answers "ok" and records each post. */
async function startSlackReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      let body: Received['body'] = {}
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body']
      } catch {
        // recorded as an empty body: the test then fails on the missing text
      }
      received.push({ path: request.url ?? '', body })
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const RED = 'Launch one-click checkout'
const YELLOW = 'Migrate billing to Postgres 16'
const DECISION = 'Delay the EU launch by two weeks'

describe('closing a review and its summary in Chromium', () => {
  const suite = useServerAndBrowser()
  const { pages, clients } = suite
  let slack: Awaited<ReturnType<typeof startSlackReceiver>>
  const weekId = currentWeekId()

  beforeAll(async () => {
    slack = await startSlackReceiver()
  })
  afterAll(async () => {
    await slack?.close()
  })

  const connect = async (docName: string): Promise<YClient> => {
    const client = connectClient(suite.server.wsUrl, docName, suite.server.token('admin', 'Seeder'))
    clients.push(client)
    await waitForSync(client.provider)
    return client
  }
  const open = async (role: Parameters<TestServer['signIn']>[0], name: string, path: string): Promise<Page> => {
    const page = await newPageWithSession(suite.browser, suite.server.url, await suite.server.signIn(role, name), path)
    pages.push(page)
    return page
  }

  /** One Red item with a decision, one Yellow without an outcome, one Green: the week as the review left it. */
  async function seedWeek(admin: Awaited<ReturnType<TestServer['signIn']>>): Promise<void> {
    const workspace = await connect(WORKSPACE_DOC)
    const payments = addTeam(workspace.doc, 'Payments')
    const platform = addTeam(workspace.doc, 'Platform')
    addOkr(workspace.doc, { objective: RED, teamId: payments.id, domain: 'product', keyResults: ['Conversion +3%'] })
    addOkr(workspace.doc, { objective: YELLOW, teamId: platform.id, domain: 'engineering' })
    addOkr(workspace.doc, { objective: 'Keep the API up', teamId: platform.id, domain: 'engineering' })
    const check = await connect(WORKSPACE_DOC)
    await waitFor(() => check.doc.getMap('okrs').size, (n) => n === 3, 10_000, 'OKRs stored')

    const created = await fetch(`${suite.server.url}/api/weeks/${weekId}`, { method: 'POST', headers: admin.headers() })
    expect(created.status).toBe(201)

    const week = await connect(weekDocName(weekId))
    const items = await waitFor(() => listItems(week.doc), (list) => list.length === 3, 10_000, 'items created')
    const idOf = (objective: string): string => items.find((item) => item.objective === objective)!.id
    setStatus(week.doc, idOf(RED), 'red')
    recordOutcome(week.doc, idOf(RED), { kind: 'decision', summary: DECISION }, { by: { id: admin.identity.id, name: admin.identity.name } })
    setStatus(week.doc, idOf(YELLOW), 'yellow')
    setStatus(week.doc, idOf('Keep the API up'), 'green')
    const reader = await connect(weekDocName(weekId))
    await waitFor(() => listItems(reader.doc).find((item) => item.objective === RED)?.outcome?.kind, (kind) => kind === 'decision', 10_000, 'outcome stored')
  }

  it('configures Slack on the admin page, closes the week from the board, and copies and posts its summary', async () => {
    const adminSession = await suite.server.signIn('admin', 'Ada Admin')
    await seedWeek(adminSession)

    // The admin connects Slack: an address that is not one is caught before anything is sent.
    const admin = await newPageWithSession(suite.browser, suite.server.url, adminSession, '/admin#settings')
    pages.push(admin)
    const settings = admin.locator('[data-section="settings"]')
    await settings.locator('[data-slack-configured="false"]').waitFor()
    expect(await settings.innerText()).toContain('When a lead closes a review, its summary is posted to this Slack channel.')
    const urlField = admin.getByLabel('Incoming webhook URL')
    await urlField.fill('hooks.slack.com/services/nope')
    await admin.getByRole('button', { name: 'Save', exact: true }).click()
    expect(await settings.locator('.field__error').innerText()).toMatch(/not a full web address/)
    await urlField.fill('http://hooks.example.com/services/x')
    await admin.getByRole('button', { name: 'Save', exact: true }).click()
    expect(await settings.locator('.field__error').innerText()).toMatch(/must start with https:\/\//)
    // What only the server refuses is shown in its words, and nothing is stored.
    await urlField.fill('https://someone:secret@hooks.slack.com/services/x')
    await admin.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => settings.locator('[data-problem]').innerText()).toContain('must not contain a user name or password')
    expect(await settings.locator('[data-slack-configured="false"]').count()).toBe(1)

    const secretPath = '/services/T000/B000/averysecretwebhookpath'
    await urlField.fill(`${slack.url}${secretPath}`)
    await admin.getByRole('button', { name: 'Save', exact: true }).click()
    const configured = settings.locator('[data-slack-configured="true"]')
    await configured.waitFor()
    // Shown masked: recognisable, but not the secret path.
    const shown = await configured.locator('[data-slack-url]').innerText()
    expect(shown.startsWith(slack.url)).toBe(true)
    expect(shown).not.toContain('averysecret')

    await admin.getByRole('button', { name: 'Send a test message' }).click()
    await settings.locator('[data-slack-test="ok"]').waitFor()
    expect(await settings.locator('[data-slack-test="ok"]').innerText()).toContain('Slack accepted the test message')
    expect(slack.received).toHaveLength(1)
    expect(slack.received[0]!.path).toBe(secretPath)

    // A lead closes the review from the board: the confirm step tells what it is closed with.
    const lead = await open('product-lead', 'Pia Product', '/')
    await lead.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
    await lead.getByRole('button', { name: 'Close review' }).click()
    const confirm = lead.getByRole('dialog', { name: 'Close this review?' })
    await confirm.waitFor()
    expect(await confirm.innerText()).toMatch(/1 Red and 1 Yellow, 1 without an outcome; 1 Green\./)
    expect(await confirm.innerText()).toMatch(/read-only for everyone/)
    await confirm.getByRole('button', { name: 'Close the review' }).click()

    // The summary dialog opens with what Slack did, and the Markdown the server posted.
    const dialog = lead.locator('[data-summary-markdown]')
    await dialog.waitFor({ timeout: 15_000 })
    const markdown = (await dialog.getAttribute('data-summary-markdown'))!
    expect(markdown).toContain(RED)
    expect(markdown).toContain(`Decision: ${DECISION}`)
    expect(markdown).toContain(YELLOW)
    await lead.locator('[data-closed-slack="posted"]').waitFor()
    expect(await lead.locator('[data-closed-slack]').innerText()).toContain('The summary was posted to Slack.')
    expect(slack.received).toHaveLength(2)
    expect(slack.received[1]!.body.text).toBe(markdown)
    expect(await lead.locator('[data-summary-text]').innerText()).toContain(DECISION)

    // Copy Markdown puts the exact text on the clipboard.
    await lead.getByRole('button', { name: 'Copy Markdown' }).click()
    await lead.locator('[data-copy="copied"]').waitFor()
    expect(await lead.evaluate(() => navigator.clipboard.readText())).toBe(markdown)

    // Posting again sends the same summary once more.
    await lead.getByRole('button', { name: 'Post to Slack' }).click()
    await lead.locator('[data-slack-post="posted"]').waitFor()
    expect(slack.received).toHaveLength(3)
    expect(slack.received[2]!.body.text).toBe(markdown)

    // Once the dialog is closed, the board no longer offers to close the week.
    await lead.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => lead.getByRole('button', { name: 'Close review' }).count(), { timeout: 10_000 }).toBe(0)

    // A team lead reads the same summary, and can neither close the week nor post it.
    const viewer = await open('team-lead', 'Tia Team', '/')
    await viewer.getByRole('button', { name: 'Summary' }).click()
    const viewerDialog = viewer.locator('[data-summary-markdown]')
    await viewerDialog.waitFor({ timeout: 15_000 })
    expect(await viewerDialog.getAttribute('data-summary-markdown')).toBe(markdown)
    expect(await viewer.getByRole('button', { name: 'Post to Slack' }).count()).toBe(0)
    expect(await viewer.getByRole('button', { name: 'Close review' }).count()).toBe(0)

    for (const page of [admin, lead, viewer]) expect(pageErrors(page).filter((line) => !/status of 4\d\d/.test(line))).toEqual([])
  })
})

describe('the demo offer on a fresh installation', () => {
  let server: TestServer
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  const cleanup: Array<() => Promise<void> | void> = []

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step()
    await browser?.close()
    await server?.close()
  })

  it('loads the demo workspace and this week\'s review with Reds and Yellows', async () => {
    const weekId: WeekId = currentWeekId()
    const lead = await newPageWithSession(browser, server.url, await server.signIn('engineering-lead', 'Eli Engineering'), '/workspace')
    cleanup.push(() => closePage(lead))
    const offer = lead.locator('[data-demo-offer]')
    await offer.waitFor({ timeout: 15_000 })
    expect(await offer.innerText()).toContain('6 teams with their OKRs, two past weeks and this week\'s review')
    await offer.getByRole('button', { name: 'Load the demo' }).click()

    // The workspace page fills in live (the empty state, and the offer in it, make way for the OKRs),
    // and the offer is gone for good.
    await expect.poll(() => lead.locator('[data-okr-objective]').count(), { timeout: 20_000 }).toBe(DEMO_OKRS.length)
    expect(await lead.locator('[data-section="teams"] [data-team-name]').count()).toBe(DEMO_TEAMS.length)
    expect(await lead.locator('[data-demo-offer]').count()).toBe(0)
    const answer = (await (await fetch(`${server.url}/api/demo`, { headers: { authorization: `Bearer ${server.token('admin')}` } })).json()) as { available: boolean }
    expect(answer.available).toBe(false)

    // The board route now has this week's review, with Red and Yellow items to discuss: in the
    // page's own synced document, and in the server's, as a y-websocket client reads it.
    await lead.goto(`${server.url}/`)
    const pageItems = () =>
      lead.evaluate(() => (window as unknown as { __fourwall?: { doc: { getMap(name: string): { size: number } } } }).__fourwall?.doc.getMap('items').size ?? 0)
    await expect.poll(pageItems, { timeout: 15_000 }).toBe(DEMO_OKRS.length)
    const week = connectClient(server.wsUrl, weekDocName(weekId), server.token('team-lead', 'Watcher'))
    cleanup.push(() => week.destroy())
    await waitForSync(week.provider)
    const items = await waitFor(() => listItems(week.doc), (list) => list.length === DEMO_OKRS.length, 10_000, 'demo items')
    expect(items.some((item) => item.status === 'red')).toBe(true)
    expect(items.some((item) => item.status === 'yellow')).toBe(true)
    expect(pageErrors(lead).filter((line) => !/status of 4\d\d/.test(line))).toEqual([])
  })
})
