/**
 * The five load scenarios of issue 7, each run against a fresh Fourwall and a fresh stock server
 * in turn (same run, same machine, same generator):
 * - meeting: 1 room, 6 editors, 50 viewers, 2 edits/s each, 20 s;
 * - all-hands: 1 room, 2 editors, 1,000 viewers, 5 edits/s each, awareness renewed every 15–18 s;
 * - many-boards: 50 rooms of 4 editors and 10 viewers, 1 edit/s each;
 * - burst: 4 editors as fast as the server reads their edits, 20 viewers, 10 s;
 * - join-storm: 1,000 viewers opening one loaded room at once.
 * Sizes are options, so the smoke test runs every scenario at a tiny scale.
 */
import { shiftWeek, currentWeekId, weekDocName } from '@fourwall/shared'
import { spread } from '../stats.js'
import { checkConvergence, forgetDecodedFrames, measureDeliveries, type RoomRun } from './analyse.js'
import { Hub, LoadClient, preciseNow } from './client.js'
import { collectGarbage, cpuBetween, cpuMark, cpuMs, MemorySampler, rssKb } from './proc.js'
import type { Metric, TargetResult } from './report.js'
import { startTarget, TARGETS, type Target, type TargetKind } from './targets.js'

export interface EditPlan {
  kind: 'edits'
  rooms: number
  editorsPerRoom: number
  viewersPerRoom: number
  /** Edits a second per editor, or 'burst': as fast as each editor's socket drains. */
  editsPerSecond: number | 'burst'
  seconds: number
  /** Renew every client's awareness every 15–18 s (all-hands); else only the first send. */
  renewAwareness: boolean
  /** Extra environment for Fourwall in this scenario only (printed in the notes). */
  fourwallEnv?: Record<string, string>
}

export interface StormPlan {
  kind: 'storm'
  viewers: number
  /** Edits one editor makes first, so the room is loaded with content before the storm. */
  preloadEdits: number
}

export type Plan = EditPlan | StormPlan

export const LOAD_SCENARIOS = ['meeting', 'all-hands', 'many-boards', 'burst', 'join-storm'] as const
export type LoadScenario = (typeof LOAD_SCENARIOS)[number]

export const PLANS: Record<LoadScenario, Plan> = {
  meeting: { kind: 'edits', rooms: 1, editorsPerRoom: 6, viewersPerRoom: 50, editsPerSecond: 2, seconds: 20, renewAwareness: false },
  // 30 s: the clients' first renewals (15–18 s after joining) fall inside the editing.
  'all-hands': { kind: 'edits', rooms: 1, editorsPerRoom: 2, viewersPerRoom: 1000, editsPerSecond: 5, seconds: 30, renewAwareness: true },
  'many-boards': { kind: 'edits', rooms: 50, editorsPerRoom: 4, viewersPerRoom: 10, editsPerSecond: 1, seconds: 20, renewAwareness: false },
  burst: {
    kind: 'edits',
    rooms: 1,
    editorsPerRoom: 4,
    viewersPerRoom: 20,
    editsPerSecond: 'burst',
    seconds: 10,
    renewAwareness: false,
    // Fourwall closes a connection sending over 200 frames/s (burst 400) with 4429; a burst editor
    // sends thousands, so the limit is lifted for this scenario only.
    fourwallEnv: { MAX_MESSAGES_PER_SECOND: '1000000', MESSAGE_BURST: '1000000' },
  },
  'join-storm': { kind: 'storm', viewers: 1000, preloadEdits: 20 },
}

