import { useId, type FormEvent } from 'react'
import { useRequest } from '../hooks/useRequest.js'
import { api } from '../lib/api.js'
import { readSessionInfo, type SessionInfo } from '../lib/identity.js'
import { FormFooter } from './FormFooter.js'
import { TextField } from './TextField.js'

interface Props {
  /** Why the person is here when it was not their own choice, e.g. their session was revoked. */
  notice: string | null
  onSignedIn(info: SessionInfo): void
}

export function SignInScreen({ notice, onSignedIn }: Props) {
  const id = useId()
  const request = useRequest()

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const login = String(form.get('login') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (login === '' || password === '') {
      request.fail('Enter your login and your password.')
      return
    }
    void request.run(async () => {
      const body = await api<unknown>('/api/session', { method: 'POST', body: { login, password }, reportSessionLoss: false })
      onSignedIn(readSessionInfo(body))
    })
  }

  const problemId = `${id}-problem`
  const invalid = request.problem !== null
  return (
    <main className="screen sign-in" data-screen="sign-in">
      <h1 className="screen__brand">Fourwall</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <h2>Sign in</h2>
      <form className="form" onSubmit={submit} aria-describedby={invalid ? problemId : undefined} noValidate>
        <TextField
          id={`${id}-login`}
          name="login"
          label="Login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          invalid={invalid}
        />
        <TextField id={`${id}-password`} name="password" label="Password" type="password" autoComplete="current-password" required invalid={invalid} />
        <FormFooter busy={request.busy} problem={request.problem} problemId={problemId} submit="Sign in" />
      </form>
      <p className="muted">No password? Ask your admin for an invite link.</p>
    </main>
  )
}
