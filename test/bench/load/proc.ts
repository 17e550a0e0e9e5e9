/**
 * Server measurements from /proc (Linux), read from outside the server process so both servers are
 * measured the same way and neither has to cooperate: CPU time from /proc/<pid>/stat, resident
 * memory from /proc/<pid>/status. The generator's own CPU comes from process.cpuUsage().
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import v8 from 'node:v8'
import vm from 'node:vm'

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, normally 100). */
const CLOCK_TICKS = ((): number => {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim())
    return ticks > 0 ? ticks : 100
  } catch {
    return 100
  }
})()

/** utime + stime of a process, in milliseconds (resolution: one clock tick, 10 ms at 100 Hz). */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Field 2 (the command) is in parentheses and may hold spaces: count fields after the last ')'.
  // What follows starts at field 3, so utime (field 14) and stime (field 15) are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
}

/** VmRSS of a process, in kilobytes. */
export function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1])
}

/** A CPU reading of the server and the generator at one moment, to subtract. */
export interface CpuMark {
  at: number
  serverMs: number
  generator: NodeJS.CpuUsage
}

export function cpuMark(pid: number): CpuMark {
  return { at: performance.now(), serverMs: cpuMs(pid), generator: process.cpuUsage() }
}

export interface CpuSpan {
  wallMs: number
  serverMs: number
  /** Server CPU as % of one core over the span. */
  serverPct: number
  generatorMs: number
  /** The generator's CPU as % of one core: near 100% it is saturated and latencies include its own queueing. */
  generatorPct: number
}

export function cpuBetween(pid: number, start: CpuMark, end: CpuMark = cpuMark(pid)): CpuSpan {
  const wallMs = end.at - start.at
  const serverMs = end.serverMs - start.serverMs
  const generatorMs = (end.generator.user - start.generator.user + (end.generator.system - start.generator.system)) / 1000
  return { wallMs, serverMs, serverPct: (100 * serverMs) / wallMs, generatorMs, generatorPct: (100 * generatorMs) / wallMs }
}

/**
 * Samples the server's VmRSS (and the generator's RSS, to check it stays sane) every ~250 ms while
 * a scenario runs; `peak` and `last` are kept, nothing else.
 */
export class MemorySampler {
  serverPeakKb = 0
  serverLastKb = 0
  generatorPeakKb = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly pid: number,
    everyMs = 250,
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), everyMs)
  }

  sample(): number {
    try {
      this.serverLastKb = rssKb(this.pid)
      this.serverPeakKb = Math.max(this.serverPeakKb, this.serverLastKb)
    } catch {
      // The server exited: its last reading stays, and the scenario reports the exit.
    }
    this.generatorPeakKb = Math.max(this.generatorPeakKb, process.memoryUsage.rss() / 1024)
    return this.serverLastKb
  }

  stop(): void {
    clearInterval(this.timer)
  }
}

/**
 * A full garbage collection in this (the generator's) process, so one target's leftovers (the
 * previous analysis held a million latencies and decoded documents) do not count in the next
 * target's generator memory. `npm run bench` runs without --expose-gc, so gc is exposed here.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(vm.runInNewContext('gc') as () => void)()
}
