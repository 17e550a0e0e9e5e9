/**
 * The load harness (test/bench/load) at a tiny scale, against both servers it compares: every
 * scenario runs end to end and must still measure what it claims. Every client converges, every
 * expected (edit, receiver) delivery is measured and has a latency, and the join storm syncs every
 * viewer. Numbers are not checked (benchmarks report, they do not gate CI); a harness that stopped
 * measuring would fail here.
 */
import { describe, expect, it } from 'vitest'
import type { Metric, TargetResult } from '../bench/load/report.js'
import { LOAD_SCENARIOS, PLANS, runScenario, TUNING, type EditPlan, type LoadScenario, type Plan, type Tuning } from '../bench/load/scenarios.js'

/** Each scenario's own plan (its settings, such as burst's raised frame limit), at a tiny scale. */
const small = { editorsPerRoom: 2, viewersPerRoom: 3, editsPerSecond: 5, seconds: 1 } as const
const TINY: Record<LoadScenario, Plan> = {
  meeting: { ...(PLANS.meeting as EditPlan), ...small },
  'all-hands': { ...(PLANS['all-hands'] as EditPlan), ...small },
  'many-boards': { ...(PLANS['many-boards'] as EditPlan), ...small, rooms: 3, viewersPerRoom: 2 },
  burst: { ...(PLANS.burst as EditPlan), ...small, editsPerSecond: 'burst' },
  'join-storm': { kind: 'storm', viewers: 20, preloadEdits: 5 },
}

/** Shorter waits than the benchmark's: nothing here is under load. */
const QUICK: Tuning = { ...TUNING, quietMs: 250, settleMs: 100, memorySettleMs: 200, warmUpSeconds: 0, syncTimeoutMs: 15_000, log: () => {} }

function value(result: TargetResult, key: string): Metric {
  const metric = result.metrics.find((m) => m.key === key)
  if (!metric) throw new Error(`${result.scenario}/${result.target} reports no ${key}`)
  return metric
}

describe('load harness (tiny scale, Fourwall and the stock server)', () => {
  for (const name of LOAD_SCENARIOS) {
    it(`${name}: both servers converge and every expected delivery is measured`, async () => {
      const plan = TINY[name]
      const results = await runScenario(name, plan, QUICK)
      expect(results.map((result) => result.target)).toEqual(['fourwall', 'stock'])
      for (const result of results) {
        const where = `${name}/${result.target}: ${result.notes.join('; ')}`
        const converged = value(result, 'converged')
        expect(converged.value, where).toBe(converged.of)
        expect(value(result, 'closed').value, where).toBe(0)
        if (plan.kind === 'storm') {
          expect(value(result, 'synced').value, where).toBe(plan.viewers)
          expect(converged.of, where).toBe(plan.viewers + 1)
          expect(Number.isFinite(value(result, 'storm.ms').value), where).toBe(true)
          expect(Number.isFinite(value(result, 'memory.perConnectionKb').value), where).toBe(true)
          continue
        }
        const clients = plan.rooms * (plan.editorsPerRoom + plan.viewersPerRoom)
        expect(converged.of, where).toBe(clients)
        const sent = value(result, 'edits.sent').value
        if (plan.editsPerSecond === 'burst') expect(sent, where).toBeGreaterThan(0)
        else expect(sent, where).toBe(plan.rooms * plan.editorsPerRoom * plan.seconds * plan.editsPerSecond)
        // Every edit reaches everyone else in its room, and each of those deliveries is measured.
        const deliveries = value(result, 'deliveries.measured')
        expect(deliveries.of, where).toBe(sent * (plan.editorsPerRoom + plan.viewersPerRoom - 1))
        expect(deliveries.value, where).toBe(deliveries.of)
        expect(value(result, 'deliveries.missing').value, where).toBe(0)
        expect(Number.isFinite(value(result, 'latency.p99').value), where).toBe(true)
        expect(value(result, 'latency.p50').value, where).toBeGreaterThan(0)
        expect(value(result, 'server.cpuMs').value, where).toBeGreaterThanOrEqual(0)
        expect(value(result, 'server.rssPeakMb').value, where).toBeGreaterThan(0)
        if (plan.editsPerSecond === 'burst') expect(Number.isFinite(value(result, 'server.cpuPerDeliveryUs').value), where).toBe(true)
      }
    })
  }
})
