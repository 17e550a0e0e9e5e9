/**
 * Failures of the scale-out topology of docker-compose.yml, for real: a private redis-server with
 * its append-only file (everysec), two Fourwall server processes on it (same secret and prefix) and
 * nginx with deploy/nginx.conf in front. Clients keep editing a week while one process is killed
 * with SIGKILL, while Redis is shut down and restarted, and while Redis is unreachable; afterwards
 * every marker any client created is in every client's document and in a fresh load from each
 * process, the meeting's claim survives, and no process exited.
 */
import fs from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { MeetingReply, MeetingState, WeekId } from '@fourwall/shared'
import { TokenSigner } from '@fourwall/server'
import { startNginx, type RunningNginx } from '../support/nginx.js'
import { startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { makeDataDir } from '../support/server.js'
import { connectSocketClient, type SocketClient } from '../support/socketclient.js'
import { waitFor, waitForSync } from '../support/yclient.js'

const tokens = new TokenSigner(TEST_SECRET)
// Every y-websocket provider in Node adds a process 'exit' listener; a dozen at once are expected here.
process.setMaxListeners(64)
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let redis: TestRedis
let prefix: string
/** The two processes, in the order of deploy/nginx.conf's upstreams (fourwall-a, fourwall-b). */
const processes: ServerProcess[] = []
const dataDirs: string[] = []
let nginx: RunningNginx

beforeAll(async () => {
  redis = await startRedis({ private: true, appendfsync: 'everysec' })
  prefix = redis.freshPrefix()
  for (let i = 0; i < 2; i++) {
    const dataDir = makeDataDir()
    dataDirs.push(dataDir)
    // One at a time: each writes the default domains into the shared workspace on first load.
    processes.push(await startServerProcess(envFor(dataDir)))
  }
  nginx = await startNginx({ 'fourwall-a:3000': `127.0.0.1:${processes[0]!.port}`, 'fourwall-b:3000': `127.0.0.1:${processes[1]!.port}` })
}, 60_000)

afterAll(async () => {
  await nginx?.stop()
  for (const child of processes) {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGTERM')
    await child.exited
  }
  await redis?.stop()
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
})

function envFor(dataDir: string, port = 0): Record<string, string> {
  return { PORT: String(port), DATA_DIR: dataDir, REDIS_URL: redis.url, REDIS_PREFIX: prefix, FOURWALL_SECRET: TEST_SECRET, PUBLIC_URL: '' }
}

const wsOf = (httpUrl: string) => `${httpUrl.replace('http', 'ws')}/yjs`

/** A y-websocket client that appends numbered markers ("name:n") to the week's `markers` array. */
class Marker {
  readonly doc = new Y.Doc()
  provider: WebsocketProvider
  /** Every marker this client created, acknowledged or not. */
  readonly created: string[] = []
  readonly #token: string

  constructor(
    readonly name: string,
    wsUrl: string,
    readonly docName: string,
  ) {
    this.#token = tokens.create({ role: 'editor', name })
    this.provider = this.#open(wsUrl)
  }

  #open(wsUrl: string): WebsocketProvider {
    return new WebsocketProvider(wsUrl, this.docName, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: { token: this.#token },
      disableBc: true,
      maxBackoffTime: 200,
    })
  }

  /** Moves to another server with the same document (and its edits not yet sent), as a page would. */
  moveTo(wsUrl: string): void {
    this.provider.destroy()
    this.provider = this.#open(wsUrl)
  }

  mark(): void {
    const marker = `${this.name}:${this.created.length}`
    this.created.push(marker)
    this.doc.getArray<string>('markers').push([marker])
  }

  markers(): string[] {
    return this.doc.getArray<string>('markers').toArray()
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }
}

const opened: Array<() => void> = []
afterEach(() => {
  for (const close of opened.splice(0).reverse()) close()
})

function marker(name: string, wsUrl: string, docName: string): Marker {
  const client = new Marker(name, wsUrl, docName)
  opened.push(() => client.destroy())
  return client
}

async function socketOn(url: string, role: 'product-lead' | 'team-lead', name: string): Promise<SocketClient> {
  const socket = await connectSocketClient(url, tokens.create({ role, name }))
  opened.push(() => socket.close())
  return socket
}

