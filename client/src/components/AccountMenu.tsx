import { can, ROLE_LABELS } from '@fourwall/shared'
import { useState } from 'react'
import { useRequest } from '../hooks/useRequest.js'
import type { Identity } from '../lib/identity.js'
import { BusyButton } from './BusyButton.js'
import { Link } from './Link.js'
import { PasswordDialog } from './PasswordDialog.js'

interface Props {
  identity: Identity
  /** Which page this is on, so the link offered leads to the other one. */
  on: 'board' | 'admin'
  onSignOut(): Promise<void>
}

/** Who is signed in, the way to the other page, setting a password, and signing out. */
export function AccountMenu({ identity, on, onSignOut }: Props) {
  const signOut = useRequest()
  const [settingPassword, setSettingPassword] = useState(false)

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
      {/* /api/me does not say whether a password is set, so this does not pretend to know. */}
      <button type="button" className="button button--small button--quiet" aria-haspopup="dialog" onClick={() => setSettingPassword(true)}>
        Set password
      </button>
      {/* onSignOut unmounts this on success. */}
      <BusyButton type="button" className="button button--small button--quiet" busy={signOut.busy} onClick={() => void signOut.run(onSignOut)}>
        Sign out
      </BusyButton>
      {signOut.problem && (
        <span role="alert" className="header__problem">
          Not signed out: {signOut.problem}
        </span>
      )}
      {settingPassword && <PasswordDialog onClose={() => setSettingPassword(false)} />}
    </div>
  )
}
