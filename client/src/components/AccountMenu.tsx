import { can, ROLE_LABELS } from '@fourwall/shared'
import { problemSentence } from '../lib/api.js'
import { useState } from 'react'
import type { Identity } from '../lib/identity.js'
import { BusyButton } from './BusyButton.js'
import { Link } from './Link.js'

interface Props {
  identity: Identity
  /** Which page this is on, so the link offered leads to the other one. */
  on: 'board' | 'admin'
  onSignOut(): Promise<void>
}

/** Who is signed in, the way to the other page, and signing out. */
export function AccountMenu({ identity, on, onSignOut }: Props) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const signOut = async (): Promise<void> => {
    setBusy(true)
    setProblem(null)
    try {
      await onSignOut() // unmounts this on success
    } catch (error) {
      setProblem(`Not signed out: ${problemSentence(error)}`)
      setBusy(false)
    }
  }

  return (
    <div className="header__account">
      <span className="header__name" data-identity={identity.id}>
        {identity.name} <span className="muted">· {ROLE_LABELS[identity.role]}</span>
      </span>
      {on === 'board' && can(identity.role, 'people.manage') && (
        <Link href="/admin" className="button button--small button--quiet">
          Admin
        </Link>
      )}
      {on === 'admin' && (
        <Link href="/" className="button button--small button--quiet">
          Board
        </Link>
      )}
      <BusyButton type="button" className="button button--small button--quiet" busy={busy} onClick={signOut}>
        Sign out
      </BusyButton>
      {problem && (
        <span role="alert" className="header__problem">
          {problem}
        </span>
      )}
    </div>
  )
}
