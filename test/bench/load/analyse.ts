/**
 * Offline analysis, after the servers are stopped (so it costs nothing during the measurement):
 * decodes what every client received into edit-to-peer latencies and checks that every client
 * converged to the server's document.
 *
 * Every update frame is decoded once per distinct content: a relayed update reaches every receiver
 * as the same bytes, so a thousand viewers cost one decode. An edit is a Y.Map entry whose key
 * (the Item's parentSub) is `${editorId}:${seq}` and whose value is its send time; a frame may carry
 * several edits (a merged update), and an edit that reaches a receiver twice counts once.
 */
import * as Y from 'yjs'
import { EDITS_MAP, syncPayload, type LoadClient } from './client.js'

export interface RoomRun {
  docName: string
  /** Everyone in the room during the measurement, editors first. */
  clients: LoadClient[]
  /** A client that joined after the drain: its SyncStep2 is the server's final state. */
  auditor: LoadClient | null
}

interface DecodedFrame {
  keys: string[]
  /** The editor id of each key (its prefix before ':'). */
  authors: string[]
  sendTimes: number[]
}

const decodedFrames = new Map<string, DecodedFrame>()

/** The edits a received update frame carries (decoded once per distinct frame). */
function decodeFrame(frame: Buffer): DecodedFrame {
  // latin1 maps each byte to one char: a cheap exact key for the bytes.
  const cacheKey = frame.toString('latin1')
  let decoded = decodedFrames.get(cacheKey)
  if (decoded) return decoded
  decoded = { keys: [], authors: [], sendTimes: [] }
  for (const struct of Y.decodeUpdate(syncPayload(frame)).structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub === null) continue
    decoded.keys.push(struct.parentSub)
    decoded.authors.push(struct.parentSub.slice(0, struct.parentSub.indexOf(':')))
    decoded.sendTimes.push(struct.content.getContent()[0] as number)
  }
  decodedFrames.set(cacheKey, decoded)
  return decoded
}

export interface Deliveries {
  /** receive − send in ms, one per (edit, receiver other than its author). */
  latencies: number[]
  editsSent: number
  /** Σ over edits of the clients in its room other than its author. */
  expected: number
  measured: number
  /** (edit, receiver) pairs that arrived more than once (counted once). */
  duplicates: number
  /** Update frames received by all clients, including the stock server's echo of an editor's own update. */
  updateFrames: number
  /** Edits that came back to their own author (the stock server echoes every update to its sender). */
  ownEchoes: number
  /** Edit keys nobody in the room made (from another room): must stay 0. */
  foreign: number
  firstSentAt: number
  lastReceivedAt: number
}

export function measureDeliveries(rooms: readonly RoomRun[]): Deliveries {
  const latencies: number[] = []
  let editsSent = 0
  let expected = 0
  let duplicates = 0
  let updateFrames = 0
  let ownEchoes = 0
  let foreign = 0
  let firstSentAt = Number.POSITIVE_INFINITY
  let lastReceivedAt = 0
  for (const room of rooms) {
    const authors = new Set<string>()
    for (const client of room.clients) {
      if (client.spec.editorId === null) continue
      authors.add(client.spec.editorId)
      editsSent += client.sent
      expected += client.sent * (room.clients.length - 1)
    }
    for (const client of room.clients) {
      const seen = new Set<string>()
      const log = client.updates
      updateFrames += log.length
      for (let i = 0; i < log.length; i++) {
        const received = log.times[i]!
        const decoded = decodeFrame(log.frame(i))
        for (let k = 0; k < decoded.keys.length; k++) {
          const author = decoded.authors[k]!
          firstSentAt = Math.min(firstSentAt, decoded.sendTimes[k]!)
          if (!authors.has(author)) {
            foreign++
          } else if (author === client.spec.editorId) {
            ownEchoes++
          } else if (seen.has(decoded.keys[k]!)) {
            duplicates++
          } else {
            seen.add(decoded.keys[k]!)
            latencies.push(received - decoded.sendTimes[k]!)
            lastReceivedAt = Math.max(lastReceivedAt, received)
          }
        }
      }
    }
  }
  return { latencies, editsSent, expected, measured: latencies.length, duplicates, updateFrames, ownEchoes, foreign, firstSentAt, lastReceivedAt }
}

export interface Convergence {
  converged: number
  clients: number
  /** Why some did not converge (first few), for the report. */
  problems: string[]
}

/**
 * A client converged when everything it received (the join's SyncStep2 and every update frame,
 * plus an editor's own document) makes a document with nothing pending, holding every edit
 * made in its room, with the same state vector as the room's auditor (the server's final state).
 */
export function checkConvergence(rooms: readonly RoomRun[]): Convergence {
  let converged = 0
  let clients = 0
  const problems: string[] = []
  const problem = (text: string): void => {
    if (problems.length < 5) problems.push(text)
  }
  for (const room of rooms) {
    const keys: string[] = []
    for (const client of room.clients) {
      for (let seq = 0; seq < client.sent; seq++) keys.push(`${client.spec.editorId}:${seq}`)
    }
    const reference = room.auditor?.step2 ? stateVectorOf([room.auditor.step2]) : null
    if (!reference) problem(`${room.docName}: the auditor did not sync`)
    for (const client of room.clients) {
      clients++
      if (!client.step2) {
        problem(`${client.spec.name} never synced`)
        continue
      }
      const updates = [client.step2]
      for (let i = 0; i < client.updates.length; i++) updates.push(syncPayload(client.updates.frame(i)))
      if (client.doc) updates.push(Y.encodeStateAsUpdate(client.doc))
      const doc = docOf(updates)
      const map = doc.getMap(EDITS_MAP)
      const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
      const missing = keys.filter((key) => !map.has(key)).length
      const sameState = reference !== null && Buffer.from(Y.encodeStateVector(doc)).equals(reference)
      doc.destroy()
      if (!pending && missing === 0 && sameState) converged++
      else problem(`${client.spec.name}: ${pending ? 'pending structs, ' : ''}${missing} of ${keys.length} edits missing${sameState ? '' : ', state differs from the server'}`)
    }
  }
  return { converged, clients, problems }
}

/**
 * A fresh document holding the updates, applied in one transaction. The same result as applying
 * Y.mergeUpdates(updates), whose cost grows with the square of the count: 28,000 one-edit updates
 * take 24 s to merge and 0.2 s to apply (a burst's receivers each hold that many).
 */
function docOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}

function stateVectorOf(updates: Uint8Array[]): Buffer {
  const doc = docOf(updates)
  const vector = Buffer.from(Y.encodeStateVector(doc))
  doc.destroy()
  return vector
}

/** Frees the decode cache between scenarios (its keys hold every distinct frame received). */
export function forgetDecodedFrames(): void {
  decodedFrames.clear()
}
