import { useId, useState, type FormEvent } from 'react'
import { credentialErrors, useCredentials } from '../hooks/useCredentials.js'
import { useRequest } from '../hooks/useRequest.js'
import { api, ApiError } from '../lib/api.js'
import { CredentialFields } from './CredentialFields.js'
import { Dialog } from './Dialog.js'
import { FormFooter } from './FormFooter.js'

/**
 * Sets the signed-in person's own password (POST /api/me/password). The page cannot tell whether
 * they have a login yet, so the login is optional: the server asks for it when there is none.
 */
export function PasswordDialog({ onClose }: { onClose(): void }) {
  const id = useId()
  const { credentials, errors, setErrors, change } = useCredentials()
  const request = useRequest({ repeatable: true })
  // The server's refusal is about the login: someone else has it (409), or there is none yet and
  // none was typed (400; the password was checked here already).
  const [loginRefused, setLoginRefused] = useState(false)
  const [savedAs, setSavedAs] = useState<{ login: string | null } | null>(null)

  const edit = (field: Parameters<typeof change>[0], value: string): void => {
    change(field, value)
    if (field === 'login') setLoginRefused(false)
  }

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const found = credentialErrors(credentials, { loginRequired: false })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      request.fail('Fix the fields marked above.')
      return
    }
    const login = credentials.login.trim()
    void request.run(async () => {
      try {
        await api('/api/me/password', { method: 'POST', body: login ? { password: credentials.password, login } : { password: credentials.password } })
      } catch (error) {
        setLoginRefused(error instanceof ApiError && (error.status === 409 || (error.status === 400 && login === '')))
        throw error
      }
      setSavedAs({ login: login || null })
    })
  }

  const problemId = `${id}-problem`
  return (
    <Dialog
      title="Set password"
      description="Choose a password to sign in with, instead of an invite link."
      onClose={onClose}
    >
      {savedAs ? (
        <div className="stack" data-password-saved>
          <p role="status" className="notice">
            {savedAs.login
              ? `Your password is set. From now on you can sign in as ${savedAs.login} with it.`
              : 'Your password is set. From now on you can sign in with your login and it.'}
          </p>
          <div className="form__actions">
            <button ref={(element) => element?.focus()} type="button" className="button" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <CredentialFields
            idPrefix={id}
            value={credentials}
            errors={errors}
            onChange={edit}
            loginHint="Needed the first time: the login you will sign in with. Leave it empty to keep the one you have."
            loginInvalid={loginRefused}
            loginDescribedBy={loginRefused ? problemId : undefined}
          />
          <FormFooter busy={request.busy} problem={request.problem} problemId={problemId} submit="Save password">
            <button type="button" className="button button--quiet" onClick={onClose}>
              Cancel
            </button>
          </FormFooter>
        </form>
      )}
    </Dialog>
  )
}
