/**
 * The server's public keys. Clients verify the leads' signatures on decisions against the decision
 * key (shared/src/decisions/signing.ts) rather than trusting what a document says: anyone who may
 * write the leadership-private document could write something that looks like a signature.
 */
import express from 'express'
import { requirePrincipal } from '../authenticate.js'

export interface KeyRoutesDeps {
  /** The decision-signing public key: 32 raw bytes, base64url. */
  decisionPublicKey: string
}

export function keyRoutes({ decisionPublicKey }: KeyRoutesDeps): express.Router {
  const router = express.Router()

  router.get('/keys/decisions', (_request, response) => {
    // Anyone signed in: team leads verify the published decisions in their feed too.
    requirePrincipal(response)
    response.json({ publicKey: decisionPublicKey, algorithm: 'Ed25519' })
  })

  return router
}
