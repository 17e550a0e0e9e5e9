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
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return PALETTE[hash % PALETTE.length]!
}
