import type { InvitePreview } from '@fourwall/shared'
import { useId, type FormEvent } from 'react'
import { credentialErrors, isBlank, useCredentials } from '../hooks/useCredentials.js'
import { useRequest } from '../hooks/useRequest.js'
import { api } from '../lib/api.js'
import { formatDateTime, formatRelative } from '../lib/format.js'
import { readSessionInfo, type Identity, type SessionInfo } from '../lib/identity.js'
import { unavailableStatus, type InviteUnavailable } from '../lib/invites.js'
import { navigate } from '../lib/navigation.js'
import { describeAssignment } from '../lib/roles.js'
import { CredentialFields } from './CredentialFields.js'
import { FormFooter } from './FormFooter.js'

interface Props {
  code: string
  preview: InvitePreview
  signedInAs: Identity | null
  onJoined(info: SessionInfo): void
  /** The invite was used, revoked or expired between the preview and pressing Join. */
  onUnavailable(status: InviteUnavailable): void
}

export function JoinForm({ code, preview, signedInAs, onJoined, onUnavailable }: Props) {
  const id = useId()
  const { credentials, errors, setErrors, change } = useCredentials()
  const request = useRequest()

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    // Both or neither: a password is optional, but a half-filled one is a mistake worth pointing out.
    const withPassword = !isBlank(credentials)
    const found = withPassword ? credentialErrors(credentials, { loginRequired: true }) : {}
    setErrors(found)
    if (Object.keys(found).length > 0) {
      request.fail('Fix the password fields, or leave all three empty to join with this link only.')
      return
    }
    void request.run(async () => {
      let body: unknown
      try {
        body = await api<unknown>('/api/invites/redeem', {
          method: 'POST',
          body: withPassword ? { code, login: credentials.login.trim(), password: credentials.password } : { code },
          reportSessionLoss: false,
        })
      } catch (error) {
        const gone = unavailableStatus(error)
        if (!gone) throw error
        onUnavailable(gone)
        return
      }
      onJoined(readSessionInfo(body))
      // Replace, not push: Back must not lead to a link that has just been used up.
      navigate('/', { replace: true })
    })
  }

  return (
    <main className="screen join" data-screen="join" data-invite-status="pending">
      <h1 className="screen__brand">Fourwall</h1>
      <h2>Welcome to Fourwall</h2>
      <p className="join__who" data-invitee>
        You are invited as <strong>{preview.name}</strong>, {describeAssignment(preview)}.
      </p>
      <p className="muted">
        This link works once, until {formatDateTime(preview.expiresAt)} ({formatRelative(preview.expiresAt)}).
      </p>
      {signedInAs && signedInAs.name !== preview.name && (
        <p className="notice" role="note">
          This browser is signed in as {signedInAs.name}. Joining signs it in as {preview.name} instead.
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form__group">
          <legend>Set a password so you can sign in without a link (optional)</legend>
          <p className="muted">
            {preview.existingPerson
              ? 'You already have a login. Leave these empty to keep your password as it is.'
              : 'Leave these empty to join with this link only; an admin can send you a new link later.'}
          </p>
          <CredentialFields
            idPrefix={id}
            value={credentials}
            errors={errors}
            onChange={change}
            loginHint="Your email address or a user name, without spaces."
          />
        </fieldset>
        <FormFooter busy={request.busy} problem={request.problem} submit="Join Fourwall" />
      </form>
    </main>
  )
}