export interface Tuning {
  /** The drain ends once no update frame arrived anywhere for this long. */
  quietMs: number
  drainCapMs: number
  /** Before editing: no frame of any kind for this long (the join's presence traffic is over). */
  settleMs: number
  settleCapMs: number
  /**
   * Join storm: how long the server is left idle before each memory reading. V8 gives back what a
   * burst of garbage made it reserve only once it has been idle for some seconds (its memory
   * reducer), so a reading right after the storm measures the storm's garbage, not the connections.
   */
  memorySettleMs: number
  /** Editing scenarios: seconds of the same kind of load, unmeasured, on each server first (0: none); see warmUp. */
  warmUpSeconds: number
  syncTimeoutMs: number
  fourwallEntry: 'dist' | 'source'
  /** Progress lines (stderr in the benchmark). */
  log: (text: string) => void
}

export const TUNING: Tuning = {
  quietMs: 750,
  drainCapMs: 30_000,
  settleMs: 300,
  settleCapMs: 10_000,
  memorySettleMs: 10_000,
  warmUpSeconds: 3,
  syncTimeoutMs: 60_000,
  fourwallEntry: 'dist',
  log: (text) => console.error(text),
}

/** Burst editors stop writing while this much is queued on their socket (back-pressure). */
const BURST_BUFFER_BYTES = 64 * 1024
/** Burst editors yield to the event loop after this many edits, so receiving goes on. */
const BURST_EDITS_PER_TURN = 8
/** Burst editors ping the server every this many edits and keep at most BURST_WINDOW unread. */
const BURST_PING_EVERY = 64
const BURST_WINDOW = 256

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Polls `done` every 20 ms; resolves true once it holds, false after `capMs`. */
async function waitFor(done: () => boolean, capMs: number): Promise<boolean> {
  const started = performance.now()
  while (!done()) {
    if (performance.now() - started > capMs) return false
    await sleep(20)
  }
  return true
}

/** Resolves once `lastAt()` (a preciseNow mark) is at least `quietMs` old; false if capped. */
function quiet(lastAt: () => number, quietMs: number, capMs: number): Promise<boolean> {
  return waitFor(() => preciseNow() - lastAt() >= quietMs, capMs)
}

/**
 * The drain after the editing: over once no update frame arrived anywhere for `quietMs` and the
 * server was idle meanwhile (under 20% of a core per 100 ms poll). Silence alone is not enough: a
 * server still working through a backlog (applying, storing) can send nothing for seconds.
 * Resolves false when capped.
 */
async function drain(pid: number, lastUpdateAt: () => number, tuning: Tuning): Promise<boolean> {
  const started = performance.now()
  let busyAt = preciseNow()
  let cpuBefore = serverCpu(pid)
  let polledAt = performance.now()
  for (;;) {
    await sleep(100)
    const cpu = serverCpu(pid)
    const now = performance.now()
    if (cpu - cpuBefore > 0.2 * (now - polledAt)) busyAt = preciseNow()
    cpuBefore = cpu
    polledAt = now
    if (preciseNow() - Math.max(lastUpdateAt(), busyAt) >= tuning.quietMs) return true
    if (now - started > tuning.drainCapMs) return false
  }
}

/** The server's CPU so far; 0 once it has exited (the scenario reports the exit). */
function serverCpu(pid: number): number {
  try {
    return cpuMs(pid)
  } catch {
    return 0
  }
}

/** Every scenario's documents are week documents (the only ones Fourwall syncs); distinct weeks for distinct rooms. */
function roomName(index: number): string {
  return weekDocName(shiftWeek(currentWeekId(), -index))
}

/** Runs one scenario against both servers, one after the other. */
export async function runScenario(scenario: string, plan: Plan, tuning: Tuning = TUNING): Promise<TargetResult[]> {
  // Many sockets in one process: silence the listener-leak warning, which does not apply here.
  process.setMaxListeners(10_000)
  const results: TargetResult[] = []
  for (const kind of TARGETS) {
    collectGarbage()
    results.push(plan.kind === 'edits' ? await runEdits(scenario, kind, plan, tuning) : await runStorm(scenario, kind, plan, tuning))
    forgetDecodedFrames()
  }
  return results
}

const metric = (key: string, label: string, unit: string, value: number, of?: number): Metric => ({ key, label, unit, value, of })

