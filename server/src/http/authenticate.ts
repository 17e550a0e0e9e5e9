/**
 * Resolves who is calling for every API request (bearer token or session cookie) and guards
 * state-changing calls against cross-site requests: an Origin that is not allowed is refused, and a
 * cookie-authenticated call must carry its session's CSRF token. Bearer-token calls need no CSRF
 * token: a browser never attaches a bearer token on its own.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { can, CSRF_HEADER, type Action } from '@fourwall/shared'
import type { Authenticator } from '../auth/Authenticator.js'
import type { Principal } from '../auth/Principal.js'
import { sameSecret } from '../auth/secrets.js'
import type { ClientInfo } from '../auth/Accounts.js'
import { HttpError } from './errors.js'
import type { HasHeaders } from './origin.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function authenticateRequests(authenticator: Authenticator, originAllowed: (request: HasHeaders) => boolean): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const unsafe = !SAFE_METHODS.has(request.method)
    if (unsafe && request.headers.origin !== undefined && !originAllowed(request)) {
      next(new HttpError(403, 'cross-site request refused: this page is not on an allowed origin'))
      return
    }
    const header = request.get('authorization')
    let token: string | undefined
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header)
      // A malformed Authorization header fails; it never falls back to the cookie.
      token = match ? match[1] : 'invalid'
    }
    authenticator.authenticate({ token, cookieHeader: request.headers.cookie }).then(
      (principal) => {
        response.locals.principal = principal
        if (unsafe && principal?.via === 'session' && !csrfMatches(request, principal)) {
          next(new HttpError(403, 'missing or wrong CSRF token: reload the page and try again'))
          return
        }
        next()
      },
      (error: unknown) => next(error),
    )
  }
}

function csrfMatches(request: Request, principal: Principal): boolean {
  const given = request.get(CSRF_HEADER)
  return typeof given === 'string' && principal.csrfToken !== null && sameSecret(given, principal.csrfToken)
}

export function principalOf(response: Response): Principal | null {
  return (response.locals.principal as Principal | null | undefined) ?? null
}

export function requirePrincipal(response: Response): Principal {
  const principal = principalOf(response)
  if (!principal) throw new HttpError(401, 'sign in first (a session cookie or Authorization: Bearer <token>)')
  return principal
}

export function requirePermission(response: Response, action: Action, refusal: string): Principal {
  const principal = requirePrincipal(response)
  if (!can(principal.identity.role, action)) throw new HttpError(403, refusal)
  return principal
}

export function clientInfo(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.get('user-agent') ?? null }
}
