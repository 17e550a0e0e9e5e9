/**
 * API tokens for scripts: an admin mints them over HTTP (or with the CLI on the server).
 */
import express from 'express'
import type { Accounts } from '../../auth/Accounts.js'
import type { TokenSigner } from '../../auth/tokens.js'
import { requirePermission } from '../authenticate.js'
import { objectBody, positiveInteger, role, text } from '../validate.js'

export function tokenRoutes({ accounts, tokens }: { accounts: Accounts; tokens: TokenSigner }): express.Router {
  const router = express.Router()

  router.post('/tokens', async (request, response) => {
    const { identity } = requirePermission(response, 'tokens.create', 'only an admin can create tokens')
    const body = objectBody(request.body)
    const name = text(body, 'name', { max: 100 })!
    const tokenRole = role(body)
    const expiresInSeconds = positiveInteger(body, 'expiresInSeconds', 10 * 365 * 86_400)
    const token = tokens.create({ name, role: tokenRole, expiresInSeconds })
    await accounts.audit(identity, 'token.created', null, { name, role: tokenRole, expiresInSeconds: expiresInSeconds ?? null })
    response.setHeader('Cache-Control', 'no-store')
    response.status(201).json({ token, name, role: tokenRole })
  })

  return router
}
