/**
 * Presence (Yjs awareness) of clients connected to other server processes. Each process publishes
 * the entries of its own connections' clients, already filtered and stamped by AwarenessFilter's
 * rules there, with whether each comes from a viewer, so every process can keep the usual
 * audiences (a viewer's presence reaches editors only).
 *
 * The ownership rules carry over: a process never takes another process's word about a client one
 * of its own connections speaks for, a removal counts only from the process that last spoke for
 * the client, and a client may move to another process (a reconnect landing elsewhere) only as the
 * same person. Entries of a process that died without saying goodbye time out like any presence
 * (y-protocols drops states not renewed for 30 s; clients renew every 15 s).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { AwarenessEntry } from './AwarenessFilter.js'

export interface PresenceEntry extends AwarenessEntry {
  /** The client's connection is read-only: its presence goes to editors only. */
  viewer: boolean
}

interface RemoteClient {
  processId: string
  /** The stamped `user.id` of the client's last state. */
  personId: string | null
  viewer: boolean
}

const VIEWER_FLAG = 1

/** A presence message: the entries, each with its viewer flag. */
export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
    encoding.writeVarUint(encoder, entry.viewer ? VIEWER_FLAG : 0)
  }
  return encoding.toUint8Array(encoder)
}

/** Throws on a malformed message, or a state that is not a JSON object (or null, for a removal). */
export function decodePresence(message: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(message)
  const count = decoding.readVarUint(decoder)
  const entries: PresenceEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    const viewer = (decoding.readVarUint(decoder) & VIEWER_FLAG) !== 0
    const state: unknown = JSON.parse(json)
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('a presence state must be an object or null')
    entries.push({ clientId, clock, json, viewer })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after presence entries')
  return entries
}

export class RemotePresence {
  private readonly clients = new Map<number, RemoteClient>()

  /** Whether a remote client's presence is a viewer's; undefined for a client no other process speaks for. */
  isViewer(clientId: number): boolean | undefined {
    return this.clients.get(clientId)?.viewer
  }

  /** A local connection of `personId` may speak for `clientId` unless another process does so for someone else. */
  mayBeClaimedBy(clientId: number, personId: string): boolean {
    const remote = this.clients.get(clientId)
    return remote === undefined || remote.personId === personId
  }

  /** The client's presence is gone, or a local connection speaks for it now. */
  forget(clientId: number): void {
    this.clients.delete(clientId)
  }

  /**
   * The entries of `fromProcess`'s message that this process takes, remembering who speaks for
   * each. `isLocal` tells the clients this process's own connections speak for.
   */
  accept(entries: readonly PresenceEntry[], fromProcess: string, isLocal: (clientId: number) => boolean): AwarenessEntry[] {
    const kept: AwarenessEntry[] = []
    for (const { clientId, clock, json, viewer } of entries) {
      if (isLocal(clientId)) continue
      const known = this.clients.get(clientId)
      const fromOwner = known === undefined || known.processId === fromProcess
      if (json === 'null') {
        // A late goodbye from a process the client has since left must not remove it.
        if (fromOwner) kept.push({ clientId, clock, json })
        continue
      }
      const personId = personOf(json)
      if (!fromOwner && known.personId !== personId) continue
      this.clients.set(clientId, { processId: fromProcess, personId, viewer })
      kept.push({ clientId, clock, json })
    }
    return kept
  }
}

function personOf(json: string): string | null {
  const user = (JSON.parse(json) as { user?: { id?: unknown } }).user
  return typeof user?.id === 'string' ? user.id : null
}
