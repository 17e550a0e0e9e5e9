import { isRecord } from '../lib/api.js'

/** What GET /api/admin/settings says about Slack. The stored address is secret: only a masked form comes back. */
export interface SlackSetting {
  configured: boolean
  /** "https://hooks.slack.com/…WXYZ": enough to recognise, not enough to post. */
  url: string | null
}

export function readSlackSetting(body: unknown): SlackSetting {
  const slack = isRecord(body) && isRecord(body.slack) ? body.slack : null
  if (!slack || typeof slack.configured !== 'boolean') throw new Error('The server\'s answer has no Slack setting.')
  return { configured: slack.configured, url: typeof slack.url === 'string' ? slack.url : null }
}

/** Plain http is for a receiver on the same machine only (a local relay, a test); the server has the same rule. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The form's own check before sending, so a typo is caught at once; the server checks again. */
export function webhookUrlError(value: string): string | null {
  const url = value.trim()
  if (url === '') return 'Paste the Slack incoming webhook address, such as https://hooks.slack.com/services/….'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'That is not a full web address: it should start with https:// (copy it from Slack\'s incoming webhook page).'
  }
  if (parsed.protocol === 'https:') return null
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return null
  return 'The address must start with https:// (plain http:// works only for a receiver on this machine, localhost).'
}
