/**
 * The admin page's API: people and their roles, invite links, active sessions, the audit log and
 * who stored each document update. Admins only (the `people.manage` and `audit.read` rules).
 */
import express, { type Request } from 'express'
import { NAME_MAX, parseDocName, TEAM_MAX, type Role } from '@fourwall/shared'
import type { Accounts } from '../../auth/Accounts.js'
import type { Storage } from '../../storage/Storage.js'
import { requirePermission } from '../authenticate.js'
import { HttpError } from '../errors.js'
import { leadRole, nullableText, objectBody, positiveInteger, role, text } from '../validate.js'

export interface AdminRoutesDeps {
  accounts: Accounts
  storage: Storage
  config: { publicUrl: string | undefined }
}

const MANAGE = 'only an admin can manage people, invites and sessions'
const READ_AUDIT = 'only an admin can read the audit log'

export function adminRoutes({ accounts, storage, config }: AdminRoutesDeps): express.Router {
  const router = express.Router()
  const baseUrl = (request: Request) => config.publicUrl ?? `${request.protocol}://${request.get('host')}`

  router.get('/people', async (_request, response) => {
    requirePermission(response, 'people.manage', MANAGE)
    response.json({ people: await accounts.listPeople() })
  })

  router.patch('/people/:id', async (request, response) => {
    const { identity } = requirePermission(response, 'people.manage', MANAGE)
    const body = objectBody(request.body)
    const patch: { name?: string; role?: Role; worksFor?: ReturnType<typeof leadRole>; team?: string | null } = {}
    if (body.name !== undefined) patch.name = text(body, 'name', { max: NAME_MAX })
    if (body.role !== undefined) patch.role = role(body)
    if (body.worksFor !== undefined) patch.worksFor = leadRole(body)
    if (body.team !== undefined) patch.team = nullableText(body, 'team', TEAM_MAX)
    if (Object.keys(patch).length === 0) throw new HttpError(400, 'nothing to change: send name, role, worksFor or team')
    const person = await accounts.updatePerson(identity, String(request.params.id), patch as Parameters<Accounts['updatePerson']>[2])
    response.json({ person })
  })

  router.delete('/people/:id', async (request, response) => {
    const { identity } = requirePermission(response, 'people.manage', MANAGE)
    if (request.params.id === identity.id) throw new HttpError(409, 'you cannot remove yourself; ask another admin')
    await accounts.removePerson(identity, String(request.params.id))
    response.status(204).end()
  })

  router.get('/invites', async (_request, response) => {
    requirePermission(response, 'people.manage', MANAGE)
    response.json({ invites: await accounts.listInvites() })
  })

  router.post('/invites', async (request, response) => {
    const { identity } = requirePermission(response, 'people.manage', MANAGE)
    const body = objectBody(request.body)
    const { code, invite } = await accounts.createInvite(identity, {
      name: text(body, 'name', { max: NAME_MAX })!,
      role: role(body),
      worksFor: leadRole(body) ?? null,
      team: nullableText(body, 'team', TEAM_MAX) ?? null,
      expiresInHours: positiveInteger(body, 'expiresInHours', 720),
    })
    response.setHeader('Cache-Control', 'no-store')
    response.status(201).json({ invite, link: `${baseUrl(request)}/join#code=${code}` })
  })

  router.delete('/invites/:id', async (request, response) => {
    const { identity } = requirePermission(response, 'people.manage', MANAGE)
    response.json({ invite: await accounts.revokeInvite(identity, String(request.params.id)) })
  })

  router.get('/sessions', async (_request, response) => {
    const principal = requirePermission(response, 'people.manage', MANAGE)
    response.json({ sessions: await accounts.listSessions(principal.sessionId) })
  })

  router.delete('/sessions/:id', async (request, response) => {
    const { identity } = requirePermission(response, 'people.manage', MANAGE)
    await accounts.revokeSession(identity, String(request.params.id))
    response.status(204).end()
  })

  router.get('/audit', async (request, response) => {
    requirePermission(response, 'audit.read', READ_AUDIT)
    const { limit, before } = paging(request)
    response.json({ entries: await accounts.store.listAudit({ limit, before }) })
  })

  router.get('/document-updates', async (request, response) => {
    requirePermission(response, 'audit.read', READ_AUDIT)
    const { limit, before } = paging(request)
    const doc = request.query.doc
    if (doc !== undefined && (typeof doc !== 'string' || !parseDocName(doc))) throw new HttpError(400, '"doc" must be a document name such as week:2026-W48')
    response.json({ entries: await storage.listUpdates({ docName: doc, limit, before }) })
  })

  return router
}

/** `?limit=` (1..500, default 100) and `?before=<id>` for newest-first lists. */
function paging(request: Request): { limit: number; before?: number } {
  const number = (name: string, max: number): number | undefined => {
    const raw = request.query[name]
    if (raw === undefined) return undefined
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
      throw new HttpError(400, `"${name}" must be a whole number between 1 and ${max}`)
    }
    return Number(raw)
  }
  return { limit: number('limit', 500) ?? 100, before: number('before', Number.MAX_SAFE_INTEGER) }
}
