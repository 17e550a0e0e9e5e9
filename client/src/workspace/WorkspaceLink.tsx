import { can } from '@fourwall/shared'
import { Link } from '../components/Link.js'
import type { Identity } from '../lib/identity.js'

/**
 * The way from the board to the workspace page (teams, OKRs, CSV import), for the people who may
 * change the workspace. Others read the same OKRs on the board itself, so they get no link.
 */
export function WorkspaceLink({ identity }: { identity: Identity }) {
  if (!can(identity.role, 'workspace.write')) return null
  return (
    <Link href="/workspace" className="button button--small button--quiet" data-workspace-link>
      Workspace
    </Link>
  )
}
