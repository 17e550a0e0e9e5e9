/**
 * Token buckets for the sync endpoint: one per connection caps how many frames it may send (a
 * flood is closed with 4429 within a fraction of a second, whatever the frames hold), and one per
 * read-only connection caps how many refused writes it may send before it is closed with 4403.
 *
 * `take` allocates nothing: it runs once for every incoming frame.
 */

export interface Rate {
  /** Tokens added back per second (the sustained rate). */
  perSecond: number
  /** Most tokens the bucket holds, and what it starts with (the largest burst). */
  burst: number
}

/**
 * Frames a connection may send: 200 a second sustained, bursts of 400. A y-websocket client sends
 * one frame per transaction and per presence change, so even a very fast typist whose every
 * keystroke also moves the cursor stays well below this; a tight loop reaches 400 in milliseconds.
 */
export const DEFAULT_MESSAGE_RATE: Readonly<Rate> = Object.freeze({ perSecond: 200, burst: 400 })

/**
 * Writes (Update, or SyncStep2 that would add something) a read-only connection may send before it
 * is closed: 10 a minute. One stale step 2 with offline edits on reconnect is fine; a client that
 * keeps writing is not.
 */
export const READ_ONLY_WRITE_RATE: Readonly<Rate> = Object.freeze({ perSecond: 10 / 60, burst: 10 })

export class TokenBucket {
  /** Starts full: the first `take` clamps it to the rate's burst. */
  private tokens = Number.POSITIVE_INFINITY
  private last = 0

  /**
   * Takes one token; false when the bucket is empty. The rate is passed on each call (rather than
   * kept) so that it can be changed while connections are open. `now` is in milliseconds.
   */
  take(rate: Readonly<Rate>, now: number): boolean {
    const refilled = this.tokens + ((now - this.last) * rate.perSecond) / 1000
    this.tokens = refilled < rate.burst ? refilled : rate.burst
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
