import { useId, useState, type FormEvent } from 'react'
import { parseTokenInput } from '../lib/token.js'

interface Props {
  /** Why the person is here, e.g. their token was refused. */
  notice: string | null
  onSignIn(token: string): void
}

export function SignInScreen({ notice, onSignIn }: Props) {
  const inputId = useId()
  const [problem, setProblem] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const input = new FormData(event.currentTarget).get('token')
    const token = typeof input === 'string' ? parseTokenInput(input) : null
    if (token) onSignIn(token)
    else setProblem('Paste a token, or the whole link that ends in #token=…')
  }

  return (
    <main className="screen sign-in" data-screen="sign-in">
      <h1 className="screen__brand">Fourwall</h1>
      {notice && (
        <p className="notice notice--problem" role="alert">
          {notice}
        </p>
      )}
      <h2>Sign in with your personal link</h2>
      <p>Fourwall has no passwords yet: each person opens the board with a link that carries their own token.</p>
      <ol className="sign-in__steps">
        <li>
          Ask whoever runs the Fourwall server to create one, with:
          <pre>
            <code>npm run fourwall -- token create --role editor --name "Your Name"</code>
          </pre>
        </li>
        <li>Open the link it prints. (On its first start the server also prints a setup link.)</li>
      </ol>
      <form className="sign-in__form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Or paste your token or link here</label>
        <div className="sign-in__row">
          {/* A password field, so a token typed in front of a projector is not shown to the room. */}
          <input
            id={inputId}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${inputId}-problem` : undefined}
          />
          <button type="submit" className="button">
            Open the board
          </button>
        </div>
        {problem && (
          <p id={`${inputId}-problem`} className="notice notice--problem">
            {problem}
          </p>
        )}
      </form>
    </main>
  )
}
