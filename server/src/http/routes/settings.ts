/**
 * Installation settings on the admin page: today the Slack incoming webhook the week's summary is
 * posted to. Admins only (`settings.manage`). The URL is a credential: it is accepted here, stored,
 * and from then on only ever shown masked (notify/webhookUrl.ts).
 */
import express from 'express'
import type { Accounts } from '../../auth/Accounts.js'
import type { SlackNotifier } from '../../notify/SlackNotifier.js'
import { maskWebhookUrl, readSlackWebhook, SLACK_WEBHOOK_SETTING, slackSettingsView, webhookUrlError } from '../../notify/webhookUrl.js'
import { requirePermission } from '../authenticate.js'
import { HttpError } from '../errors.js'
import { objectBody } from '../validate.js'

export interface SettingsRoutesDeps {
  accounts: Accounts
  slack: SlackNotifier
}

const MANAGE = 'only an admin can change the settings'

const TEST_MESSAGE =
  'Fourwall is connected: when a lead closes a week\'s review, its summary (Red and Yellow items, decisions, resource shifts and follow-ups) is posted here.'

export function settingsRoutes({ accounts, slack }: SettingsRoutesDeps): express.Router {
  const router = express.Router()
  const store = accounts.store

  router.get('/admin/settings', async (_request, response) => {
    requirePermission(response, 'settings.manage', MANAGE)
    response.setHeader('Cache-Control', 'no-store')
    response.json({ slack: slackSettingsView(await readSlackWebhook(store)) })
  })

  router.put('/admin/settings/slack', async (request, response) => {
    const { identity } = requirePermission(response, 'settings.manage', MANAGE)
    const body = objectBody(request.body)
    if (!Object.prototype.hasOwnProperty.call(body, 'url')) {
      throw new HttpError(400, 'send {"url": "https://hooks.slack.com/services/…"} to set the Slack webhook, or {"url": null} to remove it')
    }
    const raw = body.url
    let url: string | null = null
    if (raw !== null) {
      const error = webhookUrlError(raw)
      if (error) throw new HttpError(400, error)
      url = (raw as string).trim()
    }
    const before = await readSlackWebhook(store)
    await store.putSetting(SLACK_WEBHOOK_SETTING, url)
    // Only the masked form reaches the audit log: it is readable by every admin, the URL is a credential.
    if (before !== url) {
      await accounts.audit(identity, 'settings.changed', 'slack', {
        setting: 'slack webhook',
        change: url === null ? 'removed' : before === null ? 'set' : 'replaced',
        url: url === null ? null : maskWebhookUrl(url),
      })
    }
    response.setHeader('Cache-Control', 'no-store')
    response.json({ slack: slackSettingsView(url) })
  })

  router.post('/admin/settings/slack/test', async (_request, response) => {
    requirePermission(response, 'settings.manage', MANAGE)
    const url = await readSlackWebhook(store)
    if (url === null) throw new HttpError(409, 'no Slack webhook is set yet: save one first, then send a test message')
    const result = await slack.post(url, TEST_MESSAGE)
    if (!result.ok) throw new HttpError(502, result.error)
    response.json({ ok: true })
  })

  return router
}
