import { ROLE_LABELS } from '@fourwall/shared'
import type { Identity } from '../lib/identity.js'
import { Link } from './Link.js'

/** `/admin` opened by someone who is not an admin: say so plainly instead of showing an empty page. */
export function AdminOnlyScreen({ identity }: { identity: Identity }) {
  return (
    <main className="screen" data-screen="admin-only">
      <h1 className="screen__brand">Fourwall</h1>
      <h2>Only an admin can open this page</h2>
      <p>
        You are signed in as {identity.name}, {ROLE_LABELS[identity.role]}. People, invites and sessions are managed by
        Fourwall's admins; ask one of them if you need something changed.
      </p>
      <p>
        <Link href="/" className="button">
          Back to the board
        </Link>
      </p>
    </main>
  )
}
