/**
 * Flood control on the sync endpoint: a connection sending frames faster than the per-connection
 * rate (DEFAULT_MESSAGE_RATE, a token bucket) is closed with 4429 within a second, while the other
 * people on the document keep editing; a fast but human typist is never closed.
 */
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MESSAGE_RATE, TokenBucket } from '../../server/src/sync/RateLimiter.js'
import { awarenessFrame, rawClients, updateFrame, type RawClient } from '../support/rawclient.js'
import { startServer, type TestServer } from '../support/server.js'

describe('TokenBucket', () => {
  const rate = { perSecond: 10, burst: 5 }
  const takeAll = (bucket: TokenBucket, now: number): number => {
    let taken = 0
    while (bucket.take(rate, now)) taken++
    return taken
  }

  it('starts full, refills at the rate, and never holds more than the burst', () => {
    const bucket = new TokenBucket()
    expect(takeAll(bucket, 1_000)).toBe(5)
    expect(bucket.take(rate, 1_000)).toBe(false)
    expect(takeAll(bucket, 1_100)).toBe(1) // 100 ms at 10/s
    expect(takeAll(bucket, 1_350)).toBe(2) // 250 ms: 2.5 tokens
    expect(takeAll(bucket, 1_400)).toBe(1) // the half token left over, plus 0.5
    expect(takeAll(bucket, 60_000)).toBe(5) // a long pause refills to the burst only
  })

  it('follows a changed rate', () => {
    const bucket = new TokenBucket()
    expect(takeAll(bucket, 0)).toBe(5)
    expect(bucket.take({ perSecond: 1_000, burst: 100 }, 50)).toBe(true) // 50 tokens back at the new rate
  })
})

describe('flood control', () => {
  let server: TestServer
  const raw = rawClients(() => server.wsUrl)
  let week = 0
  const freshDoc = (): string => `week:2029-W${String(++week).padStart(2, '0')}`

  const connect = (doc: string, name: string): Promise<RawClient> => raw.connect(doc, server.token('editor', name))
  const synced = (doc: string, name: string): Promise<RawClient> => raw.synced(doc, server.token('editor', name))
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

  beforeAll(async () => {
    server = await startServer()
  })
  afterEach(() => {
    raw.terminateAll()
  })
  afterAll(async () => {
    await server.close()
  })

  it('closes an editor sending 5,000 frames in a tight loop with 4429 within 1 s, while two others keep exchanging edits', async () => {
    const doc = freshDoc()
    const [alice, bob] = await Promise.all([synced(doc, 'Alice'), synced(doc, 'Bob')])

    // Alice and Bob play ping-pong: each round is an edit there and an edit back.
    const rounds: Array<{ start: number; end: number }> = []
    let stop = false
    const pingPong = (async () => {
      const log = (client: RawClient): Y.Array<string> => client.doc!.getArray<string>('ping')
      for (let n = 0; !stop; n++) {
        const start = performance.now()
        log(alice).push([`a${n}`])
        await bob.waitUntil(() => log(bob).length === 2 * n + 1, `Bob gets ping ${n}`)
        log(bob).push([`b${n}`])
        await alice.waitUntil(() => log(alice).length === 2 * n + 2, `Alice gets pong ${n}`)
        rounds.push({ start, end: performance.now() })
      }
    })()
    await alice.waitUntil(() => rounds.length >= 5, 'ping-pong warmed up')

    // Tiny valid frames: updates (each one character, stored and relayed) and awareness changes.
    const source = new Y.Doc()
    const frames: Uint8Array[] = []
    source.on('update', (update: Uint8Array) => frames.push(updateFrame(update)))
    for (let i = 0; i < 2_500; i++) {
      source.getText('flood').insert(i, 'x')
      frames.push(awarenessFrame([{ clientId: 4_242, clock: i + 1, state: { cursor: i } }]))
    }
    source.destroy()
    const flooder = await connect(doc, 'Flo')
    await flooder.waitUntil(() => flooder.counts.step1 >= 1, 'flooder attached')

    const started = performance.now()
    for (const frame of frames) flooder.send(frame)
    const closed = await flooder.waitForClose(5_000)
    const closedAt = performance.now()
    console.log(`flooder closed ${Math.round(closedAt - started)} ms after starting; ping-pong rounds so far: ${rounds.length}`)
    expect(closed.code).toBe(4429)
    expect(closedAt - started).toBeLessThan(1_000)

    // The ping-pong went on: rounds overlapping the flood finished quickly, and more follow.
    const roundsAtClose = rounds.length
    await alice.waitUntil(() => rounds.length >= roundsAtClose + 5, 'ping-pong continues after the flood', 5_000)
    stop = true
    await pingPong
    const duringFlood = rounds.filter((round) => round.end >= started && round.start <= closedAt)
    for (const round of duringFlood) expect(round.end - round.start).toBeLessThan(1_000)
    expect(alice.closeInfo).toBeNull()
    expect(bob.closeInfo).toBeNull()
    expect(bob.doc!.getArray('ping').toArray()).toEqual(alice.doc!.getArray('ping').toArray())

    // What arrived after the limit was never applied: at most a burst (plus refill) of its frames.
    await Promise.all([alice.roundTrip(), bob.roundTrip()])
    const flooded = alice.doc!.getText('flood').length
    expect(flooded).toBeGreaterThan(0)
    expect(flooded).toBeLessThanOrEqual(DEFAULT_MESSAGE_RATE.burst)
    expect(bob.doc!.getText('flood').length).toBe(flooded)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('never closes a fast typist: 100 edits/s plus a cursor move every other keystroke for 3 s', async () => {
    const doc = freshDoc()
    const [typist, reader] = await Promise.all([synced(doc, 'Tess'), synced(doc, 'Reed')])
    const KEYS = 300
    // 450 frames in 3 s: more than the burst, so this passes only because the bucket refills.
    expect(KEYS * 1.5).toBeGreaterThan(DEFAULT_MESSAGE_RATE.burst)
    const start = performance.now()
    for (let i = 0; i < KEYS; i++) {
      const wait = start + i * 10 - performance.now()
      if (wait > 0) await sleep(wait)
      typist.doc!.getText('typing').insert(i, String.fromCharCode(97 + (i % 26)))
      if (i % 2 === 0) typist.sendAwareness([{ clientId: 5_151, clock: i + 1, state: { cursor: i + 1 } }])
    }
    await reader.waitUntil(() => reader.doc!.getText('typing').length === KEYS, 'reader has every keystroke')
    expect(performance.now() - start).toBeGreaterThan(2_900)
    expect(typist.closeInfo).toBeNull()
    expect(reader.doc!.getText('typing').toString()).toBe(typist.doc!.getText('typing').toString())
  })
})
