/**
 * GET /api/weeks/:weekId/capacity: how many people each team gained and gave away through the
 * resource shifts of this week and of its quarter so far (server/src/weeks/weekCapacity.ts). Anyone
 * who may read the week may read it: the ledger is in the week's public document anyway.
 */
import express from 'express'
import { isWeekId, type WeekId } from '@fourwall/shared'
import type { CapacityReport } from '../../weeks/weekCapacity.js'
import { requirePermission } from '../authenticate.js'
import { HttpError } from '../errors.js'

export interface CapacityRoutesDeps {
  weekCapacity: (weekId: WeekId) => Promise<CapacityReport>
}

export function capacityRoutes({ weekCapacity }: CapacityRoutesDeps): express.Router {
  const router = express.Router()

  router.get('/weeks/:weekId/capacity', async (request, response) => {
    const weekId = request.params.weekId
    if (!isWeekId(weekId)) throw new HttpError(400, `"${weekId}" is not an ISO week such as 2026-W48`)
    requirePermission(response, 'week.read', 'sign in to read a week\'s capacity')
    response.json(await weekCapacity(weekId))
  })

  return router
}
