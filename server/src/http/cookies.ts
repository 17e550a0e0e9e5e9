/**
 * The session cookie: read from a Cookie header (HTTP requests and WebSocket upgrades alike) and
 * written HttpOnly, SameSite=Lax, Secure when the page is served over HTTPS.
 */
import { SESSION_COOKIE } from '@fourwall/shared'

/** The session cookie's value in a Cookie header, if any. */
export function sessionCookie(header: string | undefined): string | undefined {
  if (!header || header.length > 8192) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim() || undefined
  }
  return undefined
}

export function sessionCookieHeader(value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  // The value is base64url (no characters that need quoting).
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return sessionCookieHeader('', { maxAgeSeconds: 0, secure })
}
