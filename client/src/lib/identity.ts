import { isLeadRole, isRole, type LeadRole, type Role } from '@fourwall/shared'
import { api, ApiError, isRecord } from './api.js'

/** Who is signed in, as `GET /api/me`, sign-in and invite redemption tell it. */
export interface Identity {
  id: string
  name: string
  role: Role
  worksFor: LeadRole | null
  team: string | null
}

/** What the server answers when a session starts or is asked about. */
export interface SessionInfo {
  identity: Identity
  csrfToken: string | null
}

export function readSessionInfo(body: unknown): SessionInfo {
  const identity = isRecord(body) && isRecord(body.identity) ? body.identity : null
  const { id, name, role, worksFor, team } = identity ?? {}
  if (typeof id !== 'string' || typeof name !== 'string' || !isRole(role)) {
    throw new Error('The server sent an identity this page does not understand.')
  }
  const csrfToken = isRecord(body) && typeof body.csrfToken === 'string' ? body.csrfToken : null
  return {
    identity: { id, name, role, worksFor: isLeadRole(worksFor) ? worksFor : null, team: typeof team === 'string' ? team : null },
    csrfToken,
  }
}

/** Resolves with null on a 401 (nobody signed in); throws ApiError otherwise, so callers can retry. */
export async function fetchMe(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return readSessionInfo(await api('/api/me', { signal, reportSessionLoss: false }))
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

export async function fetchNeedsSetup(signal?: AbortSignal): Promise<boolean> {
  const body = await api<unknown>('/api/setup', { signal })
  return isRecord(body) && body.needsSetup === true
}
