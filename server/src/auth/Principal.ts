/**
 * Who is behind a request or a socket, and how they proved it. Sessions (cookies) are for people in
 * browsers; API tokens for scripts. Only a session-backed principal can be signed out, and only a
 * cookie-authenticated call needs a CSRF token.
 */
import type { Identity } from './tokens.js'

export interface Principal {
  identity: Identity
  via: 'session' | 'token'
  /** The session's id (never its cookie value); null for a token. */
  sessionId: string | null
  /** What the client must echo in the CSRF header; null for a token. */
  csrfToken: string | null
}
