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
