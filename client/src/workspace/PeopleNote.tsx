import { can } from '@fourwall/shared'
import { Link } from '../components/Link.js'
import type { Identity } from '../lib/identity.js'

/** People are not part of the workspace document (nobody may forge a role by editing it): say where they are. */
export function PeopleNote({ identity }: { identity: Identity }) {
  return (
    <p className="muted workspace-people-note" data-people-note>
      People's names and roles (the leads, chiefs of staff, editors, team leads) are kept on the admin page, not here.{' '}
      {can(identity.role, 'people.manage') ? (
        <Link href="/admin">Open the admin page to invite people or change roles.</Link>
      ) : (
        'An admin invites people and sets their roles.'
      )}
    </p>
  )
}
