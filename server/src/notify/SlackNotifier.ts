/**
 * Posts a message to a Slack incoming webhook: `{ "text": ... }` as JSON, as Slack documents it.
 *
 * Posting is a side effect of something that already happened (a week was closed), so it never
 * throws into the caller: every failure, a refusal, a timeout or an unreachable host, comes back as
 * `{ ok: false, error }` with a sentence the leads can read, and is logged with the URL masked (the
 * path of a webhook URL is its secret).
 */
import type { Logger } from '../logger.js'
import { maskWebhookUrl } from './webhookUrl.js'

export type SlackPostResult = { ok: true } | { ok: false; error: string }

export interface SlackNotifierOptions {
  log: Logger
  /** How long to wait for the receiver; 5 s by default, so a dead receiver never holds a request long. */
  timeoutMs?: number
}

/** Longest piece of the receiver's answer quoted in an error (Slack answers "no_service", "invalid_token"…). */
const ANSWER_MAX = 120

export class SlackNotifier {
  private readonly log: Logger
  private readonly timeoutMs: number

  constructor(options: SlackNotifierOptions) {
    this.log = options.log
    this.timeoutMs = options.timeoutMs ?? 5_000
  }

  async post(url: string, text: string): Promise<SlackPostResult> {
    const target = maskWebhookUrl(url)
    let result: SlackPostResult
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
        signal: AbortSignal.timeout(this.timeoutMs),
        // A webhook answers where it is; following a redirect could send the message anywhere.
        redirect: 'manual',
      })
      const answer = await readAnswer(response)
      result = response.ok ? { ok: true } : { ok: false, error: refusalSentence(response, answer) }
    } catch (error) {
      result = { ok: false, error: failureSentence(error, this.timeoutMs) }
    }
    if (result.ok) this.log.info('slack message posted', { target })
    else this.log.warn('slack message not posted', { target, reason: result.error })
    return result
  }
}

/** The receiver's answer as one short line, or '' (it is only ever quoted, never trusted). */
async function readAnswer(response: Response): Promise<string> {
  try {
    const body = await response.text()
    return body.replace(/\s+/g, ' ').trim().slice(0, ANSWER_MAX)
  } catch {
    return ''
  }
}

function refusalSentence(response: Response, answer: string): string {
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
  if (response.status >= 300 && response.status < 400) return `The Slack webhook answered ${status} (a redirect, which is not followed): check the URL.`
  return `The Slack webhook answered ${status}${answer ? ` (${answer})` : ''}.`
}

function failureSentence(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown }).name
  if (name === 'TimeoutError' || name === 'AbortError') return `The Slack webhook did not answer within ${formatSeconds(timeoutMs)}.`
  // fetch wraps the network error: its cause carries the code (ECONNREFUSED, ENOTFOUND…).
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String((error as Error).message ?? error)
  return `The Slack webhook could not be reached (${code}).`
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} second${seconds === 1 ? '' : 's'}`
}
