/**
 * One answer to "who is this?" for every entry point: HTTP requests, Yjs WebSocket upgrades and
 * socket.io handshakes. An explicit API token wins (scripts); otherwise the session cookie.
 */
import { sessionCookie } from '../http/cookies.js'
import type { Accounts } from './Accounts.js'
import type { Principal } from './Principal.js'
import type { TokenSigner } from './tokens.js'

export interface Credentials {
  /** An API token from `Authorization: Bearer`, `?token=` or socket.io's `auth.token`. */
  token?: unknown
  /** The request's Cookie header. */
  cookieHeader?: string
}

export class Authenticator {
  constructor(
    private readonly tokens: TokenSigner,
    private readonly accounts: Accounts,
  ) {}

  async authenticate({ token, cookieHeader }: Credentials): Promise<Principal | null> {
    if (token !== undefined && token !== null && token !== '') {
      const identity = this.tokens.verify(token)
      return identity ? { identity, via: 'token', sessionId: null, csrfToken: null } : null
    }
    return this.accounts.authenticateSession(sessionCookie(cookieHeader))
  }
}
