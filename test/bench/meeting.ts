/**
 * A review meeting's realtime load on one week document: 6 editors and 50 viewers (the defaults),
 * every editor making 2 edits a second, measured twice in the same run:
 * - one in-process server on the embedded SQLite store (its clients share this process with it);
 * - two server child processes behind a private Redis, editors and viewers split across them, so
 *   half of every edit's receivers are reached only through the Redis fan-out.
 * Every edit is a new key `${editor}:${seq}` in one Y.Map holding its send time; every other
 * client records receive time − send time for it (a new key per edit, unlike one key per editor, so
 * an edit that arrives batched with the next one is still counted). Clients are the stock
 * y-websocket provider with `ws`, all in this process, so both clocks are this machine's.
 */
import fs from 'node:fs'
import { currentWeekId, weekDocName, type Role } from '@fourwall/shared'
import { TokenSigner } from '@fourwall/server'
import * as Y from 'yjs'
import { startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'
import { startRedis } from '../support/redis.js'
import { makeDataDir, startServer } from '../support/server.js'
import { connectClient, waitForSync, type YClient } from '../support/yclient.js'
import { summarise, type BenchRow } from './stats.js'

export interface MeetingBenchOptions {
  editors: number
  viewers: number
  editsPerSecond: number
  /** How long the editors keep editing. */
  seconds: number
}

const DEFAULTS: MeetingBenchOptions = { editors: 6, viewers: 50, editsPerSecond: 2, seconds: 20 }
const EDITS_MAP = 'meeting-bench'
/** After the last edit, how long receivers get to catch up before missing deliveries are counted. */
const DRAIN_TIMEOUT_MS = 15_000

/**
 * Milliseconds since the epoch with sub-millisecond precision: senders and receivers share this
 * process's clock, and Date.now()'s whole milliseconds would round a local delivery to 0.
 */
const preciseNow = (): number => performance.timeOrigin + performance.now()

/** A row that also carries p99 (BenchRow has no column for it; the table shows it in the metric). */
type LatencyRow = BenchRow & { p99: number }

interface MeetingResult {
  latency: LatencyRow
  rows: BenchRow[]
}

/** Where each client connects and with which token: the only thing the two set-ups differ in. */
interface Topology {
  editorUrl(index: number): string
  viewerUrl(index: number): string
  token(role: Role, name: string): string
}

export async function benchMeeting(overrides: Partial<MeetingBenchOptions> = {}): Promise<BenchRow[]> {
  const options = { ...DEFAULTS, ...overrides }
  if (!(options.seconds > 0) || !(options.editsPerSecond > 0) || options.editors < 1 || options.viewers < 0) {
    throw new Error(`meeting bench needs seconds > 0, editsPerSecond > 0, editors ≥ 1 and viewers ≥ 0 (got ${JSON.stringify(options)})`)
  }
  // Every y-websocket provider in Node adds a process 'exit' listener; 56 at once are expected here.
  process.setMaxListeners(options.editors + options.viewers + 16)
  // Default MAX_MESSAGES_PER_SECOND (200) and MESSAGE_BURST (400) are per connection; an editor here
  // sends editsPerSecond updates a second, far below them, so the benchmark runs with the defaults.
  console.error(
    `meeting: ${options.editors} editors, ${options.viewers} viewers, ${options.editsPerSecond} edits/s per editor for ${options.seconds} s; ` +
      `per-connection message limit left at its default (MAX_MESSAGES_PER_SECOND=200, not raised: editors send ${options.editsPerSecond}/s)`,
  )
  const single = await onOneProcess(options)
  const pair = await onTwoProcessesBehindRedis(options)
  return [...single.rows, ...pair.rows, ratioRow(single.latency, pair.latency)]
}

async function onOneProcess(options: MeetingBenchOptions): Promise<MeetingResult> {
  const server = await startServer()
  try {
    return await runMeeting('meeting (1 process, SQLite)', options, {
      editorUrl: () => server.wsUrl,
      viewerUrl: () => server.wsUrl,
      token: (role, name) => server.token(role, name),
    })
  } finally {
    await server.close()
    fs.rmSync(server.dataDir, { recursive: true, force: true })
  }
}

async function onTwoProcessesBehindRedis(options: MeetingBenchOptions): Promise<MeetingResult> {
  const redis = await startRedis({ private: true })
  const prefix = redis.freshPrefix()
  const dataDirs = [makeDataDir(), makeDataDir()]
  const processes: ServerProcess[] = []
  try {
    processes.push(
      ...(await Promise.all(dataDirs.map((dir) => startServerProcess({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, DATA_DIR: dir })))),
    )
    const signer = new TokenSigner(TEST_SECRET)
    // Alternate by index so each process holds half the editors and half the viewers.
    return await runMeeting('meeting (2 processes, Redis)', options, {
      editorUrl: (index) => processes[index % 2]!.wsUrl,
      viewerUrl: (index) => processes[index % 2]!.wsUrl,
      token: (role, name) => signer.create({ role, name }),
    })
  } finally {
    for (const server of processes) {
      server.child.kill('SIGTERM')
      await server.exited
    }
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
    await redis.stop()
  }
}

interface Receiver {
  client: YClient
  /** Keys of edits this client made itself (not deliveries). */
  ownPrefix: string | null
}

async function runMeeting(scenario: string, options: MeetingBenchOptions, topology: Topology): Promise<MeetingResult> {
  const docName = weekDocName(currentWeekId())
  const receivers: Receiver[] = []
  const syncTimes: number[] = []
  const latencies: number[] = []
  let firstSentAt = Number.POSITIVE_INFINITY
  let lastReceivedAt = 0
  let measuring = false

  const join = async (url: string, role: Role, name: string, ownPrefix: string | null): Promise<Receiver> => {
    const started = performance.now()
    const client = connectClient(url, docName, topology.token(role, name))
    const receiver = { client, ownPrefix }
    receivers.push(receiver)
    client.doc.getMap<number>(EDITS_MAP).observe((event) => {
      if (!measuring || event.transaction.local) return
      const now = preciseNow()
      const map = event.target as Y.Map<number>
      for (const key of event.keysChanged) {
        const sentAt = map.get(key)
        if (sentAt === undefined) continue
        latencies.push(now - sentAt)
        lastReceivedAt = now
      }
    })
    await waitForSync(client.provider, 30_000)
    syncTimes.push(performance.now() - started)
    return receiver
  }

  try {
    // Everyone joins at once, as when a meeting starts.
    const joined = await Promise.all([
      ...Array.from({ length: options.editors }, (_, i) => join(topology.editorUrl(i), 'editor', `Bench editor ${i}`, `e${i}:`)),
      ...Array.from({ length: options.viewers }, (_, i) => join(topology.viewerUrl(i), 'team-lead', `Bench viewer ${i}`, null)),
    ])
    const editors = joined.slice(0, options.editors)

    measuring = true
    const sentPerEditor = await editFor(editors, options, (sentAt) => {
      firstSentAt = Math.min(firstSentAt, sentAt)
    })
    const totalEdits = sentPerEditor.reduce((sum, count) => sum + count, 0)
    // Every client receives every edit but its own.
    const expectedDeliveries = editors.reduce((sum, _, i) => sum + sentPerEditor[i]! * (receivers.length - 1), 0)
    const drainStarted = Date.now()
    while (latencies.length < expectedDeliveries && Date.now() - drainStarted < DRAIN_TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    measuring = false

    const converged = convergedCount(receivers, totalEdits)
    const seconds = (lastReceivedAt - firstSentAt) / 1000
    const sorted = [...latencies].sort((a, b) => a - b)
    const p99 = sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!
    const latency: LatencyRow = {
      ...summarise(scenario, `edit-to-peer latency (p99 ${p99 >= 100 ? p99.toFixed(0) : p99.toFixed(1)} ms)`, 'ms', latencies),
      p99,
    }
    const missing = expectedDeliveries - latencies.length
    return {
      latency,
      rows: [
        latency,
        summarise(scenario, `deliveries per second (${latencies.length} of ${expectedDeliveries} expected, ${missing} missing)`, '/s', [
          seconds > 0 ? latencies.length / seconds : Number.NaN,
        ]),
        summarise(scenario, `connect to synced (${receivers.length} clients at once)`, 'ms', syncTimes),
        summarise(scenario, `converged: clients with all ${totalEdits} edits and the same state`, `of ${receivers.length}`, [converged]),
      ],
    }
  } finally {
    for (const { client } of receivers) client.destroy()
  }
}

/**
 * Each editor edits on its own timer, offset so the editors' edits interleave rather than arrive
 * in bursts. Resolves with how many edits each editor sent.
 */
async function editFor(editors: Receiver[], options: MeetingBenchOptions, onSend: (sentAt: number) => void): Promise<number[]> {
  const interval = 1000 / options.editsPerSecond
  const perEditor = Math.round(options.seconds * options.editsPerSecond)
  return Promise.all(
    editors.map(async (editor, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * interval) / editors.length))
      const map = editor.client.doc.getMap<number>(EDITS_MAP)
      const started = performance.now()
      for (let seq = 0; seq < perEditor; seq++) {
        // Scheduled against the start, so a late tick does not push every later edit back.
        const due = started + seq * interval - performance.now()
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due))
        const sentAt = preciseNow()
        onSend(sentAt)
        map.set(`${editor.ownPrefix}${seq}`, sentAt)
      }
      return perEditor
    }),
  )
}

/** Clients holding every edit and the same document state as the first editor. */
function convergedCount(receivers: Receiver[], totalEdits: number): number {
  const reference = Y.encodeStateVector(receivers[0]!.client.doc)
  return receivers.filter(({ client }) => {
    const edits = client.doc.getMap(EDITS_MAP).size
    return edits === totalEdits && Buffer.from(Y.encodeStateVector(client.doc)).equals(Buffer.from(reference))
  }).length
}

/** Two processes behind Redis over one process: latency p50, p95 and max ratios, p99's in the metric. */
function ratioRow(single: LatencyRow, pair: LatencyRow): LatencyRow {
  const p99 = pair.p99 / single.p99
  return {
    scenario: 'meeting ratio (2 processes ÷ 1)',
    metric: `edit-to-peer latency (p50 ${(pair.p50 / single.p50).toFixed(2)}×, p99 ${p99.toFixed(2)}×)`,
    unit: '×',
    samples: Math.min(single.samples, pair.samples),
    p50: pair.p50 / single.p50,
    p95: pair.p95 / single.p95,
    max: pair.max / single.max,
    p99,
  }
}
