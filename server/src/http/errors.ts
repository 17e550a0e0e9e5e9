/**
 * Errors the HTTP API answers with a clear 4xx/5xx JSON body: `{ "error": "..." }`.
 */
import type { ErrorRequestHandler } from 'express'
import { AccountError, type AccountErrorCode } from '../accounts/AccountStore.js'
import { SignInRefused } from '../auth/Accounts.js'
import type { Logger } from '../logger.js'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** More fields for the JSON body beside `error`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

const ACCOUNT_STATUS: Record<AccountErrorCode, [number, Record<string, unknown>]> = {
  invalid: [400, {}],
  'not-found': [404, {}],
  'lead-taken': [409, {}],
  'login-taken': [409, {}],
  'last-admin': [409, {}],
  'invite-unknown': [404, { status: 'unknown' }],
  'invite-used': [410, { status: 'used' }],
  'invite-revoked': [410, { status: 'revoked' }],
  'invite-expired': [410, { status: 'expired' }],
}

/** The HTTP form of the account layer's refusals. */
function asHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error
  if (error instanceof AccountError) {
    const [status, extra] = ACCOUNT_STATUS[error.code]
    return new HttpError(status, error.message, extra)
  }
  if (error instanceof SignInRefused) {
    return new HttpError(error.status, error.message, error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {})
  }
  return null
}

export function errorHandler(log: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const err = error as { type?: string; status?: number; message?: string }
    const known = asHttpError(error)
    if (known) {
      const retryAfter = known.extra.retryAfterSeconds
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter))
      response.status(known.status).json({ error: known.message, ...known.extra })
    } else if (err.type === 'entity.too.large') {
      response.status(413).json({ error: `request body is larger than ${maxBodyBytes} bytes` })
    } else if (err.type === 'entity.parse.failed') {
      response.status(400).json({ error: 'request body is not valid JSON' })
    } else if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      response.status(err.status).json({ error: err.message ?? 'bad request' })
    } else {
      log.error('request failed', { error })
      response.status(500).json({ error: 'internal error' })
    }
  }
}
