/**
 * Protocol fuzzing: over a thousand random and mutated y-websocket frames from several raw
 * connections (reconnecting whenever the server closes one), while two stock y-websocket clients
 * keep editing the same document. The server must stay up, close only the offending connections
 * with a protocol close code, and never disturb the well-behaved clients.
 *
 * The frames come from a seeded PRNG: a failure prints the seed; rerun with FUZZ_SEED=<seed>.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  awarenessFrame,
  encodeAwarenessUpdate,
  queryAwarenessFrame,
  RawClient,
  syncStep1Frame,
  syncStep2Frame,
  updateFrame,
} from '../support/rawclient.js'
import { seededRandom } from '../support/random.js'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0
const FRAMES = process.env.FUZZ_FRAMES ? Number(process.env.FUZZ_FRAMES) : 2_000
const WORKERS = 4
const DOC = 'week:2026-W10'

/**
 * The stream the helpers below draw from. Each worker has its own stream derived from SEED, so its
 * sequence of frames is the same on every run with that seed (only the interleaving of the
 * workers, which follows the network, varies).
 */
let stream = seededRandom(SEED)
const random = (): number => stream()
function withStream<T>(rng: () => number, run: () => T): T {
  const previous = stream
  stream = rng
  try {
    return run()
  } finally {
    stream = previous
  }
}
const int = (n: number): number => Math.floor(random() * n)
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
const randomBytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => int(256))

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, n)
  return encoding.toUint8Array(encoder)
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.byteLength
  }
  return out
}

/** Varuints at and beyond the limits: 2^32-1, 2^53-1 (largest accepted), 2^56 (out of range), and an unterminated one. */
const HUGE_VARUINTS: Uint8Array[] = [
  varUint(0xffffffff),
  varUint(Number.MAX_SAFE_INTEGER),
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01),
  Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
  varUint(2 ** 31),
]

/** Valid frames to mutate, built from a local document with a variety of content. */
function seedFrames(): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = 0x0f0f0f // fixed, like everything else, so a seed replays byte-identical frames
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('fuzz-text')
  const map = doc.getMap('fuzz-map')
  const array = doc.getArray<unknown>('fuzz-array')
  text.insert(0, 'hello fuzz ✓ 🎯')
  text.format(0, 5, { bold: true })
  map.set('number', 42)
  map.set('nested', new Y.Map())
  map.set('bytes', Uint8Array.of(1, 2, 3))
  array.push(['a', { deep: [1, 2, { x: null }] }, true, 3.5, -7])
  array.insert(1, [new Y.Text('inner')])
  text.delete(2, 3)
  array.delete(0, 1)
  map.delete('number')
  const xml = doc.getXmlFragment('fuzz-xml')
  const element = new Y.XmlElement('p')
  element.setAttribute('class', 'x')
  element.insert(0, [new Y.XmlText('xml text')])
  xml.insert(0, [element])
  const subdoc = new Y.Doc({ guid: 'fuzz-subdoc' })
  map.set('subdoc', subdoc)

  const frames: Uint8Array[] = [
    syncStep1Frame(doc),
    syncStep1Frame(),
    syncStep1Frame(Y.encodeStateVector(new Y.Doc())),
    syncStep2Frame(Y.encodeStateAsUpdate(doc)),
    syncStep2Frame(Y.encodeStateAsUpdate(new Y.Doc())),
    ...updates.map(updateFrame),
    updateFrame(Y.mergeUpdates(updates.slice(0, 4))),
    awarenessFrame([{ clientId: 1234, clock: 1, state: { user: { name: 'fuzz', color: '#ff0000' }, cursor: { anchor: 3 } } }]),
    awarenessFrame([
      { clientId: 1235, clock: 4, state: {} },
      { clientId: 1236, clock: 1, state: null },
      { clientId: 1237, clock: 2, state: { list: [1, 2, 3], s: 'ü' } },
    ]),
    awarenessFrame(Uint8Array.of(0)),
    queryAwarenessFrame(),
  ]
  subdoc.destroy()
  doc.destroy()
  return frames
}