function stateOf(reply: MeetingReply): MeetingState {
  if (!reply.ok || !reply.state) throw new Error(`expected a meeting state, got ${JSON.stringify(reply)}`)
  return reply.state
}

/** Every client marks every `everyMs` until stop() is called; stop() resolves when the loop ends. */
function keepMarking(clients: Marker[], everyMs = 15): { stop(): Promise<void> } {
  let running = true
  const loop = (async () => {
    while (running) {
      for (const client of clients) client.mark()
      await delay(everyMs)
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
    },
  }
}

/** Waits until every client holds every marker any of them created, connected and synced. */
async function expectConverged(clients: Marker[], label: string, { minimum = clients.length * 10, timeoutMs = 15_000 } = {}): Promise<string[]> {
  const expected = clients.flatMap((client) => client.created).sort()
  expect(expected.length, `${label}: markers were created`).toBeGreaterThanOrEqual(minimum)
  await waitFor(
    () => clients.map((client) => ({ name: client.name, connected: client.provider.wsconnected && client.provider.synced, missing: missingFrom(client.markers(), expected) })),
    (views) => views.every((view) => view.connected && view.missing.length === 0),
    timeoutMs,
    `${label}: every client connected with every marker`,
  )
  for (const client of clients) expect([...client.markers()].sort(), `${label}: ${client.name}`).toEqual(expected)
  return expected
}

function missingFrom(have: string[], expected: string[]): string[] {
  const present = new Set(have)
  return expected.filter((marker) => !present.has(marker)).slice(0, 5)
}

/** A fresh load of the document from `httpUrl`'s process: what a page opened now would get. */
async function freshLoad(httpUrl: string, docName: string): Promise<string[]> {
  const reader = marker('Reader', wsOf(httpUrl), docName)
  await waitForSync(reader.provider)
  return [...reader.markers()].sort()
}

/** Which process nginx sends this machine's connections to (ip_hash: every 127.0.0.1 client to one). */
async function nginxTarget(): Promise<number> {
  const probe = marker('Probe', wsOf(nginx.url), 'week:2026-W01')
  await waitForSync(probe.provider)
  const counts = await Promise.all(processes.map(async (child) => Number(/^fourwall_connections (\d+)/m.exec(await (await fetch(`${child.url}/metrics`)).text())?.[1] ?? 0)))
  probe.destroy()
  expect(counts.filter((count) => count > 0), `connections per process: ${counts}`).toHaveLength(1)
  return counts.findIndex((count) => count > 0)
}

async function alive(child: ServerProcess): Promise<boolean> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return false
  return (await fetch(`${child.url}/healthz`)).status === 200
}

function lostConnectionLines(child: ServerProcess): number {
  return child.stdout.filter((line) => line.includes('redis connection lost')).length
}

async function readyStatus(child: ServerProcess): Promise<number> {
  return (await fetch(`${child.url}/readyz`)).status
}

