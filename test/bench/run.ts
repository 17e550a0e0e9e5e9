/**
 * `npm run bench [-- scenario ...]`: runs the benchmarks against freshly built code and prints
 * Markdown tables, then one JSON line per result (for scripts). Benchmarks report; they never fail
 * a build. Progress goes to stderr, results to stdout.
 *
 * Scenarios:
 * - board: the client with 300 OKRs in headless Chromium (board.ts);
 * - meeting, all-hands, many-boards, burst, join-storm: the load harness of issue 7, each against
 *   Fourwall and the stock y-websocket server in the same run, with Fourwall ÷ stock ratios
 *   (load/scenarios.ts);
 * - meeting-redis: 6 editors and 50 viewers on one process (SQLite) against two processes behind
 *   Redis, with the y-websocket provider (meeting.ts).
 */
import os from 'node:os'
import { benchBoard } from './board.js'
import { measureInitialJs } from '../support/bundle.js'
import { comparisonTable, jsonLines, targetsTable, type TargetResult } from './load/report.js'
import { LOAD_SCENARIOS, PLANS, runScenario } from './load/scenarios.js'
import { table, type BenchRow } from './stats.js'

type Outcome = { rows: BenchRow[] } | { results: TargetResult[] }

const SCENARIOS: Record<string, () => Promise<Outcome>> = {
  board: async () => {
    const rows = await benchBoard({ okrs: 300, loads: 5, changes: 20 })
    // The same measure as the CI budget (test/integration/bundle-budget.test.ts), for the record.
    const kb = measureInitialJs().gzipBytes / 1000
    rows.push({ scenario: 'board', metric: 'initial JavaScript, gzip (CI budget 250 KB)', unit: 'KB', samples: 1, p50: kb, p95: kb, max: kb })
    return { rows }
  },
  ...Object.fromEntries(LOAD_SCENARIOS.map((name) => [name, async (): Promise<Outcome> => ({ results: await runScenario(name, PLANS[name]) })])),
  'meeting-redis': async () => ({
    rows: await (await import('./meeting.js')).benchMeeting({ seconds: Number(process.env.BENCH_MEETING_SECONDS ?? 20) }),
  }),
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2)
  const unknown = asked.filter((name) => !(name in SCENARIOS))
  if (unknown.length > 0) {
    console.error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`)
    process.exit(2)
  }
  const started = performance.now()
  const rows: BenchRow[] = []
  const results: TargetResult[] = []
  for (const name of asked.length > 0 ? asked : Object.keys(SCENARIOS)) {
    console.error(`running ${name}...`)
    const outcome = await SCENARIOS[name]!()
    if ('rows' in outcome) rows.push(...outcome.rows)
    else results.push(...outcome.results)
  }
  const cpus = os.cpus()
  console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · Node ${process.version}\n`)
  if (rows.length > 0) console.log(`${table(rows)}\n`)
  if (results.length > 0) console.log(`${targetsTable(results)}\n\n${comparisonTable(results)}\n`)
  for (const row of rows) console.log(JSON.stringify(row))
  for (const line of jsonLines(results)) console.log(line)
  console.error(`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