/** Offset of the body's length varuint: after the type, and after the sync type for sync frames. */
function bodyLengthOffset(frame: Uint8Array): number | null {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === 0) decoding.readVarUint(decoder)
    else if (type !== 1) return null
    return decoder.pos
  } catch {
    return null
  }
}

/** Rewraps a mutated body with a correct length, so the mutation reaches the inner decoder. */
function mutateBody(frame: Uint8Array): Uint8Array {
  const offset = bodyLengthOffset(frame)
  if (offset === null) return bitFlip(frame)
  let body: Uint8Array
  try {
    body = decoding.readVarUint8Array(decoding.createDecoder(frame.subarray(offset)))
  } catch {
    return bitFlip(frame) // an earlier mutation already broke the framing
  }
  const mutated = pick([bitFlip, setByte, truncate, appendRandom, insertHuge])(body)
  return concat(frame.subarray(0, offset), varUint(mutated.byteLength), mutated)
}

function bitFlip(frame: Uint8Array): Uint8Array {
  if (frame.byteLength === 0) return randomBytes(1)
  const out = frame.slice()
  const i = int(out.byteLength)
  out[i] = out[i]! ^ (1 << int(8))
  return out
}

function setByte(frame: Uint8Array): Uint8Array {
  if (frame.byteLength === 0) return randomBytes(1)
  const out = frame.slice()
  out[int(out.byteLength)] = pick([0, 0x7f, 0x80, 0xff, int(256)])
  return out
}

const truncate = (frame: Uint8Array): Uint8Array => frame.slice(0, int(frame.byteLength))
const appendRandom = (frame: Uint8Array): Uint8Array => concat(frame, randomBytes(1 + int(8)))

function insertHuge(frame: Uint8Array): Uint8Array {
  const at = int(frame.byteLength + 1)
  const replace = random() < 0.5 ? 0 : Math.min(1 + int(3), frame.byteLength - at)
  return concat(frame.subarray(0, at), pick(HUGE_VARUINTS), frame.subarray(at + Math.max(0, replace)))
}

function corruptLength(frame: Uint8Array): Uint8Array {
  const offset = bodyLengthOffset(frame)
  if (offset === null) return insertHuge(frame)
  const decoder = decoding.createDecoder(frame.subarray(offset))
  let length: number
  try {
    length = decoding.readVarUint(decoder)
  } catch {
    return insertHuge(frame)
  }
  const rest = frame.subarray(offset + decoder.pos)
  const newLength = pick([0, 1, length - 1, length + 1, length + 1 + int(1000), int(0xffff)])
  const lengthBytes = random() < 0.3 ? pick(HUGE_VARUINTS) : varUint(Math.max(0, newLength))
  return concat(frame.subarray(0, offset), lengthBytes, rest)
}

const MUTATIONS = [bitFlip, bitFlip, setByte, truncate, appendRandom, insertHuge, corruptLength, mutateBody, mutateBody, mutateBody]

interface Fuzz {
  kind: string
  data: Uint8Array
  /** Send as a text frame (whose bytes may not even be UTF-8). */
  text?: boolean
  /** Split the message over this many WebSocket frames. */
  fragments?: number
  /** An unmodified valid message: it must never close the connection. */
  valid: boolean
}

