/**
 * docker-compose.yml can't be run here (no Docker engine), so this reads it and starts the same
 * topology by hand: a redis-server with the file's persistence settings, two Fourwall processes
 * with the file's environment, and nginx with deploy/nginx.conf, the file the compose mounts.
 * Then one board is served through nginx and from both processes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addTeam, listTeams, WORKSPACE_DOC } from '@fourwall/shared'
import { loadConfig, TokenSigner } from '@fourwall/server'
import { io } from 'socket.io-client'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { startNginx, type RunningNginx } from '../support/nginx.js'
import { ROOT, startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

interface ComposeService {
  image?: string
  build?: string
  command?: string[]
  environment?: Record<string, string>
  volumes?: string[]
}

// merge: the file shares one Fourwall service definition between the replicas with a `<<` key.
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> }
const services = compose.services
/** The Fourwall processes: the services built from this repository. */
const fourwalls = Object.entries(services).filter(([, service]) => service.build === '.')
const redisArgs = services.redis?.command ?? []
const argAfter = (flag: string): string | undefined => redisArgs[redisArgs.indexOf(flag) + 1]

/** What the compose's ${VAR:?message} and ${VAR:-default} stand for when the variable is set. */
function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_, name: string) => vars[name] ?? '')
}

describe('docker-compose.yml', () => {
  it('runs Redis with its append-only file, two or more Fourwall processes on it, and nginx in front', () => {
    expect(redisArgs.slice(0, 1)).toEqual(['redis-server'])
    expect(argAfter('--appendonly')).toBe('yes')
    expect(['everysec', 'always']).toContain(argAfter('--appendfsync'))

    expect(fourwalls.length).toBeGreaterThanOrEqual(2)
    const secrets = new Set<string>()
    for (const [name, service] of fourwalls) {
      const env = service.environment ?? {}
      expect(env.REDIS_URL, name).toBe('redis://redis:6379')
      secrets.add(env.FOURWALL_SECRET ?? '')
      // Each process keeps its own volume (the secret file, nothing shared by accident).
      expect(service.volumes?.[0], name).toMatch(new RegExp(`^${name}-data:/data$`))
      // The server accepts this environment as it stands, once the operator's variables are set.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fourwall-compose-'))
      const vars = { FOURWALL_SECRET: TEST_SECRET, PUBLIC_URL: 'http://localhost:8080' }
      const resolved = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, substitute(String(value), vars)]))
      const config = loadConfig({ ...resolved, DATA_DIR: dataDir })
      expect(config.redisUrl).toBe('redis://redis:6379')
      expect(config.secret).toBe(TEST_SECRET)
      rmSync(dataDir, { recursive: true, force: true })
    }
    // One secret for all: a session or a signed decision from one process verifies on the others.
    expect(secrets.size).toBe(1)
    expect([...secrets][0]).toMatch(/^\$\{FOURWALL_SECRET:\?/)

    const nginx = services.nginx!
    expect(nginx.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro')
    const conf = readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
    for (const [name, service] of fourwalls) expect(conf).toContain(`server ${name}:${service.environment?.PORT}`)
    expect(conf).toContain('proxy_set_header Upgrade $http_upgrade')
  })

  describe('started by hand', () => {
    let redis: TestRedis
    const processes: ServerProcess[] = []
    let nginx: RunningNginx
    const clients: YClient[] = []
    const dirs: string[] = []

    afterAll(async () => {
      for (const client of clients) client.destroy()
      await nginx?.stop()
      for (const child of processes) {
        child.child.kill('SIGTERM')
        await child.exited
      }
      await redis?.stop()
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
    })

    it('serves one board through nginx and from every process', async () => {
      redis = await startRedis({ private: true, appendfsync: argAfter('--appendfsync') as 'everysec' | 'always' })
      for (const [, service] of fourwalls) {
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fourwall-compose-'))
        dirs.push(dataDir)
        const env = Object.fromEntries(
          Object.entries(service.environment ?? {}).map(([key, value]) => [key, substitute(String(value), { FOURWALL_SECRET: TEST_SECRET })]),
        )
        // The compose's addresses become this machine's; everything else is as the file says.
        processes.push(await startServerProcess({ ...env, PORT: '0', DATA_DIR: dataDir, REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix, PUBLIC_URL: '' }))
      }
      const upstreams = Object.fromEntries(fourwalls.map(([name, service], index) => [`${name}:${service.environment?.PORT}`, `127.0.0.1:${processes[index]!.port}`]))
      nginx = await startNginx(upstreams)

      expect((await fetch(`${nginx.url}/readyz`)).status).toBe(200)
      // Tokens are signed with the one shared secret: made here, accepted by every process.
      const token = new TokenSigner(TEST_SECRET).create({ role: 'chief-of-staff', name: 'Compose Check' })

      // An edit through nginx reaches a client connected straight to each process.
      const viaNginx = connectClient(`${nginx.url.replace('http', 'ws')}/yjs`, WORKSPACE_DOC, token)
      const direct = processes.map((child) => connectClient(child.wsUrl, WORKSPACE_DOC, token))
      clients.push(viaNginx, ...direct)
      for (const client of [viaNginx, ...direct]) await waitForSync(client.provider)
      addTeam(viaNginx.doc, 'Through nginx')
      for (const client of direct) {
        await waitFor(() => listTeams(client.doc).map((team) => team.name), (names) => names.includes('Through nginx'), 10_000, 'the edit on every process')
      }

      // socket.io through nginx, long-polling first and then upgraded to a WebSocket, as browsers do.
      const socket = io(nginx.url, { auth: { token }, transports: ['polling', 'websocket'], reconnection: false, forceNew: true })
      try {
        const reply = await new Promise<{ ok: boolean }>((resolve, reject) => {
          socket.on('connect_error', reject)
          socket.on('connect', () => socket.emit('meeting:join', { weekId: '2026-W48' }, resolve))
        })
        expect(reply.ok).toBe(true)
        await waitFor(() => socket.io.engine.transport.name, (name) => name === 'websocket', 10_000, 'the upgrade to a WebSocket')
      } finally {
        socket.disconnect()
      }
    })
  })
})

