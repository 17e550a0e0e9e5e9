import { loginError, passwordError } from '@fourwall/shared'
import { useCallback, useState } from 'react'

/** A login and a new password typed twice, as the join page and the password dialog ask for them. */
export interface Credentials {
  login: string
  password: string
  confirm: string
}

export type CredentialErrors = Partial<Record<keyof Credentials, string>>

const EMPTY: Credentials = { login: '', password: '', confirm: '' }

/**
 * What is wrong with each field, checked with the server's own rules. An empty login is fine when
 * `loginRequired` is false: the person already has one and keeps it.
 */
export function credentialErrors({ login, password, confirm }: Credentials, { loginRequired }: { loginRequired: boolean }): CredentialErrors {
  const errors: CredentialErrors = {}
  const badLogin = loginRequired || login.trim() !== '' ? loginError(login) : null
  const badPassword = passwordError(password)
  if (badLogin) errors.login = badLogin
  if (badPassword) errors.password = badPassword
  else if (confirm !== password) errors.confirm = 'The two passwords are not the same.'
  return errors
}

export function isBlank({ login, password, confirm }: Credentials): boolean {
  return login.trim() === '' && password === '' && confirm === ''
}

/** The fields' values and each one's complaint, which goes away as soon as that field is edited. */
export function useCredentials() {
  const [credentials, setCredentials] = useState<Credentials>(EMPTY)
  const [errors, setErrors] = useState<CredentialErrors>({})

  const change = useCallback((field: keyof Credentials, value: string) => {
    setCredentials((prev) => ({ ...prev, [field]: value }))
    // Cleared once it is being fixed; checked again on submit.
    setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev))
  }, [])

  return { credentials, errors, setErrors, change }
}