function generate(seeds: Uint8Array[]): Fuzz {
  const roll = random()
  if (roll < 0.08) {
    const length = random() < 0.9 ? int(64) : int(8192)
    return { kind: 'random', data: randomBytes(length), valid: false }
  }
  if (roll < 0.16) return { kind: 'random-typed', data: concat(Uint8Array.of(pick([0, 1, 2, 3])), randomBytes(int(48))), valid: false }
  if (roll < 0.22) {
    const prefix = pick([Uint8Array.of(), Uint8Array.of(0), Uint8Array.of(0, 0), Uint8Array.of(0, 1), Uint8Array.of(0, 2), Uint8Array.of(1)])
    return { kind: 'huge-varuint', data: concat(prefix, pick(HUGE_VARUINTS), randomBytes(int(16))), valid: false }
  }
  if (roll < 0.26) {
    // Text frames: valid UTF-8, or arbitrary bytes that the server's ws must refuse as text (1007).
    return random() < 0.5
      ? { kind: 'text', data: new TextEncoder().encode(pick(['hello', '\u0000\u0001', 'ü🎯', '{"type":"sync"}'])), text: true, valid: false }
      : { kind: 'text-invalid-utf8', data: concat(randomBytes(int(8)), Uint8Array.of(0xc3, 0x28, 0xff)), text: true, valid: false }
  }
  if (roll < 0.34) return { kind: 'valid', data: pick(seeds), valid: true }
  if (roll < 0.345) {
    // Just over the server's default 1 MiB message limit: refused by ws with 1009 from the header.
    return { kind: 'oversized', data: concat(pick(seeds), new Uint8Array(1024 * 1024 + int(4096))), valid: false }
  }
  let data = pick(seeds)
  const count = 1 + int(3)
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    const mutation = pick(MUTATIONS)
    names.push(mutation.name)
    data = mutation(data)
  }
  if (random() < 0.05) data = concat(data, pick(seeds)) // two messages in one frame
  return { kind: `mutated:${names.join('+')}`, data, fragments: random() < 0.1 ? 2 + int(2) : 1, valid: false }
}

/** Whether the server will answer this frame with a sync step 2 (a well-formed sync step 1). */
function expectsStep2(fuzz: Fuzz): boolean {
  if (fuzz.text) return false
  const data = fuzz.data
  try {
    const decoder = decoding.createDecoder(data)
    if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 0) return false
    const sv = decoding.readVarUint8Array(decoder)
    if (decoding.hasContent(decoder)) return false
    Y.decodeStateVector(sv)
    return true
  } catch {
    return false
  }
}

const ALLOWED_WS_CODES = new Set([1002, 1007, 1009])
const allowedCloseCode = (code: number): boolean => (code >= 4400 && code <= 4499) || ALLOWED_WS_CODES.has(code)

