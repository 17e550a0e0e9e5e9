/**
 * Signed API tokens: `fw1.<payload>.<signature>`, the payload base64url JSON and the signature an
 * HMAC-SHA256 over it with the server secret. Scripts use them; people sign in with invites and
 * cookie sessions (Accounts.ts) instead.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import { isRole, type Role } from '@fourwall/shared'

export interface Identity {
  /** Stable id of the person the token was issued to. */
  id: string
  name: string
  role: Role
}

interface TokenPayload extends Identity {
  /** Issued at, seconds since the epoch. */
  iat: number
  /** Expiry, seconds since the epoch, if any. */
  exp?: number
}

const PREFIX = 'fw1'

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${payload}`).digest('base64url')
}

export class TokenSigner {
  constructor(private readonly secret: string) {}

  create(input: { name: string; role: Role; id?: string; expiresInSeconds?: number }): string {
    const iat = Math.floor(Date.now() / 1000)
    const payload: TokenPayload = { id: input.id ?? randomUUID(), name: input.name, role: input.role, iat }
    if (input.expiresInSeconds !== undefined) payload.exp = iat + input.expiresInSeconds
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url')
    return `${PREFIX}.${encoded}.${sign(this.secret, encoded)}`
  }

  /** The identity a token carries, or null if it is malformed, forged or expired. */
  verify(token: unknown): Identity | null {
    if (typeof token !== 'string' || token.length > 2048) return null
    const [prefix, encoded, signature, ...rest] = token.split('.')
    if (prefix !== PREFIX || !encoded || !signature || rest.length > 0) return null
    const expected = Buffer.from(sign(this.secret, encoded))
    const given = Buffer.from(signature)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
    let payload: Partial<TokenPayload>
    try {
      payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<TokenPayload>
    } catch {
      return null
    }
    if (typeof payload.id !== 'string' || typeof payload.name !== 'string' || !isRole(payload.role)) return null
    if (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now()) return null
    return { id: payload.id, name: payload.name, role: payload.role }
  }
}