/** What a scenario's measurement phase hands to its analysis. */
interface Session {
  target: Target
  hub: Hub
  memory: MemorySampler
  rooms: RoomRun[]
  notes: string[]
  /** Clients the server had closed when the measurement ended. */
  closedByServer: LoadClient[]
}

/**
 * Starts a fresh server of `kind`, runs `measure` against it, then audits every room (an auditor
 * per room joins and syncs), notes what went wrong, and closes every client and the server, also
 * when `measure` throws. The analysis runs after this, with the server gone.
 */
async function session<T>(kind: TargetKind, env: Record<string, string> | undefined, tuning: Tuning, measure: (s: Session) => Promise<T>): Promise<Session & { measured: T }> {
  const target = await startTarget(kind, { fourwallEnv: env, fourwallEntry: tuning.fourwallEntry })
  const s: Session = { target, hub: new Hub(), memory: new MemorySampler(target.pid), rooms: [], notes: [], closedByServer: [] }
  if (kind === 'fourwall' && env) s.notes.push(`Fourwall started with ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')}`)
  try {
    const measured = await measure(s)
    s.closedByServer = s.rooms.flatMap((room) => room.clients).filter((client) => client.closeCode !== null)
    await audit(s, tuning)
    noteClosures(s.closedByServer, s.notes)
    const other = s.rooms.reduce((n, room) => n + sum(room.clients, (c) => c.otherFrames), 0)
    if (other > 0) s.notes.push(`${other} frames were neither sync nor awareness messages`)
    noteServerOutput(target, s.notes)
    return { ...s, measured }
  } finally {
    s.memory.stop()
    for (const room of s.rooms) for (const client of [...room.clients, ...(room.auditor ? [room.auditor] : [])]) client.close()
    await target.stop()
  }
}

function connect(s: Session, docName: string, editorId: string | null, name: string, index: number, renewAwareness: boolean): LoadClient {
  return new LoadClient({ url: s.target.url(docName, editorId !== null, name, index), name, editorId, renewAwareness }, s.hub)
}

/** A room's auditor: joins after the drain; its SyncStep2 is what the server ended with. */
async function audit(s: Session, tuning: Tuning): Promise<void> {
  const hub = new Hub()
  const started = performance.now()
  for (const [index, room] of s.rooms.entries()) {
    room.auditor = new LoadClient({ url: s.target.url(room.docName, false, `Auditor ${index}`, index), name: `Auditor ${index}`, editorId: null, renewAwareness: false }, hub)
  }
  if (await waitFor(() => hub.synced === s.rooms.length, tuning.syncTimeoutMs)) return
  const late = s.rooms.filter((room) => !room.auditor!.isSynced)
  s.notes.push(`${late.length} auditors not synced after ${Math.round(performance.now() - started)} ms (${late[0]!.auditor!.describe()})`)
}

