/**
 * The weekly reviews that exist, and creating a new week's review from the latest earlier one plus
 * the workspace's OKRs (carry-over, see shared/src/review/carryOver.ts). The server writes the new
 * week into the loaded document, so people already looking at it see the items arrive, and answers
 * only once the write is stored.
 */
import express from 'express'
import { isWeekId, type CreateWeekResult, type WeekId } from '@fourwall/shared'
import type { Accounts } from '../../auth/Accounts.js'
import type { Identity } from '../../auth/tokens.js'
import { requirePermission, requirePrincipal } from '../authenticate.js'
import { HttpError } from '../errors.js'

/** What creating a week came to: the carry-over's result, or why the week cannot be created. */
export type WeekCreation = { created: CreateWeekResult } | { refused: string }

export interface ReviewRoutesDeps {
  accounts: Accounts
  /** Weeks with a stored review document, newest first. */
  listWeeks: () => Promise<WeekId[]>
  createWeek: (weekId: WeekId, by: Identity) => Promise<WeekCreation>
}

export function reviewRoutes({ accounts, listWeeks, createWeek }: ReviewRoutesDeps): express.Router {
  const router = express.Router()

  router.get('/weeks', async (_request, response) => {
    requirePrincipal(response)
    const weeks = await listWeeks()
    response.json({ weeks: weeks.map((weekId) => ({ weekId })) })
  })

  router.post('/weeks/:weekId', async (request, response) => {
    const weekId = request.params.weekId
    if (!isWeekId(weekId)) throw new HttpError(400, `"${weekId}" is not an ISO week such as 2026-W48`)
    const { identity } = requirePermission(response, 'week.create', 'only an admin, the leads or their chiefs of staff can create a week')
    const outcome = await createWeek(weekId, identity)
    if ('refused' in outcome) throw new HttpError(409, outcome.refused)
    const { createdFrom, items } = outcome.created
    await accounts.audit(identity, 'week.created', weekId, { createdFrom, items })
    response.status(201).json({ weekId, createdFrom, items })
  })

  return router
}
