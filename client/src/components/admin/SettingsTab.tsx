import { useId, useState, type FormEvent } from 'react'
import { useApiData } from '../../hooks/useApiData.js'
import { useRequest } from '../../hooks/useRequest.js'
import { api } from '../../lib/api.js'
import { BusyButton } from '../BusyButton.js'
import { FormProblem } from '../FormProblem.js'
import { TextField } from '../TextField.js'
import { Loaded } from './Loaded.js'
import { readSlackSetting, webhookUrlError, type SlackSetting } from '../../summary/slackSetting.js'

const SLACK_PATH = '/api/admin/settings/slack'

/** Installation-wide settings. Today: the Slack channel that receives each closed review's summary. */
export function SettingsTab() {
  const { state, reload } = useApiData('/api/admin/settings', readSlackSetting)
  return (
    <section aria-labelledby="settings-heading" className="admin-section" data-section="settings">
      <h2 id="settings-heading">Settings</h2>
      <h3>Slack</h3>
      <p>
        When a lead closes a review, its summary is posted to this Slack channel. Leads can also post a summary again
        from the summary dialog.
      </p>
      <Loaded state={state} reload={reload} what="settings">
        {(slack) => <SlackSettings slack={slack} onChanged={reload} />}
      </Loaded>
    </section>
  )
}

type Notice = { kind: 'saved' | 'removed' } | null

function SlackSettings({ slack, onChanged }: { slack: SlackSetting; onChanged(): void }) {
  const [notice, setNotice] = useState<Notice>(null)
  return (
    <div className="stack slack-settings">
      <p className="slack-status" data-slack-configured={slack.configured}>
        {slack.configured ? (
          <>
            <span className="badge badge--used">
              <span aria-hidden="true">✓ </span>Configured
            </span>{' '}
            Summaries go to <code data-slack-url>{slack.url ?? 'a webhook'}</code>
          </>
        ) : (
          <>
            <span className="badge badge--expired">
              <span aria-hidden="true">– </span>Not configured
            </span>{' '}
            Closing a review posts nothing to Slack; the summary can still be copied from the board.
          </>
        )}
      </p>
      {notice && (
        <p role="status" className="notice" data-slack-notice={notice.kind}>
          <span aria-hidden="true">✓</span>
          {notice.kind === 'saved' ? 'Saved. The next closed review is posted to this channel.' : 'Removed. Closed reviews are no longer posted to Slack.'}
        </p>
      )}
      <SlackUrlForm
        configured={slack.configured}
        onSaved={() => {
          setNotice({ kind: 'saved' })
          onChanged()
        }}
      />
      {slack.configured && (
        <div className="form__actions">
          <SlackTest />
          <SlackRemove
            onRemoved={() => {
              setNotice({ kind: 'removed' })
              onChanged()
            }}
          />
        </div>
      )}
    </div>
  )
}

function SlackUrlForm({ configured, onSaved }: { configured: boolean; onSaved(): void }) {
  const id = useId()
  const [url, setUrl] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const request = useRequest({ repeatable: true })

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const invalid = webhookUrlError(url)
    setFieldError(invalid)
    if (invalid) return
    void request.run(async () => {
      await api(SLACK_PATH, { method: 'PUT', body: { url: url.trim() } })
      setUrl('')
      onSaved()
    })
  }

  return (
    <form className="form slack-settings__form" onSubmit={submit} noValidate aria-label="Slack webhook">
      <TextField
        id={`${id}-url`}
        label={configured ? 'New incoming webhook URL' : 'Incoming webhook URL'}
        hint={
          <>
            In Slack, add the <em>Incoming Webhooks</em> app to the channel and paste the address it gives you. It is kept
            secret: only its beginning is shown here afterwards.
          </>
        }
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://hooks.slack.com/services/…"
        value={url}
        error={fieldError}
        invalid={request.problem !== null}
        describedBy={request.problem ? `${id}-problem` : undefined}
        disabled={request.busy}
        onChange={(event) => {
          setUrl(event.currentTarget.value)
          setFieldError(null)
          request.clear()
        }}
      />
      <div className="form__actions">
        <BusyButton type="submit" busy={request.busy}>
          Save
        </BusyButton>
      </div>
      <FormProblem id={`${id}-problem`} problem={request.problem} />
    </form>
  )
}

/** "Send a test message", with what Slack answered in words. */
function SlackTest() {
  const request = useRequest({ repeatable: true })
  const [sent, setSent] = useState(false)
  const send = (): void => {
    setSent(false)
    void request.run(async () => {
      await api(`${SLACK_PATH}/test`, { method: 'POST' })
      setSent(true)
    })
  }
  return (
    <div className="row-actions">
      <BusyButton type="button" className="button button--quiet" busy={request.busy} onClick={send}>
        Send a test message
      </BusyButton>
      <span role="status" data-slack-test={sent ? 'ok' : request.problem ? 'failed' : undefined}>
        {sent && (
          <span className="slack-test--ok">
            <span aria-hidden="true">✓ </span>Slack accepted the test message: check the channel.
          </span>
        )}
      </span>
      <FormProblem problem={request.problem ? `The test message did not arrive. ${request.problem}` : null} />
    </div>
  )
}

/** Removing the webhook, after a confirm step: summaries then stay on the board only. */
function SlackRemove({ onRemoved }: { onRemoved(): void }) {
  const [confirming, setConfirming] = useState(false)
  const request = useRequest({ repeatable: true })
  if (!confirming) {
    return (
      <button type="button" className="button button--quiet button--danger-quiet" onClick={() => setConfirming(true)}>
        Remove
      </button>
    )
  }
  return (
    <div className="row-actions">
      <span>Stop posting review summaries to Slack?</span>
      <BusyButton
        type="button"
        className="button button--small button--danger"
        busy={request.busy}
        autoFocus
        onClick={() =>
          void request.run(async () => {
            await api(SLACK_PATH, { method: 'PUT', body: { url: null } })
            setConfirming(false)
            onRemoved()
          })
        }
      >
        Yes, remove
      </BusyButton>
      <button type="button" className="button button--small button--quiet" disabled={request.busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      <FormProblem problem={request.problem} />
    </div>
  )
}
