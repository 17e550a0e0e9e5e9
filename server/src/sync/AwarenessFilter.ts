/**
 * Reads a client's awareness update and keeps only what that connection may say: entries for the
 * client ids it owns (first come, first owned; a few per connection), with `user` stamped from its
 * verified identity, so nobody can impersonate or evict somebody else's presence.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Identity } from '../auth/tokens.js'

export const MAX_CLIENTS_PER_CONNECTION = 8

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The JSON text of the state, or 'null' for a removal. */
  json: string
}

/** Throws on a malformed update (the caller closes the connection). */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    entries.push({ clientId, clock, json })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness entries')
  return entries
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}

/** Replaces the identity fields of a state's `user` with the connection's verified identity. */
export function stampIdentity(json: string, identity: Identity): string {
  const state: unknown = JSON.parse(json)
  if (state === null) return 'null'
  if (typeof state !== 'object' || Array.isArray(state)) throw new Error('awareness state must be an object or null')
  const record = state as Record<string, unknown>
  const user = typeof record.user === 'object' && record.user !== null && !Array.isArray(record.user) ? record.user : {}
  record.user = { ...user, id: identity.id, name: identity.name, role: identity.role }
  return JSON.stringify(record)
}
