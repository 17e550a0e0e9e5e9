/**
 * A Fourwall server in a child process, for what an in-process server cannot show: `kill -9`,
 * signals, exit codes and the production start. Runs the TypeScript source through tsx unless
 * `entry: 'dist'` asks for the built server.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef'

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  wsUrl: string
  stdout: string[]
  stderr: string[]
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** `nodeArgs` go to node before the script (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). */
export function runServerProcess(
  env: Record<string, string>,
  entry: 'source' | 'dist' = 'source',
  nodeArgs: readonly string[] = [],
): { child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | string> } {
  const args = [
    ...nodeArgs,
    ...(entry === 'dist' ? [path.join(ROOT, 'server/dist/main.js')] : ['--conditions=source', '--import', 'tsx', path.join(ROOT, 'server/src/main.ts')]),
  ]
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', FOURWALL_SECRET: TEST_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout: string[] = []
  const stderr: string[] = []
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => stdout.push(...chunk.split('\n').filter(Boolean)))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)))
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)))
  return { child, stdout, stderr, exited }
}

/** Starts a server process and waits for its "listening" log line. */
export async function startServerProcess(env: Record<string, string>, entry: 'source' | 'dist' = 'source'): Promise<ServerProcess> {
  const run = runServerProcess({ PORT: '0', ...env }, entry)
  const started = Date.now()
  for (;;) {
    const line = run.stdout.find((l) => l.includes('"fourwall listening"'))
    if (line) {
      const port = (JSON.parse(line) as { port: number }).port
      const url = `http://127.0.0.1:${port}`
      return { ...run, port, url, wsUrl: url.replace('http', 'ws') + '/yjs' }
    }
    const exit = await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 25, null))])
    if (exit !== null) throw new Error(`server exited (${exit}) before listening:\n${run.stderr.join('\n')}`)
    if (Date.now() - started > 30_000) throw new Error(`server did not start:\n${run.stderr.join('\n')}`)
  }
}
