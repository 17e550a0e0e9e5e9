/**
 * Who is who, for everyone signed in: the workspace page shows the leads, their chiefs of staff and
 * the team leads by name and role. Changing a name or a role stays on the admin page (admin.ts):
 * roles decide what each connection may do, so they live in the account store, never in a
 * document anyone could edit.
 */
import express from 'express'
import type { DirectoryEntry } from '@fourwall/shared'
import type { Accounts } from '../../auth/Accounts.js'
import { requirePermission } from '../authenticate.js'

export function directoryRoutes({ accounts }: { accounts: Accounts }): express.Router {
  const router = express.Router()

  router.get('/people/directory', async (_request, response) => {
    requirePermission(response, 'workspace.read', 'sign in to see who is who')
    const people: DirectoryEntry[] = (await accounts.listPeople()).map(({ id, name, role, worksFor, team }) => ({ id, name, role, worksFor, team }))
    response.json({ people })
  })

  return router
}
