/**
 * The board with a real company's worth of OKRs (300 by default) in headless Chromium:
 * - initial render: navigation start to the agenda's rows on screen, over several fresh pages;
 * - opening the green fold (most of the 300 rows);
 * - a remote change (status or note) made by a y-websocket client in this process, from the edit
 *   to the row showing it (both clocks are this machine's), and how many rows re-rendered for it;
 * - the page's JavaScript heap once loaded.
 */
import type { Browser, Page } from 'playwright-core'
import { updateItem, weekDocName, currentWeekId, type Status } from '@fourwall/shared'
import { launchBrowser } from '../support/chromium.js'
import { seedBoard, type SeedItem } from '../support/board.js'
import { startServer, type TestSession } from '../support/server.js'
import { connectClient, waitForSync } from '../support/yclient.js'
import { summarise, type BenchRow } from './stats.js'

export interface BoardBenchOptions {
  okrs: number
  /** Fresh page loads for the initial render. */
  loads: number
  /** Remote changes applied while one page watches. */
  changes: number
}

const ROW = '[data-item-id]'
const DISCUSS_ROWS = `[data-section="discuss"] ${ROW}`
const GREEN_ROWS = `[data-section="green"] ${ROW}`

/** 12% Red, 15% Yellow, 3% without a status, the rest Green: a plausible Monday. */
function boardOf(count: number): SeedItem[] {
  const teams = ['Payments', 'Checkout', 'Mobile', 'Platform', 'Growth', 'Data', 'Search', 'Identity', 'Infra', 'Support']
  return Array.from({ length: count }, (_, i) => {
    const share = i / count
    const status: Status = share < 0.12 ? 'red' : share < 0.27 ? 'yellow' : share < 0.3 ? 'unset' : 'green'
    return {
      objective: `Objective ${String(i + 1).padStart(3, '0')}: make ${teams[i % teams.length]} measurably better`,
      team: teams[i % teams.length]!,
      domain: i % 3 === 0 ? 'engineering' : i % 3 === 1 ? 'product' : 'shared',
      keyResults: ['First key result', 'Second key result'],
      status,
      note: status === 'green' ? '' : `Status note for item ${i + 1}`,
      owner: `Owner ${i % 17}`,
    }
  })
}

export async function benchBoard(options: BoardBenchOptions): Promise<BenchRow[]> {
  const server = await startServer()
  let browser: Browser | null = null
  try {
    const weekId = currentWeekId()
    const okrs = boardOf(options.okrs)
    const board = await seedBoard(server, weekId, okrs)
    const atRisk = okrs.filter((okr) => okr.status === 'red' || okr.status === 'yellow').length
    const green = okrs.filter((okr) => okr.status === 'green').length
    const lead = await server.signIn('product-lead', 'Bench Lead')
    browser = await launchBrowser(['--enable-precise-memory-info'])

    const loads: number[] = []
    const folds: number[] = []
    const heaps: number[] = []
    for (let i = 0; i < options.loads; i++) {
      const page = await openBoard(browser, server.url, lead)
      loads.push(await timeToRows(page, DISCUSS_ROWS, atRisk))
      folds.push(await openGreenFold(page, green))
      heaps.push(await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0))
      await page.context().close()
    }

    const page = await openBoard(browser, server.url, lead)
    await timeToRows(page, DISCUSS_ROWS, atRisk)
    const writer = connectClient(server.wsUrl, weekDocName(weekId), server.token('chief-of-staff', 'Bench Writer'))
    await waitForSync(writer.provider)
    const statusLatency: number[] = []
    const noteLatency: number[] = []
    const rowsRendered: number[] = []
    const atRiskIds = board.ids.filter((_, i) => okrs[i]!.status === 'red' || okrs[i]!.status === 'yellow')
    for (let i = 0; i < options.changes; i++) {
      const id = atRiskIds[i % atRiskIds.length]!
      const isStatusChange = i % 2 === 0
      await page.evaluate(() => {
        ;(window as unknown as { __fourwallRenders: unknown }).__fourwallRenders = {}
      })
      const nextStatus: Status = okrs[board.ids.indexOf(id)]!.status === 'red' ? 'yellow' : 'red'
      const note = `Remote note ${i}`
      const seen = page.evaluate(watchRow, { id, attribute: isStatusChange ? 'data-status' : null, value: isStatusChange ? nextStatus : note })
      // Let the watcher attach before the edit is made.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      const sentAt = Date.now()
      updateItem(writer.doc, id, isStatusChange ? { status: nextStatus } : { note })
      const shownAt = await seen
      ;(isStatusChange ? statusLatency : noteLatency).push(shownAt - sentAt)
      rowsRendered.push(await renderedRows(page))
      if (isStatusChange) okrs[board.ids.indexOf(id)]!.status = nextStatus
    }
    writer.destroy()
    await page.context().close()

    return [
      summarise('board', `initial render, ${options.okrs} OKRs (${atRisk} rows)`, 'ms', loads),
      summarise('board', `open the green fold (${green} rows)`, 'ms', folds),
      summarise('board', 'remote status change, edit to screen', 'ms', statusLatency),
      summarise('board', 'remote note change, edit to screen', 'ms', noteLatency),
      summarise('board', 'rows re-rendered per remote change', 'rows', rowsRendered),
      summarise('board', 'JS heap after load', 'MB', heaps.map((bytes) => bytes / 1024 / 1024)),
    ]
  } finally {
    await browser?.close()
    await server.close()
  }
}

