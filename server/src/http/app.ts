/**
 * The Express app: operations endpoints, the small JSON API, and the built client on the same port.
 */
import fs from 'node:fs'
import path from 'node:path'
import express, { type Request } from 'express'
import type { Identity, TokenSigner } from '../auth/tokens.js'
import type { FourwallConfig } from '../config.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { Storage } from '../storage/Storage.js'
import { errorHandler, HttpError } from './errors.js'
import { objectBody, positiveInteger, role, text } from './validate.js'
import { can, isWeekId, type WeekId } from '@fourwall/shared'
import type { ClosedMark } from '../weeks/WeekClosure.js'

export interface AppDeps {
  config: Pick<FourwallConfig, 'maxBodyBytes' | 'clientDir'>
  storage: Storage
  tokens: TokenSigner
  metrics: Metrics
  log: Logger
  /** False once shutdown began, so /readyz sends traffic elsewhere. */
  isAcceptingTraffic: () => boolean
  closeWeek: (weekId: WeekId, by: Identity) => Promise<ClosedMark | null>
}

function bearer(request: Request, tokens: TokenSigner): Identity {
  const header = request.get('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  const identity = match ? tokens.verify(match[1]) : null
  if (!identity) throw new HttpError(401, 'a valid token is required (Authorization: Bearer <token>)')
  return identity
}

export function createApp(deps: AppDeps): express.Express {
  const { config, storage, tokens, metrics, log } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' })
  })

  app.get('/readyz', async (_request, response) => {
    const storageReady = await storage.isReady().catch(() => false)
    const ready = storageReady && deps.isAcceptingTraffic()
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', storage: { kind: storage.kind, ready: storageReady } })
  })

  app.get('/metrics', (_request, response) => {
    response.type('text/plain; version=0.0.4').send(metrics.render())
  })

  const api = express.Router()
  api.use(express.json({ limit: config.maxBodyBytes, strict: true }))

  api.get('/me', (request, response) => {
    response.json(bearer(request, tokens))
  })

  // Scripts with an admin token can mint tokens without shell access to the server.
  api.post('/tokens', (request, response) => {
    const caller = bearer(request, tokens)
    if (!can(caller.role, 'tokens.create')) throw new HttpError(403, 'only an admin can create tokens')
    const body = objectBody(request.body)
    const name = text(body, 'name', { max: 100 })!
    const tokenRole = role(body)
    const expiresInSeconds = positiveInteger(body, 'expiresInSeconds', 10 * 365 * 86_400)
    const token = tokens.create({ name, role: tokenRole, expiresInSeconds })
    log.info('token created', { by: caller.id, role: tokenRole, name })
    response.status(201).json({ token, name, role: tokenRole })
  })

  api.post('/weeks/:weekId/close', async (request, response) => {
    const caller = bearer(request, tokens)
    const weekId = request.params.weekId
    if (!isWeekId(weekId)) throw new HttpError(400, `"${weekId}" is not an ISO week such as 2026-W48`)
    if (!can(caller.role, 'week.close')) throw new HttpError(403, 'only the Product Lead or the Engineering Lead can close a week')
    const closed = await deps.closeWeek(weekId, caller)
    if (!closed) throw new HttpError(409, `week ${weekId} is already closed`)
    response.json({ weekId, closed: { at: closed.at, by: closed.by, byName: closed.byName } })
  })

  api.use((_request, _response, next) => next(new HttpError(404, 'no such API endpoint')))
  app.use('/api', api)

  const indexFile = path.join(config.clientDir, 'index.html')
  if (fs.existsSync(indexFile)) {
    app.use(express.static(config.clientDir, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }))
    // Client-side routes all load the app shell.
    app.get('/{*path}', (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache')
      response.sendFile(indexFile)
    })
  } else {
    log.warn('client is not built; serving the API only', { clientDir: config.clientDir })
    app.get('/', (_request, response) => {
      response.type('text/plain').send('Fourwall is running, but the client is not built. Run `npm run build`.\n')
    })
  }

  app.use(errorHandler(log, config.maxBodyBytes))
  return app
}

function noCacheForHtml(response: express.Response, file: string): void {
  if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache')
}