describe('the compose topology under failures', () => {
  it('kill -9 of one process mid-meeting loses no edit and no claim', async () => {
    const docName = 'week:2026-W48'
    const week: WeekId = '2026-W48'
    const doomedIndex = await nginxTarget()
    const doomed = processes[doomedIndex]!
    const survivor = processes[1 - doomedIndex]!

    const viaNginx = [1, 2, 3].map((i) => marker(`nginx-${i}`, wsOf(nginx.url), docName))
    const onDoomed = [1, 2].map((i) => marker(`doomed-${i}`, doomed.wsUrl, docName))
    const onSurvivor = [1, 2].map((i) => marker(`survivor-${i}`, survivor.wsUrl, docName))
    const clients = [...viaNginx, ...onDoomed, ...onSurvivor]
    await Promise.all(clients.map((client) => waitForSync(client.provider)))

    // The lead claims the meeting through nginx, so on the process about to die.
    const lead = await socketOn(nginx.url, 'product-lead', 'Maya Brooks')
    await lead.send('meeting:join', { weekId: week })
    const claimed = stateOf(await lead.send('meeting:claim', { weekId: week }))
    expect(claimed.facilitator?.name).toBe('Maya Brooks')

    const marking = keepMarking(clients)
    await delay(400)
    doomed.child.kill('SIGKILL')
    expect(await doomed.exited).toBe('SIGKILL')
    await delay(100)
    // Its direct clients come back on the survivor with their documents; nginx's reconnect by themselves.
    for (const client of onDoomed) client.moveTo(survivor.wsUrl)
    await delay(600)
    await marking.stop()

    const expected = await expectConverged(clients, 'after the kill')
    expect(await freshLoad(survivor.url, docName)).toEqual(expected)

    // The claim lives in Redis: a socket on the survivor (directly and through nginx) sees it.
    for (const url of [survivor.url, nginx.url]) {
      const watcher = await socketOn(url, 'team-lead', 'Tia Team')
      const joined = stateOf(await watcher.send('meeting:join', { weekId: week }))
      expect(joined.facilitator).toEqual(claimed.facilitator)
      expect(joined.version).toBe(claimed.version)
    }

    // The killed process restarted (same port, same data directory) loads the same document.
    const restarted = await startServerProcess(envFor(dataDirs[doomedIndex]!, doomed.port))
    processes[doomedIndex] = restarted
    expect(await freshLoad(restarted.url, docName)).toEqual(expected)
    expect(await alive(survivor)).toBe(true)
  }, 40_000)

  it('a graceful restart of Redis mid-meeting loses nothing acknowledged, and no process crashes', async () => {
    const docName = 'week:2026-W49'
    const clients = [
      ...[1, 2].map((i) => marker(`nginx-${i}`, wsOf(nginx.url), docName)),
      ...processes.flatMap((child, p) => [1, 2].map((i) => marker(`p${p}-${i}`, child.wsUrl, docName))),
    ]
    await Promise.all(clients.map((client) => waitForSync(client.provider)))

    const marking = keepMarking(clients)
    await delay(300)
    const lostBefore = processes.map((child) => lostConnectionLines(child))
    await redis.server!.shutdown()
    await delay(700)
    await redis.server!.run()
    await delay(500)
    await marking.stop()
    // The premise: both processes saw Redis go away while the clients were editing.
    processes.forEach((child, p) => expect(lostConnectionLines(child), `process ${p} noticed the outage`).toBeGreaterThan(lostBefore[p]!))

    const expected = await expectConverged(clients, 'after the Redis restart')
    for (const child of processes) {
      expect(await alive(child)).toBe(true)
      expect(await freshLoad(child.url, docName)).toEqual(expected)
    }
  }, 40_000)

  it('while Redis is unreachable both processes say not ready and stay up, and an edit made meanwhile is kept', async () => {
    const docName = 'week:2026-W50'
    const writer = marker('writer', processes[0]!.wsUrl, docName)
    const watcher = marker('watcher', processes[1]!.wsUrl, docName)
    await Promise.all([waitForSync(writer.provider), waitForSync(watcher.provider)])
    writer.mark()
    await waitFor(() => watcher.markers().length, (n) => n === 1, 5_000, 'the first marker on the other process')
    for (const child of processes) expect(await readyStatus(child)).toBe(200)

    await redis.server!.shutdown()
    try {
      for (const child of processes) {
        await expect.poll(() => readyStatus(child), { timeout: 5_000, interval: 100 }).toBe(503)
      }
      writer.mark()
      await delay(500)
      for (const child of processes) {
        expect(await readyStatus(child)).toBe(503)
        expect(await alive(child)).toBe(true)
      }
    } finally {
      await redis.server!.run()
    }

    for (const child of processes) {
      await expect.poll(() => readyStatus(child), { timeout: 10_000, interval: 100 }).toBe(200)
    }
    await expectConverged([writer, watcher], 'after the outage', { minimum: 2 })
    expect([...watcher.markers()].sort()).toEqual(['writer:0', 'writer:1'])
    expect(await freshLoad(processes[1]!.url, docName)).toEqual(['writer:0', 'writer:1'])
    for (const child of processes) expect(await alive(child)).toBe(true)
  }, 40_000)
})
