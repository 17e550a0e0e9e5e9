import { loginError, PASSWORD_MIN, passwordError, type InvitePreview } from '@fourwall/shared'
import { useId, useState, type FormEvent } from 'react'
import { api, problemSentence } from '../lib/api.js'
import { formatDateTime, formatRelative } from '../lib/format.js'
import { readSessionInfo, type Identity, type SessionInfo } from '../lib/identity.js'
import { unavailableStatus, type InviteUnavailable } from '../lib/invites.js'
import { navigate } from '../lib/navigation.js'
import { describeAssignment } from '../lib/roles.js'
import { BusyButton } from './BusyButton.js'
import { FormProblem } from './FormProblem.js'

interface Props {
  code: string
  preview: InvitePreview
  signedInAs: Identity | null
  onJoined(info: SessionInfo): void
  /** The invite was used, revoked or expired between the preview and pressing Join. */
  onUnavailable(status: InviteUnavailable): void
}

interface Credentials {
  login: string
  password: string
  confirm: string
}

type FieldErrors = Partial<Record<keyof Credentials, string>>

/** Both or neither: a password is optional, but a half-filled one is a mistake worth pointing out. */
function validate({ login, password, confirm }: Credentials): FieldErrors {
  if (login.trim() === '' && password === '' && confirm === '') return {}
  const errors: FieldErrors = {}
  const badLogin = loginError(login)
  const badPassword = passwordError(password)
  if (badLogin) errors.login = badLogin
  if (badPassword) errors.password = badPassword
  else if (confirm !== password) errors.confirm = 'The two passwords are not the same.'
  return errors
}

export function JoinForm({ code, preview, signedInAs, onJoined, onUnavailable }: Props) {
  const id = useId()
  const [credentials, setCredentials] = useState<Credentials>({ login: '', password: '', confirm: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const set = (field: keyof Credentials) => (event: { currentTarget: HTMLInputElement }) => {
    const value = event.currentTarget.value
    setCredentials((prev) => ({ ...prev, [field]: value }))
    // Clear a field's complaint once it is being fixed; it is checked again on Join.
    setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev))
  }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const found = validate(credentials)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setProblem('Fix the password fields, or leave all three empty to join with this link only.')
      return
    }
    const withPassword = credentials.login.trim() !== ''
    setBusy(true)
    setProblem(null)
    try {
      const body = await api<unknown>('/api/invites/redeem', {
        method: 'POST',
        body: withPassword ? { code, login: credentials.login.trim(), password: credentials.password } : { code },
        reportSessionLoss: false,
      })
      onJoined(readSessionInfo(body))
      // Replace, not push: Back must not lead to a link that has just been used up.
      navigate('/', { replace: true })
    } catch (error) {
      setBusy(false)
      const gone = unavailableStatus(error)
      if (gone) onUnavailable(gone)
      else setProblem(problemSentence(error))
    }
  }

  const field = (name: keyof Credentials, hasHint = false) => ({
    id: `${id}-${name}`,
    name,
    value: credentials[name],
    onChange: set(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [hasHint && `${id}-${name}-hint`, errors[name] && `${id}-${name}-error`].filter(Boolean).join(' ') || undefined,
  })
  const fieldError = (name: keyof Credentials) =>
    errors[name] && (
      <p id={`${id}-${name}-error`} className="field__error">
        {errors[name]}
      </p>
    )

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
          <div className="field">
            <label htmlFor={`${id}-login`}>Login</label>
            <input {...field('login', true)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
            <p id={`${id}-login-hint`} className="field__hint muted">Your email address or a user name, without spaces.</p>
            {fieldError('login')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input {...field('password', true)} type="password" autoComplete="new-password" />
            <p id={`${id}-password-hint`} className="field__hint muted">
              At least {PASSWORD_MIN} characters.
            </p>
            {fieldError('password')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-confirm`}>Confirm password</label>
            <input {...field('confirm')} type="password" autoComplete="new-password" />
            {fieldError('confirm')}
          </div>
        </fieldset>
        <FormProblem problem={problem} />
        <div className="form__actions">
          <BusyButton type="submit" busy={busy}>
            Join Fourwall
          </BusyButton>
        </div>
      </form>
    </main>
  )
}
