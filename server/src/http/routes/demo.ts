/**
 * The first-run demo: on an installation where nobody has set anything up yet (no team, no OKR, no
 * week), anyone signed in may ask whether it is on offer, and whoever may edit the workspace loads
 * it (demo/loadDemo.ts).
 */
import express from 'express'
import type { Accounts } from '../../auth/Accounts.js'
import type { Identity } from '../../auth/tokens.js'
import type { DemoLoaded } from '../../demo/loadDemo.js'
import { requirePermission, requirePrincipal } from '../authenticate.js'
import { HttpError } from '../errors.js'

/** What loading the demo came to: what was written, or why nothing was. */
export type DemoLoad = { loaded: DemoLoaded } | { refused: string }

export interface DemoRoutesDeps {
  accounts: Accounts
  demoAvailable: () => Promise<boolean>
  loadDemo: (by: Identity) => Promise<DemoLoad>
}

export function demoRoutes({ accounts, demoAvailable, loadDemo }: DemoRoutesDeps): express.Router {
  const router = express.Router()

  router.get('/demo', async (_request, response) => {
    requirePrincipal(response)
    response.json({ available: await demoAvailable() })
  })

  router.post('/demo', async (_request, response) => {
    const { identity } = requirePermission(response, 'workspace.write', 'only an admin, the leads or their chiefs of staff can load the demo')
    const result = await loadDemo(identity)
    if ('refused' in result) throw new HttpError(409, result.refused)
    const { weeks, okrs } = result.loaded
    await accounts.audit(identity, 'demo.loaded', null, { weeks: weeks.join(', '), okrs })
    response.status(201).json({ weeks, okrs })
  })

  return router
}
