/**
 * Week-level commands that are not document edits: closing a week's review (leads only).
 */
import express from 'express'
import { isWeekId, type WeekId } from '@fourwall/shared'
import type { Accounts } from '../../auth/Accounts.js'
import type { Identity } from '../../auth/tokens.js'
import type { ClosedMark } from '../../weeks/WeekClosure.js'
import { requirePermission } from '../authenticate.js'
import { HttpError } from '../errors.js'

export interface WeekRoutesDeps {
  accounts: Accounts
  closeWeek: (weekId: WeekId, by: Identity) => Promise<ClosedMark | null>
}

export function weekRoutes({ accounts, closeWeek }: WeekRoutesDeps): express.Router {
  const router = express.Router()

  router.post('/weeks/:weekId/close', async (request, response) => {
    const weekId = request.params.weekId
    if (!isWeekId(weekId)) throw new HttpError(400, `"${weekId}" is not an ISO week such as 2026-W48`)
    const { identity } = requirePermission(response, 'week.close', 'only the Product Lead or the Engineering Lead can close a week')
    const closed = await closeWeek(weekId, identity)
    if (!closed) throw new HttpError(409, `week ${weekId} is already closed`)
    await accounts.audit(identity, 'week.closed', weekId, {})
    response.json({ weekId, closed: { at: closed.at, by: closed.by, byName: closed.byName } })
  })

  return router
}
