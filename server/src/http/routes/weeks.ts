/**
 * Week-level commands that are not document edits: closing a week's review (leads only), and its
 * summary, read by anyone who may read the week and posted to Slack when the week closes (again on
 * request, by a lead).
 */
import express from 'express'
import { isWeekId, summaryMarkdown, type WeekId, type WeekSummary } from '@fourwall/shared'
import type { Accounts } from '../../auth/Accounts.js'
import type { Identity } from '../../auth/tokens.js'
import type { ClosedMark } from '../../weeks/WeekClosure.js'
import { requirePermission } from '../authenticate.js'
import { HttpError } from '../errors.js'

/** What posting a summary to Slack came to. */
export type SlackPosting = { posted: true } | { posted: false; error: string }

export interface WeekRoutesDeps {
  accounts: Accounts
  closeWeek: (weekId: WeekId, by: Identity) => Promise<ClosedMark | null>
  /** Null when the week has no review. */
  weekSummary: (weekId: WeekId) => Promise<WeekSummary | null>
  /** Null when no Slack webhook is configured. */
  postWeekSummary: (weekId: WeekId) => Promise<SlackPosting | null>
  slackConfigured: () => Promise<boolean>
}

function weekIdOf(value: unknown): WeekId {
  if (!isWeekId(value)) throw new HttpError(400, `"${String(value)}" is not an ISO week such as 2026-W48`)
  return value
}

export function weekRoutes({ accounts, closeWeek, weekSummary, postWeekSummary, slackConfigured }: WeekRoutesDeps): express.Router {
  const router = express.Router()

  /** Posts and audits; the caller decides what a failure means for its answer. */
  const postSummary = async (weekId: WeekId, by: Identity, trigger: 'close' | 'request'): Promise<SlackPosting | null> => {
    const slack = await postWeekSummary(weekId)
    if (slack?.posted) await accounts.audit(by, 'week.summary.posted', weekId, { trigger })
    return slack
  }

  router.post('/weeks/:weekId/close', async (request, response) => {
    const weekId = weekIdOf(request.params.weekId)
    const { identity } = requirePermission(response, 'week.close', 'only the Product Lead or the Engineering Lead can close a week')
    const closed = await closeWeek(weekId, identity)
    if (!closed) throw new HttpError(409, `week ${weekId} is already closed`)
    await accounts.audit(identity, 'week.closed', weekId, {})
    // The close is durable by now: whatever the webhook does, the week stays closed.
    const slack = await postSummary(weekId, identity, 'close')
    response.json({ weekId, closed: { at: closed.at, by: closed.by, byName: closed.byName }, slack })
  })

  router.get('/weeks/:weekId/summary', async (request, response) => {
    const weekId = weekIdOf(request.params.weekId)
    requirePermission(response, 'week.read', 'sign in to read a week\'s summary')
    const summary = await weekSummary(weekId)
    if (!summary) throw new HttpError(404, `week ${weekId} has no review yet`)
    response.json({ weekId, markdown: summaryMarkdown(summary), summary, slackConfigured: await slackConfigured() })
  })

  router.post('/weeks/:weekId/summary/slack', async (request, response) => {
    const weekId = weekIdOf(request.params.weekId)
    const { identity } = requirePermission(response, 'week.close', 'only the Product Lead or the Engineering Lead can post a week\'s summary to Slack')
    const summary = await weekSummary(weekId)
    if (!summary) throw new HttpError(404, `week ${weekId} has no review yet`)
    if (!summary.closed) throw new HttpError(409, `week ${weekId} is not closed yet: close the review first, and its summary is posted then`)
    const slack = await postSummary(weekId, identity, 'request')
    if (!slack) throw new HttpError(409, 'no Slack webhook is set: an admin adds one under Admin → Settings')
    if (!slack.posted) throw new HttpError(502, slack.error, { slack })
    response.json({ weekId, slack })
  })

  return router
}
