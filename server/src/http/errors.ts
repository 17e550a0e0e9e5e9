/**
 * Errors the HTTP API answers with a clear 4xx/5xx JSON body: `{ "error": "..." }`.
 */
import type { ErrorRequestHandler } from 'express'
import type { Logger } from '../logger.js'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export function errorHandler(log: Logger, maxBodyBytes: number): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const err = error as { type?: string; status?: number; message?: string }
    if (error instanceof HttpError) {
      response.status(error.status).json({ error: error.message })
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
