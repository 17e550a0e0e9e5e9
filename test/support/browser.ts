/**
 * Headless Chromium for the tests that look at Fourwall the way people do. Uses Debian's Chromium
 * (see ../setup/machine.ts): playwright-core downloads no browser of its own.
 */
import type { Browser, ConsoleMessage, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './chromium.js'
import { startServer, type TestServer } from './server.js'
import type { YClient } from './yclient.js'

export { launchBrowser }

/** Console errors and uncaught exceptions of each page made by the helpers below, from its first load. */
const errorsByPage = new WeakMap<Page, string[]>()

/**
 * A page in its own browser context: its own cookies and storage, as if it were another person's
 * laptop. Its errors are collected from the start; read them with pageErrors().
 */
export async function newIsolatedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error: Error) => errors.push(`uncaught: ${error.message}`))
  errorsByPage.set(page, errors)
  return page
}

/**
 * Opens Fourwall signed in with a session (see TestServer.signIn): the cookie is set on the context
 * the way the redeem response sets it in a browser.
 */
export async function newPageWithSession(browser: Browser, baseUrl: string, session: { cookie: string }, path = '/'): Promise<Page> {
  const page = await newIsolatedPage(browser)
  const eq = session.cookie.indexOf('=')
  await page.context().addCookies([
    { name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  await page.goto(`${baseUrl}${path}`)
  return page
}

/** Opens Fourwall with no session: it shows the sign-in screen. */
export async function newSignedOutPage(browser: Browser, baseUrl: string): Promise<Page> {
  const page = await newIsolatedPage(browser)
  await page.goto(baseUrl)
  return page
}

/**
 * What went wrong on the page so far. A test asserts this stays empty; note that Chromium logs a
 * console error for every failed request, so a test that expects a 401 should filter that out.
 */
export function pageErrors(page: Page): readonly string[] {
  return errorsByPage.get(page) ?? []
}

/** Closes a page together with the context it was made in. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close()
}

/** Waits until the connection indicator shows a state, e.g. 'live' (see data-connection in the client). */
export async function waitForConnection(
  page: Page,
  status: 'connecting' | 'live' | 'offline' | 'closed',
  timeout = 15_000,
): Promise<void> {
  await page.locator(`[data-connection="${status}"]`).waitFor({ timeout })
}

/** What a browser test file shares: one server and one browser, and what to clean up after. */
export interface BrowserSuite {
  /** Set once the suite's beforeAll ran. */
  server: TestServer
  /** Set once the suite's beforeAll ran. */
  browser: Browser
  /** Pages to close (with their contexts) after the suite's tests. */
  pages: Page[]
  /** Node clients to destroy after the suite's tests. */
  clients: YClient[]
}

/**
 * Call in a describe block: starts a test server and Chromium (together) before its tests, and
 * after them closes every page in `pages`, destroys every client in `clients`, then the browser
 * and the server.
 */
export function useServerAndBrowser(): BrowserSuite {
  const suite = { pages: [], clients: [] } as unknown as BrowserSuite
  beforeAll(async () => {
    ;[suite.server, suite.browser] = await Promise.all([startServer(), launchBrowser()])
  })
  afterAll(async () => {
    for (const page of suite.pages) await closePage(page)
    for (const client of suite.clients) client.destroy()
    await suite.browser?.close()
    await suite.server?.close()
  })
  return suite
}