async function runEdits(scenario: string, kind: TargetKind, plan: EditPlan, tuning: Tuning): Promise<TargetResult> {
  const label = `${scenario}/${kind}`
  const rate = plan.editsPerSecond
  const run = await session(kind, plan.fourwallEnv, tuning, async (s) => {
    if (tuning.warmUpSeconds > 0) await warmUp(s, plan, tuning)
    // Everyone joins at once, as when a meeting starts.
    let editorIndex = 0
    for (let r = 0; r < plan.rooms; r++) {
      const docName = roomName(r)
      const clients: LoadClient[] = []
      for (let e = 0; e < plan.editorsPerRoom; e++) {
        const id = `e${editorIndex++}`
        clients.push(connect(s, docName, id, `Editor ${id}`, e, plan.renewAwareness))
      }
      for (let v = 0; v < plan.viewersPerRoom; v++) clients.push(connect(s, docName, null, `Viewer ${r}.${v}`, v, plan.renewAwareness))
      s.rooms.push({ docName, clients, auditor: null })
    }
    const clients = s.rooms.flatMap((room) => room.clients)
    const editors = clients.filter((client) => client.doc !== null)
    const joinStarted = performance.now()
    const allSynced = await waitFor(() => clients.every((c) => c.isSynced || c.closeCode !== null), tuning.syncTimeoutMs)
    tuning.log(`${label}: ${s.hub.synced} of ${clients.length} clients synced in ${Math.round(performance.now() - joinStarted)} ms${allSynced ? '' : ' (gave up waiting)'}`)
    // The join's presence traffic (on the stock server every client's state goes to everyone) is
    // over before the measurement starts.
    if (!(await quiet(() => s.hub.lastFrameAt, tuning.settleMs, tuning.settleCapMs))) {
      s.notes.push(`presence traffic from the join was still flowing after ${tuning.settleCapMs / 1000} s; editing started anyway`)
    }

    tuning.log(`${label}: ${editors.length} editors editing ${rate === 'burst' ? 'as fast as they can' : `${rate}/s each`} for ${plan.seconds} s...`)
    const start = cpuMark(s.target.pid)
    const editingStarted = performance.now()
    await (rate === 'burst' ? burst(editors, plan.seconds) : steady(editors, rate, plan.seconds))
    const editingMs = performance.now() - editingStarted
    for (const client of clients) client.stopRenewing()
    const editingEndedAt = preciseNow()
    const drained = await drain(s.target.pid, () => Math.max(s.hub.lastUpdateAt, editingEndedAt), tuning)
    const drainMs = Math.max(s.hub.lastUpdateAt, editingEndedAt) - editingEndedAt
    const cpu = cpuBetween(s.target.pid, start)
    s.memory.sample()
    if (!drained) s.notes.push(`update frames still arriving ${tuning.drainCapMs / 1000} s after the last edit (drain capped)`)
    tuning.log(`${label}: drained ${Math.round(drainMs)} ms after the last edit; auditing and analysing...`)
    return { editingMs, drainMs, cpu }
  })

  const { editingMs, drainMs, cpu } = run.measured
  const clients = run.rooms.flatMap((room) => room.clients)
  const deliveries = measureDeliveries(run.rooms)
  const convergence = checkConvergence(run.rooms)
  if (convergence.problems.length > 0) run.notes.push(`not converged: ${convergence.problems.join('; ')}`)
  if (deliveries.foreign > 0) run.notes.push(`${deliveries.foreign} edits reached a room they were not made in`)
  const latency = spread(deliveries.latencies)
  const sync = spread(clients.filter((c) => c.isSynced).map((c) => c.syncedAt - c.connectStartedAt))
  const metrics: Metric[] = [
    metric('latency.p50', 'edit-to-peer latency p50', 'ms', latency.p50),
    metric('latency.p95', 'edit-to-peer latency p95', 'ms', latency.p95),
    metric('latency.p99', 'edit-to-peer latency p99', 'ms', latency.p99),
    metric('latency.max', 'edit-to-peer latency max', 'ms', latency.max),
    metric('edits.sent', 'edits sent', '', deliveries.editsSent),
  ]
  if (rate === 'burst') metrics.push(metric('edits.perSecond', 'edits per second achieved', '/s', deliveries.editsSent / (editingMs / 1000)))
  metrics.push(
    metric('deliveries.measured', '(edit, receiver) deliveries measured', '', deliveries.measured, deliveries.expected),
    metric('deliveries.missing', 'deliveries missing', '', deliveries.expected - deliveries.measured),
    metric('deliveries.duplicate', 'deliveries that arrived twice (counted once)', '', deliveries.duplicates),
    metric('deliveries.perSecond', 'deliveries per second (first send to last receipt)', '/s', deliveries.measured / ((deliveries.lastReceivedAt - deliveries.firstSentAt) / 1000)),
    metric('frames.update', 'update frames received', '', deliveries.updateFrames),
    metric('frames.ownEcho', 'own edits echoed back to their author', '', deliveries.ownEchoes),
    metric('frames.awareness', 'awareness frames received', '', sum(clients, (c) => c.awarenessFrames)),
    metric('awareness.kb', 'awareness bytes received', 'KB', sum(clients, (c) => c.awarenessBytes) / 1024),
    metric('sync.p50', 'connect to synced p50', 'ms', sync.p50),
    metric('sync.p95', 'connect to synced p95', 'ms', sync.p95),
    metric('sync.max', 'connect to synced max', 'ms', sync.max),
    metric('converged', 'clients converged', '', convergence.converged, convergence.clients),
    metric('closed', 'connections closed by the server', '', run.closedByServer.length),
    metric('drain.ms', 'drain: last edit to last update frame', 'ms', drainMs),
    metric('server.cpuMs', 'server CPU, first edit to end of drain', 'ms', cpu.serverMs),
    metric('server.cpuPct', 'server CPU', '% of a core', cpu.serverPct),
  )
  if (rate === 'burst') {
    metrics.push(
      metric('server.cpuPerDeliveryUs', 'server CPU per delivered (edit, receiver)', 'µs', (cpu.serverMs * 1000) / deliveries.measured),
      metric('server.cpuPerFrameUs', 'server CPU per update frame sent', 'µs', (cpu.serverMs * 1000) / deliveries.updateFrames),
    )
  }
  metrics.push(
    metric('server.rssPeakMb', 'server RSS peak', 'MB', run.memory.serverPeakKb / 1024),
    metric('server.rssEndMb', 'server RSS after the drain', 'MB', run.memory.serverLastKb / 1024),
    metric('generator.cpuPct', 'generator CPU', '% of a core', cpu.generatorPct),
    metric('generator.rssPeakMb', 'generator RSS peak', 'MB', run.memory.generatorPeakKb / 1024),
  )
  tuning.log(`${label}: p99 ${latency.p99.toFixed(1)} ms, ${deliveries.measured} of ${deliveries.expected} deliveries, converged ${convergence.converged} of ${convergence.clients}`)
  return { scenario, target: kind, metrics, notes: run.notes }
}

