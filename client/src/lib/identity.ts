import { isRole, type Role } from '@fourwall/shared'

/** Who the token belongs to, as the server's `GET /api/me` tells it. */
export interface Identity {
  id: string
  name: string
  role: Role
}

/** Resolves to 'unauthorized' on a 401; throws when the server cannot be asked (so callers retry). */
export async function fetchIdentity(token: string, signal: AbortSignal): Promise<Identity | 'unauthorized'> {
  const response = await fetch('/api/me', {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    cache: 'no-store',
    signal,
  })
  if (response.status === 401) return 'unauthorized'
  if (!response.ok) throw new Error(`The server answered ${response.status} when asked who you are.`)
  const body: unknown = await response.json()
  const { id, name, role } = (body ?? {}) as Record<string, unknown>
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role)) {
    throw new Error('The server sent an identity this page does not understand.')
  }
  return { id, name, role }
}
