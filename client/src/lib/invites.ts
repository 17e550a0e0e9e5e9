import { isLeadRole, isRole, type InvitePreview, type InviteStatus } from '@fourwall/shared'
import { api, ApiError, isRecord } from './api.js'

export const INVITE_STATUSES = ['pending', 'used', 'revoked', 'expired'] as const

function isInviteStatus(value: unknown): value is InviteStatus {
  return typeof value === 'string' && (INVITE_STATUSES as readonly string[]).includes(value)
}

/** Why an invite cannot be used: one of its own statuses, or 'unknown' for a code nobody issued. */
export type InviteUnavailable = Exclude<InviteStatus, 'pending'> | 'unknown'

export type PreviewResult = { kind: 'pending'; preview: InvitePreview } | { kind: 'unavailable'; status: InviteUnavailable }

/** Resolves with the invite or the reason it is unusable; throws ApiError for anything else (429, offline). */
export async function previewInvite(code: string, signal?: AbortSignal): Promise<PreviewResult> {
  try {
    const body = await api<unknown>('/api/invites/preview', { method: 'POST', body: { code }, signal, reportSessionLoss: false })
    const preview = readPreview(body)
    return preview.status === 'pending' ? { kind: 'pending', preview } : { kind: 'unavailable', status: preview.status }
  } catch (error) {
    const status = unavailableStatus(error)
    if (status) return { kind: 'unavailable', status }
    throw error
  }
}

/** The status a 404/410 from the invite endpoints stands for, or null for other failures. */
export function unavailableStatus(error: unknown): InviteUnavailable | null {
  if (!(error instanceof ApiError)) return null
  if (error.status === 404) return 'unknown'
  if (error.status !== 410) return null
  const status = error.body.status
  return isInviteStatus(status) && status !== 'pending' ? status : 'expired'
}

function readPreview(body: unknown): InvitePreview {
  const fields = isRecord(body) ? body : {}
  const { status, name, role, worksFor, team, expiresAt, existingPerson } = fields
  if (!isInviteStatus(status) || typeof name !== 'string' || !isRole(role) || typeof expiresAt !== 'number') {
    throw new Error('The server described this invite in a way this page does not understand.')
  }
  return {
    status,
    name,
    role,
    worksFor: isLeadRole(worksFor) ? worksFor : null,
    team: typeof team === 'string' ? team : null,
    expiresAt,
    existingPerson: existingPerson === true,
  }
}
