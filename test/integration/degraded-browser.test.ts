/**
 * When the server cannot reach its storage (Redis down), the page says so in words, keeps the edits
 * made meanwhile, and saves them once Redis is back; /readyz reports it and no process crashes.
 */
import type { Page } from 'playwright-core'
import { readItem, weekDocName } from '@fourwall/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedBoard } from '../support/board.js'
import { closePage, launchBrowser, newPageWithSession, waitForConnection } from '../support/browser.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'
import type { Browser } from 'playwright-core'

const WEEK = '2026-W42'

describe('a server whose storage is unreachable', () => {
  let redis: TestRedis
  let server: TestServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    // appendfsync always: the Redis killed below comes back with everything it acknowledged.
    redis = await startRedis({ private: true, appendfsync: 'always' })
    ;[server, browser] = await Promise.all([startServer({}, { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix }), launchBrowser()])
  })
  afterAll(async () => {
    if (page) await closePage(page)
    await browser?.close()
    await server?.close()
    await redis?.stop()
  })

  it('says the server cannot save, keeps the edit, and saves it once Redis is back', async () => {
    const board = await seedBoard(server, WEEK, [{ objective: 'Cut checkout latency in half', team: 'Payments', status: 'red' }])
    const id = board.ids[0]!
    const chief = await server.signIn('chief-of-staff', 'Ana Chief')
    page = await newPageWithSession(browser, server.url, chief, `/week/${WEEK}`)
    await waitForConnection(page, 'live')
    const row = page.locator(`[data-item-id="${id}"]`)
    await row.locator('.item-row__toggle').click()

    await redis.server!.kill()
    await expect.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 5_000 }).toBe(503)

    // The edit reaches the server, which cannot store it: the connection closes as "storage
    // unavailable" and the page says so, rather than calling itself offline.
    await row.getByRole('radio', { name: 'Yellow' }).check()
    await page.locator('[data-offline-banner="degraded"]').waitFor({ timeout: 10_000 })
    expect(await page.locator('[data-offline-banner]').innerText()).toContain('The server cannot save right now')
    expect(await page.locator('[data-connection="degraded"]').innerText()).toContain('Server cannot save')
    expect(await row.getAttribute('data-status')).toBe('yellow') // still on the page
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200) // the process is up

    await redis.server!.run()
    await waitForConnection(page, 'live', 20_000)
    await expect.poll(() => page.locator('[data-offline-banner]').count()).toBe(0)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const check = connectClient(server.wsUrl, weekDocName(WEEK), server.token('editor', 'Checker'))
    try {
      await waitForSync(check.provider)
      await waitFor(() => readItem(check.doc, id)?.status, (status) => status === 'yellow', 10_000, 'the edit saved after Redis came back')
    } finally {
      check.destroy()
    }
  })
})
