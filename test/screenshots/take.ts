/**
 * `npm run screenshots`: the README's pictures, taken from the real thing. Starts a server on an
 * empty data directory, loads the first-run demo, opens this week's board as the Engineering Lead
 * (the agenda, with an item being discussed) and as a team lead (the read-only view), and writes
 * docs/screenshots/*.png.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from '../support/chromium.js'
import { startServer, type TestSession } from '../support/server.js'

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots')

async function open(browser: Browser, url: string, session: TestSession): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 })
  const eq = session.cookie.indexOf('=')
  await context.addCookies([{ name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url }])
  const page = await context.newPage()
  await page.goto(url)
  await page.locator('[data-section="discuss"] [data-item-id]').first().waitFor({ timeout: 30_000 })
  return page
}

async function main(): Promise<void> {
  const server = await startServer()
  const browser = await launchBrowser()
  try {
    const lead = await server.signIn('engineering-lead', 'Sam Okafor')
    const demo = await fetch(`${server.url}/api/demo`, { method: 'POST', headers: lead.headers() })
    if (demo.status !== 201) throw new Error(`loading the demo failed: ${demo.status} ${await demo.text()}`)
    const chief = await server.signIn('chief-of-staff', 'Ana Ruiz', { worksFor: 'engineering-lead' })
    const teamLead = await server.signIn('team-lead', 'Lee Park', { team: 'Mobile' })

    const chiefPage = await open(browser, server.url, chief)
    const leadPage = await open(browser, server.url, lead)
    // The chief of staff facilitates and opens the first item, so the agenda shows a meeting under way.
    await chiefPage.getByRole('button', { name: /facilitate/i }).first().click()
    await chiefPage.getByRole('button', { name: /next/i }).first().click()
    await leadPage.locator('[data-focused="true"]').first().waitFor()
    await leadPage.waitForTimeout(500)
    await leadPage.screenshot({ path: path.join(OUT, 'agenda.png') })

    const viewerPage = await open(browser, server.url, teamLead)
    await viewerPage.locator('[data-focused="true"]').first().waitFor()
    await viewerPage.waitForTimeout(500)
    await viewerPage.screenshot({ path: path.join(OUT, 'read-only.png') })
    console.log(`wrote ${path.join(OUT, 'agenda.png')} and read-only.png`)
  } finally {
    await browser.close()
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
