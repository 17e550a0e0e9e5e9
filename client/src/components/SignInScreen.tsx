import { useId, useState, type FormEvent } from 'react'
import { api, problemSentence } from '../lib/api.js'
import { readSessionInfo, type SessionInfo } from '../lib/identity.js'
import { BusyButton } from './BusyButton.js'
import { FormProblem } from './FormProblem.js'

interface Props {
  /** Why the person is here when it was not their own choice, e.g. their session was revoked. */
  notice: string | null
  onSignedIn(info: SessionInfo): void
}

export function SignInScreen({ notice, onSignedIn }: Props) {
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const login = String(form.get('login') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (login === '' || password === '') {
      setProblem('Enter your login and your password.')
      return
    }
    setBusy(true)
    setProblem(null)
    try {
      const body = await api<unknown>('/api/session', { method: 'POST', body: { login, password }, reportSessionLoss: false })
      onSignedIn(readSessionInfo(body))
    } catch (error) {
      setProblem(problemSentence(error))
      setBusy(false)
    }
  }

  const problemId = `${id}-problem`
  return (
    <main className="screen sign-in" data-screen="sign-in">
      <h1 className="screen__brand">Fourwall</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>Sign in</h2>
      <form className="form" onSubmit={submit} aria-describedby={problem ? problemId : undefined} noValidate>
        <div className="field">
          <label htmlFor={`${id}-login`}>Login</label>
          <input
            id={`${id}-login`}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <FormProblem id={problemId} problem={problem} />
        <div className="form__actions">
          <BusyButton type="submit" busy={busy}>
            Sign in
          </BusyButton>
        </div>
      </form>
      <p className="muted">No password? Ask your admin for an invite link.</p>
    </main>
  )
}
