/**
 * Child processes that race each other on a shared account store (a SQLite file, or a Redis):
 * each runs `source` (a small ES module script given its settings in FOURWALL_RACER), opens its
 * store, prints "ready", waits for "go" on stdin, does its part and prints "result {json}". Started
 * together by race(), they show the store's rules hold across processes, not just across calls.
 */
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import { ROOT } from './process.js'

export interface Racer {
  ready: Promise<void>
  go(): void
  result: Promise<Record<string, number>>
}

export function spawnRacer(source: string, settings: Record<string, unknown>): Racer {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', source], {
    cwd: ROOT,
    env: { ...process.env, FOURWALL_RACER: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let onReady = (): void => {}
  let onResult = (_: Record<string, number>): void => {}
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve))
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve
    void closed.then((code) => reject(new Error(`racer exited (${code}) before ready:\n${stderr}`)))
  })
  const result = new Promise<Record<string, number>>((resolve, reject) => {
    onResult = resolve
    void closed.then((code) => reject(new Error(`racer exited (${code}) without a result:\n${stderr}`)))
  })
  ready.catch(() => {})
  result.catch(() => {})
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') onReady()
    else if (line.startsWith('result ')) onResult(JSON.parse(line.slice('result '.length)) as Record<string, number>)
  })
  return { ready, go: () => child.stdin.end('go\n'), result }
}

/** Waits until every racer has its connection open, starts them together, and collects results. */
export async function race(racers: Racer[]): Promise<Record<string, number>[]> {
  await Promise.all(racers.map((r) => r.ready))
  for (const r of racers) r.go()
  return Promise.all(racers.map((r) => r.result))
}

/**
 * The script of an account-store racer: `open` is the line that imports and opens the store as
 * `store` from `spec` (FOURWALL_RACER). Op "redeem" redeems `spec.invites` invites (codes
 * "race0"…) at `redeemAt` as people with `redeemRole`; op "lead" creates one Product Lead. It
 * prints a tally of outcomes ("ok" or the AccountError code). Plain JavaScript, run by spawnRacer.
 */
export function accountRacerSource({ open, redeemAt, redeemRole }: { open: string; redeemAt: number; redeemRole: string }): string {
  return `
const spec = JSON.parse(process.env.FOURWALL_RACER)
${open}
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]()
process.stdout.write('ready\\n')
await lines.next()
const tally = {}
const count = (result) => (tally[result] = (tally[result] ?? 0) + 1)
async function attempt(write) {
  try {
    await write()
    count('ok')
  } catch (error) {
    count(error.code ?? error.message)
  }
}
const person = (id) => ({ id, name: id, role: 'product-lead', worksFor: null, team: null, login: null, passwordHash: null, createdAt: 0 })
if (spec.op === 'redeem') {
  for (let i = 0; i < spec.invites; i++) await attempt(() => store.redeemInvite('race' + i, ${redeemAt}, { ...person(spec.id + '-' + i), role: ${JSON.stringify(redeemRole)} }))
} else {
  await attempt(() => store.createPerson(person(spec.id)))
}
process.stdout.write('result ' + JSON.stringify(tally) + '\\n')
await store.close()
process.exit(0)
`
}

/** Adds up the racers' tallies. */
export function sumTallies(tallies: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {}
  for (const tally of tallies) for (const [key, n] of Object.entries(tally)) total[key] = (total[key] ?? 0) + n
  return total
}