/**
 * Each editor edits at a fixed rate, scheduled against the start (a late timer does not push later
 * edits back), offset so all editors' edits interleave evenly instead of arriving together.
 */
/** A week far from the measured rooms (0 to 49 weeks back). */
const WARM_UP_ROOM = 60

/**
 * Warms the server under test, and this process, before anything is measured: a few seconds of the
 * same kind of load in a room of its own, whose clients then leave. Every server is a fresh
 * process, and without this the measured run's first edits are its first ever: in the meeting,
 * Fourwall's first three edits (still interpreted code, a new database) made half of its top 1% of
 * deliveries, and when the stock server ran first its p99 suffered the same way.
 */
async function warmUp(s: Session, plan: EditPlan, tuning: Tuning): Promise<void> {
  const hub = new Hub()
  const docName = roomName(WARM_UP_ROOM)
  const client = (editorId: string | null, name: string, index: number): LoadClient =>
    new LoadClient({ url: s.target.url(docName, editorId !== null, name, index), name, editorId, renewAwareness: false }, hub)
  const editors = Array.from({ length: Math.min(plan.editorsPerRoom, 4) }, (_, e) => client(`w${e}`, `Warm-up editor ${e}`, e))
  const viewers = Array.from({ length: Math.min(plan.viewersPerRoom, 50) }, (_, v) => client(null, `Warm-up viewer ${v}`, v))
  const clients = [...editors, ...viewers]
  await waitFor(() => clients.every((c) => c.isSynced || c.closeCode !== null), tuning.syncTimeoutMs)
  const rate = plan.editsPerSecond
  await (rate === 'burst' ? burst(editors, tuning.warmUpSeconds) : steady(editors, rate, tuning.warmUpSeconds))
  await quiet(() => hub.lastFrameAt, tuning.settleMs, tuning.settleCapMs)
  for (const c of clients) c.close()
}

