import { PASSWORD_MIN } from '@fourwall/shared'
import type { ReactNode } from 'react'
import type { CredentialErrors, Credentials } from '../hooks/useCredentials.js'
import { TextField } from './TextField.js'

interface Props {
  idPrefix: string
  value: Credentials
  errors: CredentialErrors
  onChange(field: keyof Credentials, value: string): void
  /** What the login is for, below it. */
  loginHint: ReactNode
  /** Marks the login invalid when the form's problem is about it (a login someone else has). */
  loginInvalid?: boolean
  /** The form's problem, read out with the login when it is about it. */
  loginDescribedBy?: string | undefined
}

/** Login, password and the password again: choosing a password, never signing in with one. */
export function CredentialFields({ idPrefix, value, errors, onChange, loginHint, loginInvalid, loginDescribedBy }: Props) {
  const field = (name: keyof Credentials) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: value[name],
    error: errors[name],
    onChange: (event: { currentTarget: HTMLInputElement }) => onChange(name, event.currentTarget.value),
  })
  return (
    <>
      <TextField
        {...field('login')}
        label="Login"
        hint={loginHint}
        invalid={loginInvalid}
        describedBy={loginDescribedBy}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
      />
      <TextField {...field('password')} label="Password" hint={`At least ${PASSWORD_MIN} characters.`} type="password" autoComplete="new-password" />
      <TextField {...field('confirm')} label="Confirm password" type="password" autoComplete="new-password" />
    </>
  )
}
