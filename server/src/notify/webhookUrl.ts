/**
 * The Slack incoming-webhook URL: where it is stored, what counts as a valid one, and how it is shown.
 *
 * The URL is a credential (whoever has it can post into the channel), so it is stored only in the
 * account store, never written to a log or the audit log, and shown back masked: scheme and host,
 * then the last 4 characters, enough for an admin to recognise which webhook is set.
 */
import type { AccountStore } from '../accounts/AccountStore.js'

/** The account store's settings key for the webhook URL. */
export const SLACK_WEBHOOK_SETTING = 'slack.webhookUrl'

export const WEBHOOK_URL_MAX = 500

/** Hosts that may be reached over plain http: a receiver on this machine (tests, a local relay). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Null when `value` is an acceptable webhook URL, else a sentence saying what is wrong. */
export function webhookUrlError(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return 'The Slack webhook URL must be text such as https://hooks.slack.com/services/…, or null to remove it.'
  }
  const text = value.trim()
  if (text.length > WEBHOOK_URL_MAX) return `The Slack webhook URL has at most ${WEBHOOK_URL_MAX} characters.`
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'The Slack webhook URL must be a full address starting with https://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The Slack webhook URL must start with https://.'
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'The Slack webhook URL must use https:// (plain http:// is allowed only for localhost).'
  }
  if (url.username !== '' || url.password !== '') return 'The Slack webhook URL must not contain a user name or password.'
  return null
}

/** "https://hooks.slack.com/…WXYZ": scheme and host, then the last 4 characters. */
export function maskWebhookUrl(value: string): string {
  let origin: string
  try {
    origin = new URL(value).origin
  } catch {
    return '…'
  }
  const rest = value.startsWith(origin) ? value.slice(origin.length) : value
  return rest.length <= 4 ? `${origin}${rest}` : `${origin}/…${rest.slice(-4)}`
}

/** The configured webhook URL, or null when none is set. */
export async function readSlackWebhook(store: AccountStore): Promise<string | null> {
  return store.getSetting(SLACK_WEBHOOK_SETTING)
}

/** What the admin page shows: whether a webhook is set, and which one, masked. */
export interface SlackSettingsView {
  configured: boolean
  url: string | null
}

export function slackSettingsView(url: string | null): SlackSettingsView {
  return { configured: url !== null, url: url === null ? null : maskWebhookUrl(url) }
}
