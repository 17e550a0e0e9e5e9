/**
 * A small Prometheus registry: counters, gauges read at scrape time, and one histogram kind.
 * Hand-rolled because the server needs a dozen series, not a client library.
 */
type Labels = Record<string, string>

function labelText(labels: Labels | undefined): string {
  if (!labels || Object.keys(labels).length === 0) return ''
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
  return `{${parts.join(',')}}`
}

export class Counter {
  private readonly values = new Map<string, number>()
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(by = 1, labels?: Labels): void {
    const key = labelText(labels)
    this.values.set(key, (this.values.get(key) ?? 0) + by)
  }
  get(labels?: Labels): number {
    return this.values.get(labelText(labels)) ?? 0
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`]
    if (this.values.size === 0) lines.push(`${this.name} 0`)
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels} ${value}`)
    return lines.join('\n')
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`].join('\n')
  }
}

export class Histogram {
  private readonly counts: number[]
  private sum = 0
  private count = 0
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0)
  }
  observe(value: number): void {
    this.sum += value
    this.count++
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) this.counts[i]!++
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`]
    this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket{le="${le}"} ${this.counts[i]}`))
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`)
    return lines.join('\n')
  }
}

export class Metrics {
  readonly updatesReceived = new Counter('fourwall_updates_received_total', 'Yjs document updates received from clients')
  readonly messagesSent = new Counter('fourwall_messages_sent_total', 'WebSocket messages sent to sync clients')
  readonly socketWrites = new Counter('fourwall_sync_socket_writes_total', 'Socket writes to sync clients (one write may carry several messages)')
  readonly bytesReceived = new Counter('fourwall_bytes_received_total', 'WebSocket bytes received on the sync endpoint')
  readonly bytesSent = new Counter('fourwall_bytes_sent_total', 'WebSocket bytes sent on the sync endpoint')
  readonly connectionsClosed = new Counter('fourwall_connections_closed_total', 'Sync connections closed, by close code')
  readonly compactions = new Counter('fourwall_compactions_total', 'Document compactions into a snapshot')
  readonly storageWriteSeconds = new Histogram(
    'fourwall_storage_write_seconds',
    'Latency of one durable storage write (one batch)',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  )
  private readonly gauges: Gauge[] = []

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read))
  }

  render(): string {
    const memory = process.memoryUsage()
    const series = [
      this.updatesReceived,
      this.messagesSent,
      this.socketWrites,
      this.bytesReceived,
      this.bytesSent,
      this.connectionsClosed,
      this.compactions,
      this.storageWriteSeconds,
      ...this.gauges,
      new Gauge('process_resident_memory_bytes', 'Resident memory size in bytes', () => memory.rss),
      new Gauge('nodejs_heap_used_bytes', 'V8 heap in use in bytes', () => memory.heapUsed),
    ]
    return series.map((s) => s.render()).join('\n') + '\n'
  }
}