async function openBoard(browser: Browser, baseUrl: string, session: TestSession): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const eq = session.cookie.indexOf('=')
  await context.addCookies([{ name: session.cookie.slice(0, eq), value: session.cookie.slice(eq + 1), url: baseUrl }])
  // tsx compiles this file keeping function names (esbuild's keepNames), which wraps the
  // functions handed to page.evaluate in calls to a `__name` helper that only exists here.
  await context.addInitScript('window.__name = (fn) => fn')
  const page = await context.newPage()
  await page.addInitScript(() => {
    ;(window as unknown as { __fourwallRenders: unknown }).__fourwallRenders = {}
  })
  await page.goto(baseUrl)
  return page
}

/** Milliseconds from the page's navigation start until `count` rows match, checked every frame. */
async function timeToRows(page: Page, selector: string, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length >= count && performance.now(),
    { selector, count },
    { polling: 'raf', timeout: 60_000 },
  )
  return (await handle.jsonValue()) as number
}

async function openGreenFold(page: Page, count: number): Promise<number> {
  return page.evaluate(
    ({ selector, count }) =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector<HTMLButtonElement>('[data-section="green"] button[aria-expanded="false"]')
        if (!button) return reject(new Error('no closed green fold'))
        const started = performance.now()
        button.click()
        const check = (): void => {
          if (document.querySelectorAll(selector).length >= count) resolve(performance.now() - started)
          else requestAnimationFrame(check)
        }
        check()
      }),
    { selector: GREEN_ROWS, count },
  )
}

/** In the page: resolves with Date.now() once the row shows the value (an attribute or its text). */
function watchRow({ id, attribute, value }: { id: string; attribute: string | null; value: string }): Promise<number> {
  const shows = (): boolean => {
    const row = document.querySelector(`[data-item-id="${id}"]`)
    if (!row) return false
    return attribute ? row.getAttribute(attribute) === value : (row.textContent ?? '').includes(value)
  }
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!shows()) return
      observer.disconnect()
      resolve(Date.now())
    })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  })
}

/** How many distinct rows rendered since the counters were reset. */
async function renderedRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const renders = (window as unknown as { __fourwallRenders: Record<string, Record<string, number>> }).__fourwallRenders
    const rows = renders['item-row'] ?? {}
    return Object.values(rows).filter((count) => count > 0).length
  })
}
