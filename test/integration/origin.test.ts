/**
 * Cross-site protection: a page on a foreign origin gets no Yjs and no socket.io connection, over
 * websocket or polling, while the server's own pages, explicitly allowed origins and non-browser
 * clients (no Origin header) connect as before.
 */
import type { IncomingMessage } from 'node:http'
import { io as connectSocket, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { ConfigError, createLogger, loadConfig } from '@fourwall/server'
import { startServer, type TestServer } from '../support/server.js'

const DOC = 'week:2026-W47'
const EVIL = 'https://evil.example'

type UpgradeOutcome = { status: 'open'; ws: WebSocket } | { status: number; body: string } | { status: 'error'; message: string }

/** Opens a raw WebSocket to the Yjs endpoint with the given headers and reports what happened. */
function openYjs(server: TestServer, token: string, headers: Record<string, string> = {}): Promise<UpgradeOutcome> {
  const ws = new WebSocket(`${server.wsUrl}/${encodeURIComponent(DOC)}?token=${encodeURIComponent(token)}`, { headers })
  return new Promise((resolve) => {
    ws.on('open', () => resolve({ status: 'open', ws }))
    ws.on('unexpected-response', (_request, response: IncomingMessage) => {
      let body = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      response.on('error', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    ws.on('error', (error) => resolve({ status: 'error', message: error.message }))
  })
}

async function expectOpen(outcome: UpgradeOutcome, server: TestServer): Promise<void> {
  expect(outcome.status).toBe('open')
  const { ws } = outcome as { ws: WebSocket }
  // A real Connection exists and its document loads.
  await expect.poll(() => server.server.sync.connections.size).toBe(1)
  await expect.poll(() => server.server.documents.size).toBe(1)
  ws.close()
  await expect.poll(() => server.server.sync.connections.size).toBe(0)
}

type SocketOutcome = { connected: true; socket: Socket } | { connected: false; message: string }

function openSocket(server: TestServer, transport: 'websocket' | 'polling', headers: Record<string, string> = {}): Promise<SocketOutcome> {
  const socket = connectSocket(server.url, {
    auth: { token: server.token('engineering-lead', 'Eli') },
    transports: [transport],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  })
  return new Promise((resolve) => {
    socket.on('connect', () => resolve({ connected: true, socket }))
    socket.on('connect_error', (error) => {
      socket.disconnect()
      resolve({ connected: false, message: error.message })
    })
  })
}

/** The first request of a socket.io session over polling; a session id comes back only if allowed. */
function pollingHandshake(server: TestServer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers })
}

async function metricValue(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  if (!line) throw new Error(`no metric ${name}`)
  return Number(line.split(' ')[1])
}

describe('origins allowed by default (the server itself)', () => {
  let server: TestServer
  const logLines: string[] = []
  let selfOrigin: string
  beforeAll(async () => {
    server = await startServer({}, {}, { log: createLogger('warn', (line) => logLines.push(line)) })
    selfOrigin = server.url // http://127.0.0.1:<port>, what a page served by this server sends
  })
  afterAll(async () => {
    await server.close()
  })

  it('gives a foreign Origin zero connections on the Yjs endpoint: 403 before the upgrade, nothing loaded', async () => {
    const handleUpgrade = vi.spyOn(server.server.sync, 'handleUpgrade')
    const token = server.token('editor', 'Mallory Target')
    const foreign = [EVIL, 'null', `http://127.0.0.1:${server.server.port + 1}`, `http://localhost:${server.server.port}`, `http://127.0.0.1:${server.server.port}.evil.example`, 'ftp://127.0.0.1']
    for (const origin of foreign) {
      const outcome = await openYjs(server, token, { Origin: origin })
      expect(outcome, origin).toEqual({ status: 403, body: 'origin not allowed' })
    }
    // The sync endpoint never saw the requests: no Connection, no document.
    expect(handleUpgrade).not.toHaveBeenCalled()
    handleUpgrade.mockRestore()
    expect(server.server.sync.connections.size).toBe(0)
    expect(server.server.documents.size).toBe(0)
    expect(await metricValue(server, 'fourwall_connections')).toBe(0)
    expect(await metricValue(server, 'fourwall_documents_loaded')).toBe(0)

    // One warn line per refusal, naming the origin, never the token.
    const refusals = logLines.filter((line) => line.includes('origin not allowed') && line.includes('sync'))
    expect(refusals).toHaveLength(foreign.length)
    expect(refusals[0]).toContain(EVIL)
    expect(refusals[0]).toContain('"level":"warn"')
    expect(logLines.join('\n')).not.toContain(token)
  })

  it('accepts the same origin, a TLS proxy that keeps Host, and clients without Origin on the Yjs endpoint', async () => {
    const token = server.token()
    await expectOpen(await openYjs(server, token, { Origin: selfOrigin }), server)
    await expectOpen(await openYjs(server, token), server)
    // Behind a reverse proxy that terminates TLS and passes Host through.
    await expectOpen(await openYjs(server, token, { Origin: 'https://board.example.com', Host: 'board.example.com' }), server)
    await expectOpen(await openYjs(server, token, { Origin: 'http://board.example.com:8080', Host: 'Board.Example.com:8080' }), server)
    // The Host match compares the port too.
    expect((await openYjs(server, token, { Origin: 'https://board.example.com', Host: 'board.example.com:8443' })).status).toBe(403)
  })

  it('refuses socket.io over websocket from a foreign Origin and accepts the same origin and no Origin', async () => {
    const errors: number[] = []
    const onError = (error: { code: number }) => errors.push(error.code)
    server.server.io.engine.on('connection_error', onError)
    const refused = await openSocket(server, 'websocket', { Origin: EVIL })
    expect(refused.connected).toBe(false)
    expect(errors).toContain(4) // engine.io's FORBIDDEN: allowRequest said no
    expect(server.server.io.engine.clientsCount).toBe(0)
    expect(await metricValue(server, 'fourwall_socketio_connections')).toBe(0)
    server.server.io.engine.off('connection_error', onError)

    for (const headers of [{ Origin: selfOrigin }, {}] as Array<Record<string, string>>) {
      const outcome = await openSocket(server, 'websocket', headers)
      expect(outcome.connected, JSON.stringify(headers)).toBe(true)
      const socket = (outcome as { socket: Socket }).socket
      expect(await socket.emitWithAck('whoami')).toMatchObject({ name: 'Eli' })
      socket.disconnect()
    }
    expect(logLines.some((line) => line.includes('socket.io connection refused') && line.includes(EVIL))).toBe(true)
  })

  it('refuses socket.io over polling from a foreign Origin: 403, no session id, no CORS headers', async () => {
    const refused = await openSocket(server, 'polling', { Origin: EVIL })
    expect(refused.connected).toBe(false)
    expect(server.server.io.engine.clientsCount).toBe(0)

    const response = await pollingHandshake(server, { Origin: EVIL })
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const body = await response.text()
    expect(body).not.toContain('sid')
    expect(body).toContain('origin not allowed')
    // A CORS preflight from the foreign page is not granted either.
    const preflight = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(server.server.io.engine.clientsCount).toBe(0)
  })

  it('accepts socket.io over polling from the same origin and without Origin', async () => {
    for (const headers of [{ Origin: selfOrigin }, {}] as Array<Record<string, string>>) {
      const response = await pollingHandshake(server, headers)
      expect(response.status, JSON.stringify(headers)).toBe(200)
      expect(await response.text()).toMatch(/^0\{"sid":"/)
    }
    const outcome = await openSocket(server, 'polling', { Origin: selfOrigin })
    expect(outcome.connected).toBe(true)
    ;(outcome as { socket: Socket }).socket.disconnect()
  })
})

describe('PUBLIC_URL and an explicit ALLOWED_ORIGINS', () => {
  const servers: TestServer[] = []
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()))
  })
  const start = async (env: Record<string, string>) => {
    const server = await startServer({}, env)
    servers.push(server)
    return server
  }

  it("accepts PUBLIC_URL's origin by default, for a proxy that rewrites Host", async () => {
    const server = await start({ PUBLIC_URL: 'https://fourwall.example.com/board' })
    // A publicUrl given directly (not through loadConfig) may keep its path; its origin still counts.
    const withPath = await startServer({ publicUrl: 'https://other.example.com/sub/path' })
    servers.push(withPath)
    await expectOpen(await openYjs(withPath, withPath.token(), { Origin: 'https://other.example.com' }), withPath)
    await expectOpen(await openYjs(server, server.token(), { Origin: 'https://fourwall.example.com' }), server)
    expect((await openYjs(server, server.token(), { Origin: 'https://other.example.com' })).status).toBe(403)
  })

  it('accepts exactly the listed origins when the list has no `self`', async () => {
    const server = await start({ ALLOWED_ORIGINS: 'https://board.example.com, http://intranet.local:8080', PUBLIC_URL: 'https://fourwall.example.com' })
    const token = server.token()
    await expectOpen(await openYjs(server, token, { Origin: 'https://board.example.com' }), server)
    await expectOpen(await openYjs(server, token, { Origin: 'http://intranet.local:8080' }), server)
    await expectOpen(await openYjs(server, token), server)
    // The server's own origin and PUBLIC_URL are no longer implied.
    for (const origin of [server.url, 'https://fourwall.example.com', 'http://intranet.local', EVIL]) {
      expect((await openYjs(server, token, { Origin: origin })).status, origin).toBe(403)
    }

    const socket = await openSocket(server, 'websocket', { Origin: 'https://board.example.com' })
    expect(socket.connected).toBe(true)
    ;(socket as { socket: Socket }).socket.disconnect()
    expect((await openSocket(server, 'websocket', { Origin: server.url })).connected).toBe(false)

    // The allowed page may read polling responses (CORS), a foreign one may not.
    const allowed = await pollingHandshake(server, { Origin: 'https://board.example.com' })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://board.example.com')
    expect(await allowed.text()).toMatch(/^0\{"sid":"/)
    const foreign = await pollingHandshake(server, { Origin: server.url })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('keeps the server\'s own origin beside the listed ones with `self`', async () => {
    const server = await start({ ALLOWED_ORIGINS: 'self,https://board.example.com' })
    const token = server.token()
    await expectOpen(await openYjs(server, token, { Origin: server.url }), server)
    await expectOpen(await openYjs(server, token, { Origin: 'https://board.example.com' }), server)
    expect((await openYjs(server, token, { Origin: EVIL })).status).toBe(403)
    expect((await pollingHandshake(server, { Origin: server.url })).status).toBe(200)
    expect((await pollingHandshake(server, { Origin: EVIL })).status).toBe(403)
  })
})

describe('ALLOWED_ORIGINS validation', () => {
  it('defaults to the server itself and normalises listed origins', () => {
    expect(loadConfig({}).allowedOrigins).toEqual({ self: true, origins: [] })
    expect(loadConfig({ ALLOWED_ORIGINS: ' ' }).allowedOrigins).toEqual({ self: true, origins: [] })
    expect(loadConfig({ ALLOWED_ORIGINS: 'HTTPS://Board.Example.com:443/, SELF,http://10.0.0.5:3000' }).allowedOrigins).toEqual({
      self: true,
      origins: ['https://board.example.com', 'http://10.0.0.5:3000'],
    })
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://board.example.com' }).allowedOrigins).toEqual({ self: false, origins: ['https://board.example.com'] })
  })

  it.each(['board.example.com', 'https://board.example.com/app', 'https://board.example.com?x=1', '*', 'https://*.example.com', 'ftp://board.example.com', 'https://user:pw@board.example.com', 'null', ',', 'self,https://'])(
    'names ALLOWED_ORIGINS when its value is %j',
    (value) => {
      let caught: unknown
      try {
        loadConfig({ ALLOWED_ORIGINS: value })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(ConfigError)
      expect((caught as ConfigError).variable).toBe('ALLOWED_ORIGINS')
      expect((caught as Error).message).toContain('ALLOWED_ORIGINS')
    },
  )
})
