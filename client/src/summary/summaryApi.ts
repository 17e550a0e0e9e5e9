import type { WeekId } from '@fourwall/shared'
import { api, isRecord } from '../lib/api.js'
import { readSlackResult, type SlackResult } from './slackResult.js'

function weekPath(weekId: WeekId): string {
  return `/api/weeks/${encodeURIComponent(weekId)}`
}

export interface SummaryAnswer {
  markdown: string
  slackConfigured: boolean
}

/** GET /api/weeks/:weekId/summary: the server's Markdown, the very text it posts to Slack. */
export async function fetchSummary(weekId: WeekId, signal?: AbortSignal): Promise<SummaryAnswer> {
  const body = await api<unknown>(`${weekPath(weekId)}/summary`, { signal })
  if (!isRecord(body) || typeof body.markdown !== 'string') throw new Error('The server\'s answer has no summary.')
  return { markdown: body.markdown, slackConfigured: body.slackConfigured === true }
}

/** POST /api/weeks/:weekId/close (the leads): the week becomes read-only; the answer says what Slack did. */
export async function closeWeek(weekId: WeekId): Promise<SlackResult> {
  const body = await api<unknown>(`${weekPath(weekId)}/close`, { method: 'POST' })
  return isRecord(body) ? readSlackResult(body.slack) : null
}

/** POST /api/weeks/:weekId/summary/slack (the leads): posts the summary again. */
export async function postSummaryToSlack(weekId: WeekId): Promise<void> {
  await api(`${weekPath(weekId)}/summary/slack`, { method: 'POST' })
}
