import { CSRF_HEADER } from '@fourwall/shared'
import { formatWait } from './format.js'

/** A refusal or failure of a `/api` call, carrying the server's own sentence for people to read. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    /** The HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    /** Set on 429: how long the server asks us to wait. */
    readonly retryAfterSeconds?: number,
    /** The parsed JSON body, for fields beside `error` (an invite's `status`, say). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message)
  }

  get unreachable(): boolean {
    return this.status === 0
  }
}

export const UNREACHABLE = 'The Fourwall server cannot be reached.'

/**
 * The session's CSRF token. The session cookie is HttpOnly, so this is the only part of the session
 * the page holds: whoever loads `/api/me` or signs in sets it, and every state-changing call sends it.
 */
let csrfToken: string | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called when a signed-in call answers 401: the session expired, was revoked, or was signed out elsewhere. */
let onSessionLost: (() => void) | null = null

export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler
}

/**
 * Called when a call answers 403. The admin page sets it while it is open: a refusal there usually
 * means someone took the admin role away meanwhile, so the page asks who this person is now.
 */
let onForbidden: (() => void) | null = null

export function setForbiddenHandler(handler: (() => void) | null): void {
  onForbidden = handler
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiOptions {
  method?: Method
  body?: unknown
  signal?: AbortSignal
  /**
   * False for calls where a 401 is an ordinary answer (asking who we are, signing in), so it must
   * not be taken as "your session just ended".
   */
  reportSessionLoss?: boolean
}

/** JSON in, JSON out. Resolves with the parsed body (undefined for 204); throws ApiError otherwise. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, reportSessionLoss = true } = options
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken !== null) headers[CSRF_HEADER] = csrfToken

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, UNREACHABLE)
  }

  const parsed = await readJson(response)
  if (response.ok) return parsed as T

  const fields = isRecord(parsed) ? parsed : {}
  const message = typeof fields.error === 'string' && fields.error !== '' ? fields.error : fallbackMessage(response.status)
  const retryAfter = typeof fields.retryAfterSeconds === 'number' ? fields.retryAfterSeconds : undefined
  if (response.status === 401 && reportSessionLoss) onSessionLost?.()
  if (response.status === 403) onForbidden?.()
  throw new ApiError(response.status, message, retryAfter, fields)
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // A proxy's HTML error page, say: the status alone has to speak.
    return undefined
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are not signed in.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status === 502 || status === 503 || status === 504) return UNREACHABLE
  return `The server answered ${status}.`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The sentence to show for anything a call threw: the server's own words, plus when to try again after a 429. */
export function problemSentence(error: unknown): string {
  if (error instanceof ApiError) {
    const wait = error.retryAfterSeconds
    return wait !== undefined && wait > 0 ? `${error.message} You can try again in ${formatWait(wait)}.` : error.message
  }
  return error instanceof Error ? error.message : String(error)
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
