/**
 * How far this computer's clock is from the server's, so every screen shows the same time left on
 * the meeting timer even when a laptop's clock is minutes off (see shared/src/meeting.ts).
 *
 * An ack is the good sample: its round trip is measured on this clock, so the server's stamp
 * happened, give or take half the round trip, at the middle of it. Among the recent samples the
 * one with the shortest round trip is the most precise (the NTP rule). A broadcast has no round
 * trip; it serves only until the first ack arrives.
 */
export interface ClockSample {
  offsetMs: number
  roundTripMs: number
}

/** Enough samples to outlast one slow round trip; few enough that a clock change ages out soon. */
export const MAX_CLOCK_SAMPLES = 8

export class ClockOffset {
  private samples: ClockSample[] = []
  private oneWay: number | null = null
  private fallback = 0

  /** A reply to a request sent at `sentAt` and answered at `receivedAt` (both Date.now()). */
  addRoundTrip(serverNow: number, sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(serverNow) || receivedAt < sentAt) return
    this.samples.push({ offsetMs: serverNow - (sentAt + receivedAt) / 2, roundTripMs: receivedAt - sentAt })
    if (this.samples.length > MAX_CLOCK_SAMPLES) this.samples.shift()
  }

  /** A broadcast received at `receivedAt`: late by its travel time, so only a stand-in. */
  addOneWay(serverNow: number, receivedAt: number): void {
    if (Number.isFinite(serverNow)) this.oneWay = serverNow - receivedAt
  }

  /**
   * Forgets the samples (after a reconnect: the computer may have slept and its clock been
   * corrected) but keeps answering with the last offset until new samples arrive.
   */
  reset(): void {
    this.fallback = this.offsetMs
    this.samples = []
    this.oneWay = null
  }

  /** Add to Date.now() to get the server's time. */
  get offsetMs(): number {
    const best = this.samples.reduce<ClockSample | null>((best, sample) => (!best || sample.roundTripMs < best.roundTripMs ? sample : best), null)
    return Math.round(best?.offsetMs ?? this.oneWay ?? this.fallback)
  }

  /** The round trip of the sample in use, for diagnostics; null without one. */
  get precisionMs(): number | null {
    const trips = this.samples.map((sample) => sample.roundTripMs)
    return trips.length > 0 ? Math.min(...trips) / 2 : null
  }
}
