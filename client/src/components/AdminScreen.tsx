import { useEffect, useState } from 'react'
import { setForbiddenHandler } from '../lib/api.js'
import type { Identity } from '../lib/identity.js'
import { AccountMenu } from './AccountMenu.js'
import { AuditTab } from './admin/AuditTab.js'
import { InvitesTab } from './admin/InvitesTab.js'
import { PeopleTab } from './admin/PeopleTab.js'
import { SessionsTab } from './admin/SessionsTab.js'
import { SettingsTab } from './admin/SettingsTab.js'
import { Tabs, type Tab } from './Tabs.js'

const TABS = [
  { id: 'people', label: 'People' },
  { id: 'invites', label: 'Invites' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'audit', label: 'Audit' },
  { id: 'settings', label: 'Settings' },
] as const satisfies readonly Tab<string>[]

type TabId = (typeof TABS)[number]['id']

/** `/admin#invites` opens on that tab, so a reload (or a shared address) stays where it was. */
function tabFromHash(): TabId {
  const wanted = window.location.hash.replace(/^#/, '')
  return TABS.find((tab) => tab.id === wanted)?.id ?? 'people'
}

interface Props {
  identity: Identity
  onSignOut(): Promise<void>
  /**
   * The admin changed their own name or role, or the server refused something with 403 (their
   * admin role was taken away meanwhile): the page asks the server who they are now, and shows
   * the screen for that.
   */
  onIdentityChanged(): void
}

export function AdminScreen({ identity, onSignOut, onIdentityChanged }: Props) {
  const [tab, setTab] = useState<TabId>(tabFromHash)
  useEffect(() => {
    setForbiddenHandler(onIdentityChanged)
    return () => setForbiddenHandler(null)
  }, [onIdentityChanged])
  const select = (next: TabId): void => {
    setTab(next)
    window.history.replaceState(window.history.state, '', `#${next}`)
  }

  return (
    <div className="admin-screen" data-screen="admin">
      <header className="header">
        <p className="header__brand">Fourwall</p>
        <h1 className="header__title">Admin</h1>
        <AccountMenu identity={identity} on="admin" onSignOut={onSignOut} />
      </header>
      <main className="admin-screen__main">
        <Tabs label="Admin sections" tabs={TABS} selected={tab} onSelect={select}>
          {tab === 'people' && <PeopleTab me={identity} onIdentityChanged={onIdentityChanged} />}
          {tab === 'invites' && <InvitesTab />}
          {tab === 'sessions' && <SessionsTab />}
          {tab === 'audit' && <AuditTab />}
          {tab === 'settings' && <SettingsTab />}
        </Tabs>
      </main>
    </div>
  )
}
