/**
 * Operations endpoints, the JSON API's validation, and socket.io beside the Yjs endpoint.
 */
import { io as connectSocket, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync } from '../support/yclient.js'

describe('HTTP API and socket.io', () => {
  let server: TestServer
  let admin: string
  beforeAll(async () => {
    server = await startServer({ maxBodyBytes: 2048 })
    admin = server.token('admin', 'Root')
  })
  afterAll(async () => {
    await server.close()
  })

  const post = (path: string, body: string, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    })

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toMatchObject({ status: 'ready', storage: { kind: 'sqlite', ready: true } })
  })

  it('exposes Prometheus metrics that move with traffic', async () => {
    const client = connectClient(server.wsUrl, 'week:2026-W47', server.token())
    await waitForSync(client.provider)
    client.doc.getText('t').insert(0, 'x')
    await waitFor(() => server.server.metrics.updatesReceived.get(), (n) => n > 0)
    const text = await (await fetch(`${server.url}/metrics`)).text()
    for (const name of ['fourwall_connections 1', 'fourwall_documents_loaded 1', 'fourwall_updates_received_total', 'fourwall_bytes_sent_total', 'fourwall_storage_write_seconds_bucket', 'process_resident_memory_bytes']) {
      expect(text).toContain(name)
    }
    expect(text).toMatch(/fourwall_storage_write_seconds_count [1-9]/)
    client.destroy()
  })

  it('identifies a token holder and refuses anyone else', async () => {
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${server.token('team-lead', 'Tia')}` } })
    expect(await me.json()).toMatchObject({ identity: { name: 'Tia', role: 'team-lead' }, via: 'token', csrfToken: null })
    const anonymous = await fetch(`${server.url}/api/me`)
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()) as object).toHaveProperty('error')
  })

  it('validates JSON bodies with clear 4xx errors', async () => {
    const cases: Array<[string, string | undefined, number, RegExp]> = [
      ['{"name":"A","role":"editor"}', undefined, 401, /token/],
      ['{"name":"A","role":"editor"}', server.token('editor'), 403, /admin/],
      ['{not json', admin, 400, /not valid JSON/],
      ['[1,2]', admin, 400, /JSON object/],
      ['{"name":"","role":"editor"}', admin, 400, /"name"/],
      ['{"name":"A","role":"boss"}', admin, 400, /"role" must be one of/],
      ['{"name":"A","role":"editor","expiresInSeconds":-5}', admin, 400, /expiresInSeconds/],
      [JSON.stringify({ name: 'A', role: 'editor', pad: 'x'.repeat(4096) }), admin, 413, /larger than/],
    ]
    for (const [body, token, status, message] of cases) {
      const response = await post('/api/tokens', body, token)
      expect(response.status, body.slice(0, 40)).toBe(status)
      expect(((await response.json()) as { error: string }).error).toMatch(message)
    }
    expect((await fetch(`${server.url}/api/nope`)).status).toBe(404)
  })

  it('mints a token an admin asked for, which the sync endpoint accepts', async () => {
    const response = await post('/api/tokens', '{"name":"Ana","role":"editor"}', admin)
    expect(response.status).toBe(201)
    const { token } = (await response.json()) as { token: string }
    const client = connectClient(server.wsUrl, 'week:2026-W47', token)
    await waitForSync(client.provider)
    client.destroy()
  })

  it('runs socket.io on the same port without disturbing Yjs upgrades, and requires a token', async () => {
    const yjs = connectClient(server.wsUrl, 'week:2026-W47', server.token())
    const socket: Socket = connectSocket(server.url, { auth: { token: server.token('engineering-lead', 'Eli') }, transports: ['websocket'] })
    const identity = await new Promise<{ name: string }>((resolve) => socket.emit('whoami', resolve))
    expect(identity.name).toBe('Eli')
    await waitForSync(yjs.provider)
    socket.disconnect()

    const refused: Socket = connectSocket(server.url, { auth: { token: 'bad' }, transports: ['websocket', 'polling'], reconnection: false })
    const error = await new Promise<Error>((resolve) => refused.on('connect_error', resolve))
    expect(error.message).toBe('unauthorized')
    refused.disconnect()
    yjs.destroy()
  })

  it('refuses WebSocket upgrades on unknown paths', async () => {
    const { default: WebSocket } = await import('ws')
    const ws = new WebSocket(server.url.replace('http', 'ws') + '/elsewhere')
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'))
      ws.on('error', (error) => resolve(error.message))
    })
    expect(outcome).toMatch(/404/)
  })
})
