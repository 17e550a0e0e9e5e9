/**
 * The production bundle budget (issue 7): the JavaScript a first visit loads stays under 250 KB
 * gzipped. `npm test` builds the client before running tests, so this measures the build under test.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs } from '../support/bundle.js'

describe('client bundle budget', () => {
  it('keeps the initial JavaScript under 250 KB gzipped', () => {
    const measured = measureInitialJs()
    const listing = measured.files.map((f) => `${f.file}: ${(f.gzipBytes / 1000).toFixed(1)} KB gzip`).join(', ')
    // A build that loads no script, or a tiny one, means the page was not measured at all.
    expect(measured.files.length, 'index.html names no module script').toBeGreaterThan(0)
    expect(measured.gzipBytes, `implausibly small: ${listing}`).toBeGreaterThan(20_000)
    expect(measured.gzipBytes, `initial JS over budget: ${listing}`).toBeLessThan(INITIAL_JS_BUDGET_BYTES)
  })

  it('counts every module the entry preloads, not only the entry', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-budget-'))
    try {
      fs.mkdirSync(path.join(dir, 'assets'))
      const big = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `const v${i} = ${(i * 2654435761) % 1e9};`).join('\n'))
      fs.writeFileSync(path.join(dir, 'assets/entry.js'), 'console.log(1)')
      fs.writeFileSync(path.join(dir, 'assets/vendor.js'), big)
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        '<script type="module" crossorigin src="/assets/entry.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor.js">',
      )
      const measured = measureInitialJs(dir)
      expect(measured.files.map((f) => f.file)).toEqual(['/assets/entry.js', '/assets/vendor.js'])
      expect(measured.gzipBytes).toBeGreaterThan(INITIAL_JS_BUDGET_BYTES)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
