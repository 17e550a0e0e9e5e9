import { isRecord } from '../lib/api.js'

/** What closing a week did with Slack: posted, failed (with Slack's or the network's reason), or not set up. */
export type SlackResult = { posted: true } | { posted: false; error: string } | null

export function readSlackResult(value: unknown): SlackResult {
  if (!isRecord(value)) return null
  if (value.posted === true) return { posted: true }
  if (value.posted === false) return { posted: false, error: typeof value.error === 'string' && value.error !== '' ? value.error : 'Slack did not accept it.' }
  return null
}