async function steady(editors: LoadClient[], perSecond: number, seconds: number): Promise<void> {
  const interval = 1000 / perSecond
  const count = Math.round(seconds * perSecond)
  const started = performance.now()
  await Promise.all(
    editors.map(async (editor, index) => {
      const first = started + (index * interval) / editors.length
      for (let seq = 0; seq < count; seq++) {
        const due = first + seq * interval - performance.now()
        if (due > 0) await sleep(due)
        editor.edit()
      }
    }),
  )
}

/**
 * As fast as they can, as far as the server keeps reading: each editor edits while its socket
 * holds less than BURST_BUFFER_BYTES that the kernel has not taken, and while fewer than
 * BURST_WINDOW of its edits are unread by the server (a ping every BURST_PING_EVERY edits; its pong
 * says the server read everything before it; a full window waits for the next pong). The buffer check alone is not enough on loopback:
 * the kernel's socket buffers take megabytes (tens of thousands of edits) without pushing back, so
 * editors could run a minute ahead of a server and its drain would outlast the run. Editors yield
 * every few edits so the receivers (same process) are served too.
 */
async function burst(editors: LoadClient[], seconds: number): Promise<void> {
  const end = performance.now() + seconds * 1000
  await Promise.all(
    editors.map(async (editor) => {
      while (performance.now() < end && editor.closeCode === null) {
        for (let i = 0; i < BURST_EDITS_PER_TURN && editor.bufferedAmount < BURST_BUFFER_BYTES && editor.unacknowledged < BURST_WINDOW; i++) {
          editor.edit()
          if (editor.sent % BURST_PING_EVERY === 0) editor.ping()
        }
        // A full window waits for the server (no spinning: the generator's CPU stays its real work).
        await (editor.unacknowledged >= BURST_WINDOW ? editor.nextPong() : immediate())
      }
    }),
  )
}

