/**
 * The project's nginx configuration (deploy/nginx.conf, the load balancer of docker-compose.yml)
 * run for real in front of test servers: the same file, with the compose service addresses replaced
 * by the test processes' and paths moved into a temp directory. Nothing else of it changes, so a
 * test through it shows that the shipped configuration proxies HTTP, the Yjs WebSockets and
 * socket.io.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ensureNginx } from '../setup/machine.js'
import { freePort, ROOT } from './process.js'

export const NGINX_CONF = path.join(ROOT, 'deploy/nginx.conf')

export interface RunningNginx {
  url: string
  port: number
  /** The configuration actually run, for failure messages. */
  config: string
  stop(): Promise<void>
}

/** `upstreams` maps each compose address in the file (e.g. "fourwall-a:3000") to a test one. */
export async function startNginx(upstreams: Record<string, string>): Promise<RunningNginx> {
  const binary = await ensureNginx()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fourwall-nginx-run-'))
  const port = await freePort()
  let config = readFileSync(NGINX_CONF, 'utf8')
  for (const [from, to] of Object.entries(upstreams)) {
    if (!config.includes(`server ${from}`)) throw new Error(`deploy/nginx.conf has no upstream server ${from}`)
    config = config.replaceAll(`server ${from}`, `server ${to}`)
  }
  if (!config.includes('listen 80;')) throw new Error('deploy/nginx.conf no longer listens on port 80')
  config = config.replace('listen 80;', `listen 127.0.0.1:${port};`)
  // Where a packaged nginx keeps its pid and temp files needs root; a test keeps them in its own dir.
  const paths = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`).join('\n')
  config = config.replace(/^http \{$/m, `http {\n  access_log off;\n${paths}`)
  config = `pid ${dir}/nginx.pid;\nerror_log stderr warn;\ndaemon off;\n${config}`
  const file = path.join(dir, 'nginx.conf')
  writeFileSync(file, config)

  const output: string[] = []
  const child: ChildProcess = spawn(binary, ['-p', dir, '-c', file], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  try {
    await waitForPort(port, 10_000, () => output.join(''))
  } catch (error) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    config,
    stop: async () => {
      // SIGTERM is nginx's fast shutdown: open WebSockets are cut, as a load balancer restart would.
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function waitForPort(port: number, timeoutMs: number, log: () => string): Promise<void> {
  const started = Date.now()
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() - started > timeoutMs) throw new Error(`nginx did not listen on ${port} within ${timeoutMs} ms:\n${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
