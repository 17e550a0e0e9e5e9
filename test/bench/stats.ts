/** What every benchmark reports: one row per measured quantity, with its spread. */
export interface BenchRow {
  scenario: string
  metric: string
  unit: string
  samples: number
  p50: number
  p95: number
  max: number
}

/** The nearest-rank quantile of ascending values (NaN when there are none). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))]!
}

export interface Spread {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

/** p50, p95, p99 and max of any values (sorted here, as a Float64Array: cheap for a million). */
export function spread(values: ArrayLike<number>): Spread {
  const sorted = Float64Array.from(values).sort()
  return { count: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN }
}

export function summarise(scenario: string, metric: string, unit: string, values: readonly number[]): BenchRow {
  const sorted = [...values].sort((a, b) => a - b)
  return { scenario, metric, unit, samples: sorted.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN }
}

const round = (value: number): string => (Number.isNaN(value) ? '-' : value >= 100 ? value.toFixed(0) : value.toFixed(1))

/** A Markdown table (pasteable into test/bench/README.md). */
export function table(rows: readonly BenchRow[]): string {
  const lines = ['| scenario | metric | p50 | p95 | max | unit | samples |', '| --- | --- | ---: | ---: | ---: | --- | ---: |']
  for (const row of rows) {
    lines.push(`| ${row.scenario} | ${row.metric} | ${round(row.p50)} | ${round(row.p95)} | ${round(row.max)} | ${row.unit} | ${row.samples} |`)
  }
  return lines.join('\n')
}
