/**
 * Small validators for JSON bodies: each returns the typed value or throws an HttpError(400) that
 * says which field is wrong and why.
 */
import { isLeadRole, isRole, LEAD_ROLES, ROLES, type LeadRole, type Role } from '@fourwall/shared'
import { HttpError } from './errors.js'

export type Body = Record<string, unknown>

export function objectBody(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object (Content-Type: application/json)')
  }
  return body as Body
}

export function text(body: Body, field: string, { max = 200, required = true } = {}): string | undefined {
  const value = body[field]
  if (value === undefined && !required) return undefined
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, `"${field}" must be a non-empty string`)
  if (value.length > max) throw new HttpError(400, `"${field}" must be at most ${max} characters`)
  return value.trim()
}

export function role(body: Body, field = 'role'): Role {
  const value = body[field]
  if (!isRole(value)) throw new HttpError(400, `"${field}" must be one of ${ROLES.join(', ')}`)
  return value
}

export function positiveInteger(body: Body, field: string, max: number): number | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > max) {
    throw new HttpError(400, `"${field}" must be a whole number between 1 and ${max}`)
  }
  return value
}

/** A string field that may be absent or null (null clears it). */
export function nullableText(body: Body, field: string, max: number): string | null | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (value === null) return null
  if (typeof value !== 'string') throw new HttpError(400, `"${field}" must be a string or null`)
  if (value.length > max) throw new HttpError(400, `"${field}" must be at most ${max} characters`)
  return value.trim() === '' ? null : value.trim()
}

export function leadRole(body: Body, field = 'worksFor'): LeadRole | null | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (value === null) return null
  if (!isLeadRole(value)) throw new HttpError(400, `"${field}" must be one of ${LEAD_ROLES.join(', ')}, or null`)
  return value
}

/** A secret or password: a string, kept exactly as given (no trimming). */
export function rawString(body: Body, field: string, max: number): string {
  const value = body[field]
  if (typeof value !== 'string' || value === '') throw new HttpError(400, `"${field}" must be a non-empty string`)
  if (value.length > max) throw new HttpError(400, `"${field}" must be at most ${max} characters`)
  return value
}