async function runStorm(scenario: string, kind: TargetKind, plan: StormPlan, tuning: Tuning): Promise<TargetResult> {
  const label = `${scenario}/${kind}`
  const run = await session(kind, undefined, tuning, async (s) => {
    const docName = roomName(0)
    const room: RoomRun = { docName, clients: [], auditor: null }
    s.rooms.push(room)
    // The room is loaded (with some content) and one editor is connected before the storm.
    const editor = connect(s, docName, 'e0', 'Editor e0', 0, false)
    room.clients.push(editor)
    await waitFor(() => editor.isSynced, tuning.syncTimeoutMs)
    for (let i = 0; i < plan.preloadEdits; i++) editor.edit()
    await sleep(tuning.memorySettleMs)
    const before = rssKb(s.target.pid)

    tuning.log(`${label}: ${plan.viewers} viewers joining at once...`)
    // Addresses (and Fourwall's signed tokens) are made before the clock starts: they are not the server's work.
    const urls = Array.from({ length: plan.viewers }, (_, v) => s.target.url(docName, false, `Viewer ${v}`, v))
    const start = cpuMark(s.target.pid)
    const stormStarted = performance.now()
    for (let v = 0; v < plan.viewers; v++) room.clients.push(new LoadClient({ url: urls[v]!, name: `Viewer ${v}`, editorId: null, renewAwareness: false }, s.hub))
    const viewers = room.clients.slice(1)
    const allSynced = await waitFor(() => viewers.every((c) => c.isSynced || c.closeCode !== null), tuning.syncTimeoutMs)
    const synced = viewers.filter((c) => c.isSynced)
    const stormMs = Math.max(...synced.map((c) => c.syncedAt)) - stormStarted
    const cpu = cpuBetween(s.target.pid, start)
    if (!allSynced) s.notes.push(`${plan.viewers - synced.length} viewers not synced after ${tuning.syncTimeoutMs / 1000} s`)
    tuning.log(`${label}: ${synced.length} synced in ${Math.round(stormMs)} ms; waiting for the room to go idle...`)
    // Idle means no traffic at all: on the stock server every viewer's presence still fans out to
    // everyone after the last sync.
    if (!(await quiet(() => s.hub.lastFrameAt, tuning.settleMs, tuning.settleCapMs))) s.notes.push('presence traffic still flowing when memory was read')
    await sleep(tuning.memorySettleMs)
    const after = rssKb(s.target.pid)
    s.memory.sample()
    return { before, after, stormMs, synced, cpu }
  })

  const { before, after, stormMs, synced, cpu } = run.measured
  const room = run.rooms[0]!
  const convergence = checkConvergence(run.rooms)
  if (convergence.problems.length > 0) run.notes.push(`not converged: ${convergence.problems.join('; ')}`)
  const sync = spread(synced.map((c) => c.syncedAt - c.connectStartedAt))
  const perConnectionKb = (after - before) / plan.viewers
  const metrics = [
    metric('storm.ms', `first connect to last of ${plan.viewers} viewers synced`, 'ms', stormMs),
    metric('synced', 'viewers synced', '', synced.length, plan.viewers),
    metric('sync.p50', 'connect to synced p50', 'ms', sync.p50),
    metric('sync.p95', 'connect to synced p95', 'ms', sync.p95),
    metric('sync.max', 'connect to synced max', 'ms', sync.max),
    metric('memory.perConnectionKb', 'server memory per idle connection', 'KB', perConnectionKb),
    metric('server.rssBeforeMb', 'server RSS, room loaded, 1 editor', 'MB', before / 1024),
    metric('server.rssAfterMb', `server RSS, ${plan.viewers} viewers idle`, 'MB', after / 1024),
    metric('server.rssPeakMb', 'server RSS peak', 'MB', run.memory.serverPeakKb / 1024),
    metric('server.cpuMs', 'server CPU during the storm', 'ms', cpu.serverMs),
    metric('frames.awareness', 'awareness frames received', '', sum(room.clients, (c) => c.awarenessFrames)),
    metric('converged', 'clients converged', '', convergence.converged, convergence.clients),
    metric('closed', 'connections closed by the server', '', run.closedByServer.length),
    metric('generator.cpuPct', 'generator CPU during the storm', '% of a core', cpu.generatorPct),
    metric('generator.rssPeakMb', 'generator RSS peak', 'MB', run.memory.generatorPeakKb / 1024),
  ]
  tuning.log(`${label}: ${Math.round(stormMs)} ms, ${perConnectionKb.toFixed(1)} KB per connection, converged ${convergence.converged} of ${convergence.clients}`)
  return { scenario, target: kind, metrics, notes: run.notes }
}

function sum(clients: readonly LoadClient[], of: (client: LoadClient) => number): number {
  return clients.reduce((total, client) => total + of(client), 0)
}

/** Connections the server closed during the measurement, by close code and reason. */
function noteClosures(closed: readonly LoadClient[], notes: string[]): void {
  if (closed.length === 0) return
  const byCode = new Map<string, number>()
  for (const client of closed) {
    const key = `${client.closeCode} ${client.closeReason || client.error || ''}`.trim()
    byCode.set(key, (byCode.get(key) ?? 0) + 1)
  }
  notes.push(`server closed ${closed.length} connections: ${[...byCode].map(([code, n]) => `${n}× ${code}`).join(', ')}`)
}

/** Fourwall at LOG_LEVEL=warn prints only warnings and errors; the stock server prints errors on stderr. */
function noteServerOutput(target: Target, notes: string[]): void {
  const lines = target.output()
  if (target.exitedEarly()) notes.push('the server process exited during the scenario')
  if (lines.length > 0) notes.push(`server printed ${lines.length} lines, first: ${lines[0]!.slice(0, 200)}`)
}
