/**
 * Signing in and out: the setup state, who am I, password sign-in, invite preview and redemption,
 * setting a password. Everything here is reachable without a session, so every attempt is
 * rate-limited (in Accounts) and answers with a sentence a person can act on.
 */
import express, { type Request, type Response } from 'express'
import { PASSWORD_MAX } from '@fourwall/shared'
import type { Accounts, SignedIn } from '../../auth/Accounts.js'
import { clearedSessionCookieHeader, sessionCookieHeader } from '../cookies.js'
import { clientInfo, principalOf, requirePrincipal } from '../authenticate.js'
import { HttpError } from '../errors.js'
import { objectBody, rawString } from '../validate.js'

export interface SessionRoutesDeps {
  accounts: Accounts
  config: { sessionTtlHours: number; publicUrl: string | undefined }
}

export function sessionRoutes({ accounts, config }: SessionRoutesDeps): express.Router {
  const router = express.Router()
  const secure = (request: Request) => request.secure || config.publicUrl?.startsWith('https:') === true

  const startSession = (request: Request, response: Response, signedIn: SignedIn, status: number) => {
    response.setHeader('Set-Cookie', sessionCookieHeader(signedIn.cookie, { maxAgeSeconds: config.sessionTtlHours * 3600, secure: secure(request) }))
    response.setHeader('Cache-Control', 'no-store')
    const { person, session } = signedIn
    response.status(status).json({
      identity: { id: person.id, name: person.name, role: person.role, worksFor: person.worksFor, team: person.team },
      csrfToken: session.csrfToken,
    })
  }

  router.get('/setup', async (_request, response) => {
    response.json({ needsSetup: await accounts.needsSetup() })
  })

  router.get('/me', async (_request, response) => {
    const principal = requirePrincipal(response)
    const person = principal.via === 'session' ? await accounts.getPerson(principal.identity.id) : null
    response.setHeader('Cache-Control', 'no-store')
    response.json({
      identity: { ...principal.identity, worksFor: person?.worksFor ?? null, team: person?.team ?? null },
      via: principal.via,
      csrfToken: principal.csrfToken,
    })
  })

  router.post('/session', async (request, response) => {
    const body = objectBody(request.body)
    const login = rawString(body, 'login', 200)
    const password = rawString(body, 'password', PASSWORD_MAX)
    startSession(request, response, await accounts.signIn(login, password, clientInfo(request)), 200)
  })

  router.delete('/session', async (request, response) => {
    const principal = principalOf(response)
    if (principal) await accounts.signOut(principal)
    response.setHeader('Set-Cookie', clearedSessionCookieHeader(secure(request)))
    response.status(204).end()
  })

  router.post('/invites/preview', async (request, response) => {
    const code = rawString(objectBody(request.body), 'code', 200)
    response.setHeader('Cache-Control', 'no-store')
    response.json(await accounts.previewInvite(code, clientInfo(request)))
  })

  router.post('/invites/redeem', async (request, response) => {
    const body = objectBody(request.body)
    const code = rawString(body, 'code', 200)
    const wantsPassword = body.login !== undefined || body.password !== undefined
    const credentials = wantsPassword ? { login: rawString(body, 'login', 200), password: rawString(body, 'password', PASSWORD_MAX) } : null
    startSession(request, response, await accounts.redeemInvite(code, credentials, clientInfo(request)), 201)
  })

  router.post('/me/password', async (request, response) => {
    const principal = requirePrincipal(response)
    if (principal.via !== 'session') throw new HttpError(400, 'only a signed-in person (not an API token) has a password')
    const body = objectBody(request.body)
    const login = body.login === undefined ? undefined : rawString(body, 'login', 200)
    await accounts.setPassword(principal.identity, principal.identity.id, rawString(body, 'password', PASSWORD_MAX), login)
    response.status(204).end()
  })

  return router
}
