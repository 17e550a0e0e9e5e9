/**
 * The comparison table: one row per metric with Fourwall's and the stock server's numbers side by
 * side, their ratio, and the issue's target where it sets one. Also one JSON line per (scenario,
 * target, metric), and per checked ratio, for scripts.
 */
import type { TargetKind } from './targets.js'

export interface Metric {
  key: string
  label: string
  unit: string
  value: number
  /** For counts out of a total ("converged 56 of 56"): the total. No ratio is shown for these. */
  of?: number
}

export interface TargetResult {
  scenario: string
  target: TargetKind
  metrics: Metric[]
  /** Things worth reading beside the numbers: settings, closed connections, server warnings. */
  notes: string[]
}

/** A target from the issue: on the ratio Fourwall ÷ stock, or on Fourwall's own number. */
interface Goal {
  scenario: string
  key: string
  on: 'ratio' | 'fourwall'
  limit: number
  /** "under" is strict (<), "at most" is ≤. */
  strict: boolean
  text: string
}

export const GOALS: readonly Goal[] = [
  { scenario: 'meeting', key: 'latency.p99', on: 'ratio', limit: 1, strict: false, text: '≤ 1' },
  { scenario: 'all-hands', key: 'latency.p99', on: 'fourwall', limit: 50, strict: true, text: '< 50 ms' },
  { scenario: 'join-storm', key: 'storm.ms', on: 'fourwall', limit: 1500, strict: true, text: '< 1,500 ms' },
  { scenario: 'burst', key: 'server.cpuPerDeliveryUs', on: 'ratio', limit: 0.5, strict: false, text: '≤ 0.5' },
  { scenario: 'join-storm', key: 'memory.perConnectionKb', on: 'ratio', limit: 0.5, strict: false, text: '≤ 0.5' },
]

/** Generator CPU above this share of a core means it, not the server, may be the bottleneck. */
const SATURATED_PCT = 90

function format(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-'
  const abs = Math.abs(value)
  if (abs >= 100 || Number.isInteger(value)) return Math.round(value).toLocaleString('en-US')
  return value.toFixed(abs >= 10 ? 1 : 2)
}

function cell(metric: Metric | undefined): string {
  if (!metric) return '-'
  return metric.of === undefined ? format(metric.value) : `${format(metric.value)} of ${format(metric.of)}`
}

function ratioOf(fourwall: Metric | undefined, stock: Metric | undefined): number {
  if (!fourwall || !stock || fourwall.of !== undefined || stock.value === 0) return Number.NaN
  return fourwall.value / stock.value
}

interface GoalCheck {
  scenario: string
  metric: string
  goal: string
  value: number
  met: boolean
}

function checkGoal(goal: Goal, fourwall: Metric | undefined, ratio: number): GoalCheck {
  const value = goal.on === 'ratio' ? ratio : (fourwall?.value ?? Number.NaN)
  const met = Number.isFinite(value) && (goal.strict ? value < goal.limit : value <= goal.limit)
  return { scenario: goal.scenario, metric: goal.key, goal: `${goal.on === 'ratio' ? 'Fourwall ÷ stock' : 'Fourwall'} ${goal.text}`, value, met }
}

/** The issue's five targets alone, one row each: the ratio table to read first. */
export function targetsTable(results: readonly TargetResult[]): string {
  const lines = ['| scenario | measure | Fourwall | stock | Fourwall ÷ stock | target | met? |', '| --- | --- | ---: | ---: | ---: | --- | --- |']
  for (const goal of GOALS) {
    const find = (target: TargetKind) => results.find((r) => r.scenario === goal.scenario && r.target === target)?.metrics.find((m) => m.key === goal.key)
    const [f, s] = [find('fourwall'), find('stock')]
    if (!f && !s) continue
    const ratio = ratioOf(f, s)
    const check = checkGoal(goal, f, ratio)
    const label = `${(f ?? s)!.label}${(f ?? s)!.unit ? ` (${(f ?? s)!.unit})` : ''}`
    lines.push(
      `| ${goal.scenario} | ${label} | ${cell(f)} | ${cell(s)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '-'} | ${check.goal} | ${check.met ? 'yes' : '**no**'} |`,
    )
  }
  return lines.join('\n')
}

/** The Markdown table of every scenario's results (pairs of Fourwall and stock), then the notes. */
export function comparisonTable(results: readonly TargetResult[]): string {
  const lines = [
    '| scenario | metric | Fourwall | stock | Fourwall ÷ stock | target | met? |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
  ]
  const notes: string[] = []
  for (const scenario of [...new Set(results.map((result) => result.scenario))]) {
    const fourwall = results.find((r) => r.scenario === scenario && r.target === 'fourwall')
    const stock = results.find((r) => r.scenario === scenario && r.target === 'stock')
    const keys = [...new Set([...(fourwall?.metrics ?? []), ...(stock?.metrics ?? [])].map((metric) => metric.key))]
    for (const key of keys) {
      const f = fourwall?.metrics.find((metric) => metric.key === key)
      const s = stock?.metrics.find((metric) => metric.key === key)
      const label = `${(f ?? s)!.label}${(f ?? s)!.unit ? ` (${(f ?? s)!.unit})` : ''}`
      const ratio = ratioOf(f, s)
      const goal = GOALS.find((g) => g.scenario === scenario && g.key === key)
      const check = goal ? checkGoal(goal, f, ratio) : null
      lines.push(
        `| ${scenario} | ${label} | ${cell(f)} | ${cell(s)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '-'} | ${check?.goal ?? ''} | ${check ? (check.met ? 'yes' : '**no**') : ''} |`,
      )
    }
    for (const result of [fourwall, stock]) {
      if (!result) continue
      const generator = result.metrics.find((metric) => metric.key === 'generator.cpuPct')
      if (generator && generator.value > SATURATED_PCT) {
        lines.push(
          `| ${scenario} | ⚠ generator saturated while measuring ${result.target} (${format(generator.value)}% of a core): its latencies include the generator's own queueing | | | | | |`,
        )
      }
      for (const note of result.notes) notes.push(`- ${scenario}, ${result.target}: ${note}`)
    }
  }
  return [...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n')
}

/** One JSON line per (scenario, target, metric), then one per checked goal. */
export function jsonLines(results: readonly TargetResult[]): string[] {
  const lines: string[] = []
  for (const result of results) {
    for (const { key, label, unit, value, of } of result.metrics) {
      lines.push(JSON.stringify({ scenario: result.scenario, target: result.target, metric: key, label, unit, value, of }))
    }
  }
  for (const goal of GOALS) {
    const f = results.find((r) => r.scenario === goal.scenario && r.target === 'fourwall')?.metrics.find((m) => m.key === goal.key)
    const s = results.find((r) => r.scenario === goal.scenario && r.target === 'stock')?.metrics.find((m) => m.key === goal.key)
    if (!f && !s) continue
    lines.push(JSON.stringify({ ...checkGoal(goal, f, ratioOf(f, s)), target: 'ratio', fourwall: f?.value, stock: s?.value, ratio: ratioOf(f, s) }))
  }
  return lines
}
