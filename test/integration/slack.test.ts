/**
 * The week's summary and the Slack incoming webhook against a real server: an admin sets the
 * webhook, a lead marks an item Red with an outcome through a stock y-websocket client, and closing
 * the week posts the summary to a local HTTP receiver standing in for Slack (the one external
 * service, so the only thing replaced). A receiver that fails or hangs never stops the close.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addOkr, addTeam, readItem, recordOutcome, updateItem, type AuditEntry, type WeekSummary } from '@fourwall/shared'
import { createLogger } from '@fourwall/server'
import { startServer, type TestServer, type TestSession } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK = '2026-W48'
const SECRET_PATH = '/services/T0FOURWALL/B0SUMMARY/s3cretPathXYZ9'

type ReceiverMode = 'ok' | 'fail' | 'hang'

/** A stand-in for Slack's incoming webhook: records every JSON body it is sent. */
interface Receiver {
  url: string
  mode: ReceiverMode
  bodies: Array<{ text: string; contentType: string | undefined }>
  close(): Promise<void>
}

async function startReceiver(mode: ReceiverMode = 'ok'): Promise<Receiver> {
  const bodies: Receiver['bodies'] = []
  const receiver: Receiver = { url: '', mode, bodies, close: async () => {} }
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string }
      bodies.push({ text: parsed.text, contentType: request.headers['content-type'] })
      if (receiver.mode === 'hang') return // never answers
      if (receiver.mode === 'fail') response.writeHead(500, { 'content-type': 'text/plain' }).end('no_service')
      else response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SECRET_PATH}`
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return receiver
}

type Json = Record<string, unknown>

describe('the week summary and the Slack webhook', () => {
  let server: TestServer
  let receiver: Receiver
  let admin: TestSession
  const clients: YClient[] = []
  /** The server's warnings and errors, to check that the webhook's secret path never reaches a log. */
  let logLines: string[] = []

  async function api(who: TestSession | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const headers = who ? who.headers() : { 'content-type': 'application/json' }
    const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await response.text()
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} }
  }

  const setWebhook = (url: string | null) => api(admin, 'PUT', '/api/admin/settings/slack', { url })

  /**
   * The workspace (two OKRs) written by a y-websocket client, the week created over HTTP, then the
   * lead marks one item Red with a note and a decision through their own y-websocket connection.
   */
  async function weekWithRedDecision(lead: TestSession): Promise<{ redId: string; greenId: string }> {
    const workspace = connectClient(server.wsUrl, 'workspace', { cookie: lead.cookie })
    clients.push(workspace)
    await waitForSync(workspace.provider)
    const team = addTeam(workspace.doc, 'Payments')
    const red = addOkr(workspace.doc, { objective: 'Launch one-click checkout in the EU', teamId: team.id, domain: 'product', keyResults: ['Conversion 68%'] })
    const green = addOkr(workspace.doc, { objective: 'Reconcile payouts automatically', teamId: team.id, domain: 'engineering' })
    const watcher = connectClient(server.wsUrl, 'workspace', server.token('editor'))
    clients.push(watcher)
    await waitFor(() => (watcher.provider.synced ? watcher.doc.getMap('okrs').size : 0), (n) => n === 2, 10_000, 'OKRs on the server')

    expect((await api(lead, 'POST', `/api/weeks/${WEEK}`)).status).toBe(201)
    const week = connectClient(server.wsUrl, `week:${WEEK}`, { cookie: lead.cookie })
    clients.push(week)
    await waitForSync(week.provider)
    await waitFor(() => week.doc.getMap('items').size, (n) => n === 2, 10_000, 'items')
    updateItem(week.doc, red.id, { status: 'red', note: 'PSP certification failed', owner: 'Ana Souza', ask: 'A decision on the date' })
    updateItem(week.doc, green.id, { status: 'green' })
    recordOutcome(week.doc, red.id, { kind: 'decision', summary: 'Delay the EU launch by two weeks' }, { by: lead.identity })
    const check = connectClient(server.wsUrl, `week:${WEEK}`, server.token('team-lead'))
    clients.push(check)
    await waitFor(() => (check.provider.synced ? readItem(check.doc, red.id)?.outcome?.kind : undefined), (kind) => kind === 'decision', 10_000, 'outcome on the server')
    return { redId: red.id, greenId: green.id }
  }

  beforeEach(async () => {
    logLines = []
    server = await startServer({}, {}, { log: createLogger('warn', (line) => logLines.push(line)) })
    receiver = await startReceiver()
    admin = await server.signIn('admin', 'Ada Admin')
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    await receiver.close()
  })

  it('lets only an admin set, see (masked), test and remove the webhook', async () => {
    expect(await api(admin, 'GET', '/api/admin/settings')).toEqual({ status: 200, body: { slack: { configured: false, url: null } } })
    expect((await api(admin, 'POST', '/api/admin/settings/slack/test')).status).toBe(409)

    const port = new URL(receiver.url).port
    const masked = `http://127.0.0.1:${port}/…XYZ9`
    expect(await setWebhook(receiver.url)).toEqual({ status: 200, body: { slack: { configured: true, url: masked } } })
    const read = await api(admin, 'GET', '/api/admin/settings')
    expect(read.body).toEqual({ slack: { configured: true, url: masked } })
    expect(JSON.stringify(read.body)).not.toContain('s3cret')

    // Nobody else may read or change it, not even the leads.
    for (const role of ['team-lead', 'chief-of-staff', 'product-lead', 'editor'] as const) {
      const someone = await server.signIn(role, `Someone ${role}`)
      expect((await api(someone, 'GET', '/api/admin/settings')).status, role).toBe(403)
      const attempt = await api(someone, 'PUT', '/api/admin/settings/slack', { url: 'https://hooks.slack.com/services/evil' })
      expect(attempt.status, role).toBe(403)
      expect(attempt.body.error).toMatch(/only an admin/)
      expect((await api(someone, 'POST', '/api/admin/settings/slack/test')).status, role).toBe(403)
    }
    // A cookie session without its CSRF token cannot change it either.
    const noCsrf = await fetch(`${server.url}/api/admin/settings/slack`, {
      method: 'PUT',
      headers: { cookie: admin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ url: null }),
    })
    expect(noCsrf.status).toBe(403)
    expect((await api(admin, 'GET', '/api/admin/settings')).body).toEqual({ slack: { configured: true, url: masked } })

    // The test message reaches the receiver.
    expect(await api(admin, 'POST', '/api/admin/settings/slack/test')).toEqual({ status: 200, body: { ok: true } })
    expect(receiver.bodies).toHaveLength(1)
    expect(receiver.bodies[0]!.contentType).toMatch(/^application\/json/)
    expect(receiver.bodies[0]!.text).toMatch(/Fourwall is connected/)
    receiver.mode = 'fail'
    const failed = await api(admin, 'POST', '/api/admin/settings/slack/test')
    expect(failed.status).toBe(502)
    expect(failed.body.error).toBe('The Slack webhook answered 500 Internal Server Error (no_service).')

    // The audit log says who changed it, with the address masked.
    expect(await setWebhook(null)).toEqual({ status: 200, body: { slack: { configured: false, url: null } } })
    const audit = (await api(admin, 'GET', '/api/audit')).body.entries as AuditEntry[]
    const changes = audit.filter((entry) => entry.action === 'settings.changed')
    expect(changes.map((entry) => entry.detail.change)).toEqual(['removed', 'set'])
    expect(changes[1]).toMatchObject({ actorName: 'Ada Admin', target: 'slack', detail: { url: masked } })
    expect(JSON.stringify(audit)).not.toContain('s3cret')
  })

  it('refuses invalid webhook addresses with a sentence', async () => {
    const cases: Array<[unknown, RegExp]> = [
      ['not a url', /full address starting with https:\/\//],
      ['ftp://hooks.example.com/x', /must start with https:\/\//],
      ['http://hooks.slack.com/services/T0/B0/x', /must use https:\/\/ \(plain http:\/\/ is allowed only for localhost\)/],
      [`https://hooks.slack.com/${'a'.repeat(500)}`, /at most 500 characters/],
      ['https://user:pw@hooks.slack.com/services/x', /must not contain a user name or password/],
      ['   ', /must be text/],
      [42, /must be text/],
    ]
    for (const [url, sentence] of cases) {
      const answer = await setWebhook(url as string)
      expect(answer.status, String(url)).toBe(400)
      expect(answer.body.error, String(url)).toMatch(sentence)
    }
    const missing = await api(admin, 'PUT', '/api/admin/settings/slack', {})
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatch(/"url": null/)
    expect((await api(admin, 'GET', '/api/admin/settings')).body).toEqual({ slack: { configured: false, url: null } })
    // https anywhere, and plain http to this machine, are accepted.
    expect((await setWebhook('https://hooks.slack.com/services/T0/B0/abcd1234')).body).toEqual({
      slack: { configured: true, url: 'https://hooks.slack.com/…1234' },
    })
    expect((await setWebhook('http://localhost:9/hook')).status).toBe(200)
  })

  it('posts exactly one summary when a lead closes the week, and again on request', async () => {
    const lead = await server.signIn('product-lead', 'Priya Lead')
    await weekWithRedDecision(lead)
    expect((await setWebhook(receiver.url)).status).toBe(200)

    // Before the close: readable, not postable.
    const teamLead = await server.signIn('team-lead', 'Tess Team', { team: 'Payments' })
    const early = await api(lead, 'POST', `/api/weeks/${WEEK}/summary/slack`)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatch(/not closed yet/)
    expect(receiver.bodies).toHaveLength(0)

    const closed = await api(lead, 'POST', `/api/weeks/${WEEK}/close`)
    expect(closed.status).toBe(200)
    expect(closed.body).toMatchObject({ weekId: WEEK, closed: { byName: 'Priya Lead' }, slack: { posted: true } })
    expect(receiver.bodies).toHaveLength(1)
    const text = receiver.bodies[0]!.text
    expect(text).toContain('*Four-wall review, week 48 (23–29 Nov 2026)*')
    expect(text).toContain('- *Red* · Payments · Launch one-click checkout in the EU')
    expect(text).toContain('  - Outcome: Decision: Delay the EU launch by two weeks')
    expect(text).toContain('1 Red, 0 Yellow discussed; 1 Green skipped')
    expect(text).toContain('Closed by Priya Lead on ')
    expect(text).not.toContain('Reconcile payouts')

    // A team lead reads the same summary the channel got.
    const summary = await api(teamLead, 'GET', `/api/weeks/${WEEK}/summary`)
    expect(summary.status).toBe(200)
    expect(summary.body.markdown).toBe(text)
    expect(summary.body.slackConfigured).toBe(true)
    const data = summary.body.summary as unknown as WeekSummary
    expect(data.red.map((item) => [item.objective, item.outcome?.kind])).toEqual([['Launch one-click checkout in the EU', 'decision']])
    expect(data).toMatchObject({ weekId: WEEK, greenCount: 1, unsetCount: 0, closed: { byName: 'Priya Lead' }, progress: { total: 1, discussed: 1, left: 0 } })

    // Posting again: the leads only.
    for (const who of [teamLead, await server.signIn('chief-of-staff', 'Cass Staff'), admin]) {
      expect((await api(who, 'POST', `/api/weeks/${WEEK}/summary/slack`)).status, who.identity.role).toBe(403)
    }
    const again = await api(lead, 'POST', `/api/weeks/${WEEK}/summary/slack`)
    expect(again).toEqual({ status: 200, body: { weekId: WEEK, slack: { posted: true } } })
    expect(receiver.bodies.map((body) => body.text)).toEqual([text, text])

    const audit = (await api(admin, 'GET', '/api/audit')).body.entries as AuditEntry[]
    const posted = audit.filter((entry) => entry.action === 'week.summary.posted')
    expect(posted.map((entry) => [entry.target, entry.actorName, entry.detail.trigger])).toEqual([
      [WEEK, 'Priya Lead', 'request'],
      [WEEK, 'Priya Lead', 'close'],
    ])
  })

  it('closes the week even when the receiver answers 500', async () => {
    const lead = await server.signIn('engineering-lead', 'Eli Lead')
    await weekWithRedDecision(lead)
    await setWebhook(receiver.url)
    receiver.mode = 'fail'
    const closed = await api(lead, 'POST', `/api/weeks/${WEEK}/close`)
    expect(closed.status).toBe(200)
    expect(closed.body.slack).toEqual({ posted: false, error: 'The Slack webhook answered 500 Internal Server Error (no_service).' })
    expect(receiver.bodies).toHaveLength(1)
    expect((await api(lead, 'POST', `/api/weeks/${WEEK}/close`)).status).toBe(409)

    const retry = await api(lead, 'POST', `/api/weeks/${WEEK}/summary/slack`)
    expect(retry.status).toBe(502)
    expect(retry.body.error).toMatch(/answered 500/)
    receiver.mode = 'ok'
    expect((await api(lead, 'POST', `/api/weeks/${WEEK}/summary/slack`)).body.slack).toEqual({ posted: true })
    expect(receiver.bodies).toHaveLength(3)

    // The failures are logged with the address masked: the path is the webhook's secret.
    const failures = logLines.map((line) => JSON.parse(line) as Json).filter((entry) => entry.msg === 'slack message not posted')
    expect(failures).toHaveLength(2)
    expect(failures[0]).toMatchObject({ level: 'warn', target: `http://127.0.0.1:${new URL(receiver.url).port}/…XYZ9`, reason: expect.stringMatching(/answered 500/) })
    expect(logLines.join('\n')).not.toContain('s3cret')
  })

  it('closes the week even when the receiver never answers, after the 5 s timeout', async () => {
    const lead = await server.signIn('product-lead', 'Priya Lead')
    await weekWithRedDecision(lead)
    await setWebhook(receiver.url)
    receiver.mode = 'hang'
    const started = Date.now()
    const closed = await api(lead, 'POST', `/api/weeks/${WEEK}/close`)
    const took = Date.now() - started
    expect(closed.status).toBe(200)
    expect(closed.body.slack).toEqual({ posted: false, error: 'The Slack webhook did not answer within 5 seconds.' })
    expect(took).toBeGreaterThanOrEqual(4_900)
    expect(took).toBeLessThan(9_000)
    const summary = await api(lead, 'GET', `/api/weeks/${WEEK}/summary`)
    expect(summary.body.summary).toMatchObject({ closed: { byName: 'Priya Lead' } })
  }, 20_000)

  it('answers slack: null when no webhook is set, and 404 for a week without a review', async () => {
    const lead = await server.signIn('product-lead', 'Priya Lead')
    await weekWithRedDecision(lead)
    const closed = await api(lead, 'POST', `/api/weeks/${WEEK}/close`)
    expect(closed.status).toBe(200)
    expect(closed.body.slack).toBeNull()
    const summary = await api(lead, 'GET', `/api/weeks/${WEEK}/summary`)
    expect(summary.body.slackConfigured).toBe(false)
    const repost = await api(lead, 'POST', `/api/weeks/${WEEK}/summary/slack`)
    expect(repost.status).toBe(409)
    expect(repost.body.error).toMatch(/no Slack webhook is set/)

    expect((await api(lead, 'GET', '/api/weeks/2026-W30/summary')).status).toBe(404)
    expect((await api(lead, 'GET', '/api/weeks/2026-W99/summary')).status).toBe(400)
    expect((await api(null, 'GET', `/api/weeks/${WEEK}/summary`)).status).toBe(401)
    expect(receiver.bodies).toHaveLength(0)
  })
})
