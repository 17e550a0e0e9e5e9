/**
 * `npm run bench [-- scenario ...]`: runs the benchmarks against freshly built code and prints a
 * Markdown table, then one JSON line per result (for scripts). Benchmarks report; they never fail
 * a build. Scenarios: board (the client with 300 OKRs) and meeting (6 editors and 50 viewers on one
 * process against two processes behind Redis).
 */
import os from 'node:os'
import { benchBoard } from './board.js'
import { table, type BenchRow } from './stats.js'

const SCENARIOS: Record<string, () => Promise<BenchRow[]>> = {
  board: () => benchBoard({ okrs: 300, loads: 5, changes: 20 }),
  meeting: async () => (await import('./meeting.js')).benchMeeting({ seconds: Number(process.env.BENCH_MEETING_SECONDS ?? 20) }),
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2)
  const unknown = asked.filter((name) => !(name in SCENARIOS))
  if (unknown.length > 0) {
    console.error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`)
    process.exit(2)
  }
  const rows: BenchRow[] = []
  for (const name of asked.length > 0 ? asked : Object.keys(SCENARIOS)) {
    console.error(`running ${name}...`)
    rows.push(...(await SCENARIOS[name]!()))
  }
  const cpus = os.cpus()
  console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · Node ${process.version}\n`)
  console.log(table(rows))
  console.log('')
  for (const row of rows) console.log(JSON.stringify(row))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
