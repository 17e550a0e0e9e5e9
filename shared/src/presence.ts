import { isId } from './review/validation.js'
import { isRole, type Role } from './roles.js'

/**
 * The `user` field of a client's awareness state. The server overwrites `id`, `name` and `role`
 * with the identity of the connection's token, so presence can be trusted; `color` is the client's.
 */
export interface PresenceUser {
  id: string
  name: string
  role: Role
  color: string
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

export function readPresenceUser(state: unknown): PresenceUser | null {
  if (typeof state !== 'object' || state === null) return null
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return null
  const { id, name, role, color } = user as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role)) return null
  return { id, name, role, color: typeof color === 'string' && HEX_COLOR.test(color) ? color : colorFor(id) }
}

const PALETTE = ['#c2410c', '#0f766e', '#1d4ed8', '#7c3aed', '#be185d', '#4d7c0f', '#b45309', '#0369a1']

/** A stable colour per person, so the same lead has the same colour on every screen. */
export function colorFor(id: string): string {
  // FNV-1a, then a final mix: `hash * 31 + c` modulo 8 is just an alternating sum of the last
  // characters, which gave most people in a room the same colour.
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  hash ^= hash >>> 15
  hash = Math.imul(hash, 0x2c1b3c6d)
  hash ^= hash >>> 12
  return PALETTE[(hash >>> 0) % PALETTE.length]!
}

/**
 * What a person is doing on the board, beside who they are: the item they have open (`viewing`) and
 * the field they are typing in (`typing`). Both are optional top-level fields of the awareness state,
 * written by the client and relayed as they are (the server stamps only `user`), so readers treat
 * them as untrusted input and drop anything malformed.
 */
export const TYPING_FIELDS = ['note', 'owner', 'ask'] as const
export type TypingField = (typeof TYPING_FIELDS)[number]

export interface PresenceTyping {
  itemId: string
  field: TypingField
}

export function isTypingField(value: unknown): value is TypingField {
  return typeof value === 'string' && (TYPING_FIELDS as readonly string[]).includes(value)
}

/** The item this person has selected or open, or null (also for a missing or malformed value). */
export function readPresenceViewing(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const viewing = (state as { viewing?: unknown }).viewing
  return isId(viewing) ? viewing : null
}

/** The item and field this person is typing in, or null (also for a missing or malformed value). */
export function readPresenceTyping(state: unknown): PresenceTyping | null {
  if (typeof state !== 'object' || state === null) return null
  const typing = (state as { typing?: unknown }).typing
  if (typeof typing !== 'object' || typing === null) return null
  const { itemId, field } = typing as Record<string, unknown>
  return isId(itemId) && isTypingField(field) ? { itemId, field } : null
}
