import type { Session } from '../hooks/useSession.js'
import type { Identity } from '../lib/identity.js'

/** Placeholder until the workspace setup page lands (teams, OKRs, CSV import). */
export function WorkspaceScreen(_props: { identity: Identity; session: Session }) {
  return <main data-screen="workspace">Workspace setup</main>
}
