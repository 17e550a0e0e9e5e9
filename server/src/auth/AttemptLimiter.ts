/**
 * Counts attempts per key (an IP address, an account) in a sliding window and says when a key has
 * had too many. In memory, per process: with several processes each one limits on its own, which
 * multiplies the allowance by the process count but still stops guessing at any useful rate.
 */
export interface AttemptWindow {
  max: number
  windowMs: number
}

export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(private readonly window: AttemptWindow) {}

  /** Milliseconds until `key` may try again, or 0 if it may try now. */
  blockedFor(key: string, now = Date.now()): number {
    const recent = this.recent(key, now)
    if (recent.length < this.window.max) return 0
    return recent[recent.length - this.window.max]! + this.window.windowMs - now
  }

  record(key: string, now = Date.now()): void {
    const recent = this.recent(key, now)
    recent.push(now)
    this.attempts.set(key, recent)
    if (this.attempts.size > 10_000) this.prune(now)
  }

  /** Takes back the latest attempt of `key` (it succeeded, so it does not count as a failure). */
  forgive(key: string): void {
    const attempts = this.attempts.get(key)
    attempts?.pop()
    if (attempts?.length === 0) this.attempts.delete(key)
  }

  reset(key: string): void {
    this.attempts.delete(key)
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.window.windowMs
    return (this.attempts.get(key) ?? []).filter((at) => at > since)
  }

  /** Keeps memory bounded under an attack from many addresses. */
  private prune(now: number): void {
    for (const key of [...this.attempts.keys()]) {
      const recent = this.recent(key, now)
      if (recent.length === 0) this.attempts.delete(key)
      else this.attempts.set(key, recent)
    }
  }
}

/** "9 minutes", "1 minute", "30 seconds": for messages people read. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
