/**
 * The two servers under test, each a fresh child process per scenario (so one scenario's documents,
 * sockets and heap cannot pollute the next), measured from outside through its pid:
 * - Fourwall: the built server (`server/dist`, as `npm start` runs it) with tokens, durable SQLite
 *   storage in a temporary DATA_DIR, role checks and its default limits;
 * - stock: `@y/websocket-server@0.1.1` started exactly as its own bin does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TokenSigner } from '@fourwall/server'
import type { Role } from '@fourwall/shared'
import { freePort, ROOT, runServerProcess, TEST_SECRET } from '../../support/process.js'

export type TargetKind = 'fourwall' | 'stock'
export const TARGETS: readonly TargetKind[] = ['fourwall', 'stock']

export interface Target {
  kind: TargetKind
  pid: number
  /** The address a client of `docName` opens; `editor` picks a role that may write week documents. */
  url(docName: string, editor: boolean, name: string, index: number): string
  /** What the server printed after it started (Fourwall at LOG_LEVEL=warn: warnings and errors). */
  output(): string[]
  /** Set if the process ended before stop(). */
  exitedEarly(): boolean
  stop(): Promise<void>
}

export interface TargetOptions {
  /** Extra environment for Fourwall only (the burst scenario raises the per-connection frame limit). */
  fourwallEnv?: Record<string, string>
  /** 'dist' (the benchmark: what `npm start` runs) or 'source' (through tsx). */
  fourwallEntry?: 'dist' | 'source'
}

/**
 * Editors take the roles that write a week's public document (shared/src/permissions.ts,
 * `week.write`); viewers are team leads, whom documentAccess gives read-only access.
 */
/**
 * `BENCH_PROFILE=<dir>` runs every server under `node --cpu-prof`, writing one .cpuprofile per
 * server process into `<dir>/<kind>` (open them in Chrome DevTools; each is written when its
 * server stops).
 */
function profileArgs(kind: TargetKind): string[] {
  const dir = process.env.BENCH_PROFILE
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir, kind)}`] : []
}

const EDITOR_ROLES: readonly Role[] = ['engineering-lead', 'product-lead', 'chief-of-staff']
const VIEWER_ROLE: Role = 'team-lead'

export function startTarget(kind: TargetKind, options: TargetOptions = {}): Promise<Target> {
  return kind === 'fourwall' ? startFourwall(options) : startStock()
}

async function startFourwall(options: TargetOptions): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-load-'))
  // Not startServerProcess: it waits for the info-level "fourwall listening" line, which
  // LOG_LEVEL=warn suppresses. The port is picked here instead, and readiness is the line main.ts
  // writes to stderr once listening ("Fourwall is ready…" or "Fourwall is running at…").
  const port = await freePort()
  const server = runServerProcess(
    { DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: String(port), ...options.fourwallEnv },
    options.fourwallEntry ?? 'dist',
    profileArgs('fourwall'),
  )
  let exited = false
  void server.exited.then(() => {
    exited = true
  })
  try {
    await until(() => server.stderr.some((line) => line.includes('Fourwall is')), () => exited, server.stderr)
  } catch (error) {
    server.child.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  // What it prints from here on is worth reporting (warnings, errors); the setup link before is not.
  const stdoutFrom = server.stdout.length
  const stderrFrom = server.stderr.length
  const signer = new TokenSigner(TEST_SECRET)
  const wsUrl = `ws://127.0.0.1:${port}/yjs`
  return {
    kind: 'fourwall',
    pid: server.child.pid!,
    // As the y-websocket provider forms it: serverUrl + '/' + room, the token as a query parameter.
    url: (docName, editor, name, index) => {
      const role = editor ? EDITOR_ROLES[index % EDITOR_ROLES.length]! : VIEWER_ROLE
      return `${wsUrl}/${encodeURIComponent(docName)}?token=${encodeURIComponent(signer.create({ role, name }))}`
    },
    output: () => [...server.stdout.slice(stdoutFrom), ...server.stderr.slice(stderrFrom)],
    exitedEarly: () => exited,
    stop: async () => {
      await stopChild(server.child, server.exited)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Polls until `ready`; throws if the process exits first or after 30 s. */
async function until(ready: () => boolean, exited: () => boolean, stderr: string[]): Promise<void> {
  const started = Date.now()
  while (!ready()) {
    if (exited()) throw new Error(`server exited before listening:\n${stderr.join('\n')}`)
    if (Date.now() - started > 30_000) throw new Error(`server did not start within 30 s:\n${stderr.join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function startStock(): Promise<Target> {
  const port = await freePort()
  const child = spawn(process.execPath, [...profileArgs('stock'), path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout: string[] = []
  const stderr: string[] = []
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(...chunk.split('\n').filter(Boolean)))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)))
  let exited = false
  const exitedPromise = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true
      resolve(code ?? signal ?? -1)
    }),
  )
  try {
    await until(() => stdout.some((line) => line.includes('running at')), () => exited, stderr)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const stdoutFrom = stdout.length
  return {
    kind: 'stock',
    pid: child.pid!,
    // Its room is the URL path after '/', taken verbatim (no token, no roles).
    url: (docName) => `ws://127.0.0.1:${port}/${encodeURIComponent(docName)}`,
    output: () => [...stdout.slice(stdoutFrom), ...stderr],
    exitedEarly: () => exited,
    stop: () => stopChild(child, exitedPromise),
  }
}

/** SIGTERM, then SIGKILL if it has not exited within 5 s. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
