/**
 * The Express app: operations endpoints, the small JSON API, and the built client on the same port.
 */
import fs from 'node:fs'
import path from 'node:path'
import express from 'express'
import type { Accounts } from '../auth/Accounts.js'
import type { Authenticator } from '../auth/Authenticator.js'
import type { Identity, TokenSigner } from '../auth/tokens.js'
import type { FourwallConfig } from '../config.js'
import type { Logger } from '../logger.js'
import type { Metrics } from '../metrics.js'
import type { SlackNotifier } from '../notify/SlackNotifier.js'
import type { Storage } from '../storage/Storage.js'
import type { WeekId } from '@fourwall/shared'
import type { ClosedMark } from '../weeks/WeekClosure.js'
import { authenticateRequests } from './authenticate.js'
import { errorHandler, HttpError } from './errors.js'
import type { HasHeaders } from './origin.js'
import { adminRoutes } from './routes/admin.js'
import { capacityRoutes, type CapacityRoutesDeps } from './routes/capacity.js'
import { directoryRoutes } from './routes/directory.js'
import { keyRoutes, type KeyRoutesDeps } from './routes/keys.js'
import { demoRoutes, type DemoRoutesDeps } from './routes/demo.js'
import { reviewRoutes, type ReviewRoutesDeps } from './routes/reviews.js'
import { sessionRoutes } from './routes/session.js'
import { settingsRoutes } from './routes/settings.js'
import { tokenRoutes } from './routes/tokens.js'
import { weekRoutes, type WeekRoutesDeps } from './routes/weeks.js'

export interface AppDeps {
  config: Pick<FourwallConfig, 'maxBodyBytes' | 'clientDir' | 'publicUrl' | 'sessionTtlHours' | 'trustProxy'>
  storage: Storage
  tokens: TokenSigner
  accounts: Accounts
  authenticator: Authenticator
  originAllowed: (request: HasHeaders) => boolean
  metrics: Metrics
  log: Logger
  /** False once shutdown began, so /readyz sends traffic elsewhere. */
  isAcceptingTraffic: () => boolean
  closeWeek: (weekId: WeekId, by: Identity) => Promise<ClosedMark | null>
  listWeeks: ReviewRoutesDeps['listWeeks']
  createWeek: ReviewRoutesDeps['createWeek']
  slack: SlackNotifier
  weekSummary: WeekRoutesDeps['weekSummary']
  postWeekSummary: WeekRoutesDeps['postWeekSummary']
  slackConfigured: WeekRoutesDeps['slackConfigured']
  demoAvailable: DemoRoutesDeps['demoAvailable']
  loadDemo: DemoRoutesDeps['loadDemo']
  weekCapacity: CapacityRoutesDeps['weekCapacity']
  decisionPublicKey: KeyRoutesDeps['decisionPublicKey']
}

export function createApp(deps: AppDeps): express.Express {
  const { config, storage, accounts, metrics, log } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  // Decides request.ip (rate limits, the sessions list) and request.secure (the cookie's Secure flag).
  app.set('trust proxy', config.trustProxy)

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
  api.use(authenticateRequests(deps.authenticator, deps.originAllowed))
  api.use(sessionRoutes({ accounts, config }))
  api.use(directoryRoutes({ accounts }))
  api.use(adminRoutes({ accounts, storage, config }))
  api.use(tokenRoutes({ accounts, tokens: deps.tokens }))
  api.use(settingsRoutes({ accounts, slack: deps.slack }))
  api.use(
    weekRoutes({
      accounts,
      closeWeek: deps.closeWeek,
      weekSummary: deps.weekSummary,
      postWeekSummary: deps.postWeekSummary,
      slackConfigured: deps.slackConfigured,
    }),
  )
  api.use(demoRoutes({ accounts, demoAvailable: deps.demoAvailable, loadDemo: deps.loadDemo }))
  api.use(reviewRoutes({ accounts, listWeeks: deps.listWeeks, createWeek: deps.createWeek }))
  api.use(capacityRoutes({ weekCapacity: deps.weekCapacity }))
  api.use(keyRoutes({ decisionPublicKey: deps.decisionPublicKey }))
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