describe('protocol fuzzing', () => {
  let server: TestServer
  const stock: YClient[] = []

  beforeAll(async () => {
    console.log(`fuzz seed: ${SEED} (rerun with FUZZ_SEED=${SEED})`)
    server = await startServer()
  })
  afterAll(async () => {
    for (const client of stock) client.destroy()
    await server.close()
  })

  it(`survives ${FRAMES} random and mutated frames while two stock clients keep editing (seed printed above)`, async () => {
    const seeds = seedFrames()
    const a = connectClient(server.wsUrl, DOC, server.token('product-lead', 'Pat'), { color: '#111' })
    const b = connectClient(server.wsUrl, DOC, server.token('engineering-lead', 'Eli'), { color: '#222' })
    stock.push(a, b)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])
    const stockCloses: unknown[] = []
    for (const client of [a, b]) client.provider.on('connection-close', (event) => stockCloses.push(event?.code))

    const closeCodes = new Map<number, number>()
    const violations: string[] = []
    let sent = 0
    let connections = 0
    const edits = { a: 0, b: 0, notes: 0 }

    const editorRng = seededRandom(SEED ^ 0x5bd1e995)
    const edit = (): void => {
      if (random() < 0.5) a.doc.getArray<string>('log').push([`a-${edits.a++}`])
      else b.doc.getArray<string>('log').push([`b-${edits.b++}`])
      const writer = random() < 0.5 ? a : b
      const note = writer.doc.getText('note')
      note.insert(int(note.length + 1), writer === a ? 'A' : 'B')
      edits.notes++
    }

    const worker = async (index: number): Promise<void> => {
      // One of the workers is a viewer, whose writes are never applied but must be parsed just as strictly.
      const token = server.token(index === 0 ? 'team-lead' : 'editor', `fuzz-${index}`)
      const rng = seededRandom((SEED + Math.imul(0x9e3779b9, index + 1)) >>> 0)
      let client: RawClient | null = null
      // A fixed share per worker, so a seed replays the same frames on each worker.
      for (let n = 0; n < Math.ceil(FRAMES / WORKERS); n++) {
        // Everything random about this step is drawn up front, from this worker's own stream, so
        // what the server answered earlier never shifts the sequence.
        const { fuzz, attachFirst, cuts } = withStream(rng, () => {
          const fuzz = generate(seeds)
          const attachFirst = random() < 0.5
          const inner = Array.from({ length: (fuzz.fragments ?? 1) - 1 }, () => int(fuzz.data.length + 1))
          return { fuzz, attachFirst, cuts: [0, ...inner.sort((x, y) => x - y), fuzz.data.length] }
        })
        if (!client || client.closeInfo) {
          client = await RawClient.connect(server.wsUrl, DOC, token, { record: 'counts' })
          connections++
          // Half the time, send before the document is attached (exercises the held-messages path).
          if (attachFirst) await client.waitUntil(() => client!.counts.step1 >= 1, 'attached')
        }
        sent++
        if (sent % 10 === 0) withStream(editorRng, edit)
        const replies = client.counts.step2 + 1 + (expectsStep2(fuzz) ? 1 : 0)
        if (fuzz.text) client.send(fuzz.data, { binary: false })
        else {
          // cuts.length > 2: one message split over several WebSocket frames (the server sees the
          // reassembled message).
          for (let i = 0; i + 1 < cuts.length; i++) client.send(fuzz.data.subarray(cuts[i], cuts[i + 1]), { fin: i + 2 === cuts.length })
        }
        client.sendSyncStep1() // the probe: its step 2 answer means the fuzz frame was processed and accepted
        const probed = client
        try {
          await probed.waitUntil(() => probed.counts.step2 >= replies, 'probe answer')
        } catch (error) {
          if (!probed.closeInfo) throw error
          const { code, reason } = probed.closeInfo
          closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
          if (!allowedCloseCode(code)) violations.push(`${fuzz.kind}: closed with ${code} ${reason}`)
          if (fuzz.valid) violations.push(`valid frame (${fuzz.kind}) closed the connection: ${code} ${reason}`)
        }
      }
      client?.terminate()
    }

    const started = Date.now()
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)))
    console.log(
      `fuzz: ${sent} frames over ${connections} connections in ${Date.now() - started} ms; close codes ${JSON.stringify(Object.fromEntries(closeCodes))}`,
    )
    expect(violations, `seed ${SEED}`).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(FRAMES)
    // Most frames are malformed and some are accepted: both paths were exercised.
    expect(connections).toBeGreaterThan(FRAMES / 4)
    expect(connections).toBeLessThan(sent)

    // The server is up and healthy.
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)

    // The well-behaved clients were never disconnected and converge, with every edit.
    const logOf = (client: YClient): string[] => client.doc.getArray<string>('log').toArray()
    await waitFor(
      () => [logOf(a).length, logOf(b).length],
      ([x, y]) => x === edits.a + edits.b && y === edits.a + edits.b,
      15_000,
      `both logs hold all ${edits.a + edits.b} edits (seed ${SEED})`,
    )
    await waitFor(
      () => [a.doc.getText('note').toString(), b.doc.getText('note').toString()],
      ([x, y]) => x === y && x!.length === edits.notes,
      15_000,
      `notes converge (seed ${SEED})`,
    )
    expect(logOf(a)).toEqual(logOf(b))
    for (let i = 0; i < edits.a; i++) expect(logOf(a)).toContain(`a-${i}`)
    for (let i = 0; i < edits.b; i++) expect(logOf(a)).toContain(`b-${i}`)
    expect(stockCloses, `seed ${SEED}`).toEqual([])

    // A newcomer still gets a full, consistent sync from the fuzzed document.
    const c = connectClient(server.wsUrl, DOC, server.token())
    stock.push(c)
    await waitForSync(c.provider)
    await waitFor(() => logOf(c), (log) => log.length === edits.a + edits.b, 10_000, 'newcomer synced')
    expect(logOf(c)).toEqual(logOf(a))
    expect(c.doc.getText('note').toString()).toBe(a.doc.getText('note').toString())
  })
})
