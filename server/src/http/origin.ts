/**
 * Cross-site protection for WebSocket upgrades and socket.io: which `Origin` may connect.
 *
 * A page on another site can open a WebSocket to this server (browsers apply no same-origin policy
 * to WebSockets), and with a token it got hold of it would act as that person from a foreign page.
 * The browser always says which page is asking: it sends `Origin` on every WebSocket upgrade and on
 * every cross-site request (socket.io polling included), and a page cannot forge or remove it. So:
 *
 * - No `Origin` header: allowed. Only non-browser clients (the Node y-websocket client, scripts,
 *   curl) leave it out, and they can send any header they like anyway, so refusing them would
 *   protect nothing; they still need a valid token.
 * - `Origin` present: allowed only if it is one of the configured origins or, when `self` is on,
 *   the server's own origin. Anything else, including `null` (sandboxed frames, file:// pages) and
 *   values that are not http(s) origins, is refused.
 *
 * "The server's own origin" (`self`, the default) is an Origin whose host[:port] equals the
 * request's `Host` header, which covers localhost:PORT, 127.0.0.1:PORT, a LAN address and a reverse
 * proxy that passes `Host` through, plus PUBLIC_URL's origin for a proxy that rewrites `Host`. The
 * scheme is not compared for the `Host` match: behind a TLS-terminating proxy the page is https
 * while this server sees plain http on the same host name.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { FourwallConfig } from '../config.js'

export interface AllowedOrigins {
  /** Accept the server's own origin: `Host`-header match, plus PUBLIC_URL's origin. */
  self: boolean
  /** Further origins accepted exactly, normalised (`https://board.example.com`, default port dropped). */
  origins: readonly string[]
}

export type OriginConfig = Pick<FourwallConfig, 'allowedOrigins' | 'publicUrl'>

/** What the check needs from a request: its headers (an IncomingMessage, or cors's request). */
export interface HasHeaders {
  headers: IncomingHttpHeaders
}

/**
 * Normalises one configured or received origin (`scheme://host[:port]`, an optional trailing `/`)
 * to the form browsers send, or returns null when it is not an http(s) origin.
 */
export function normalizeOrigin(value: string): string | null {
  if (!/^https?:\/\/[^/?#\s]+\/?$/i.test(value)) return null
  try {
    const url = new URL(value)
    if (url.username || url.password) return null
    // A DNS name (IDNs arrive as punycode), an IPv4 or a bracketed IPv6 address: no wildcards.
    if (!/^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/.test(url.hostname)) return null
    return url.origin
  } catch {
    return null
  }
}

/** Builds the check once from the configuration: `allowed(request)` is then cheap per upgrade. */
export function originChecker(config: OriginConfig): (request: HasHeaders) => boolean {
  const exact = new Set(config.allowedOrigins.origins)
  if (config.allowedOrigins.self && config.publicUrl) {
    // PUBLIC_URL may carry a path; only its origin matters here.
    const publicOrigin = URL.canParse(config.publicUrl) ? normalizeOrigin(new URL(config.publicUrl).origin) : null
    if (publicOrigin) exact.add(publicOrigin)
  }
  const self = config.allowedOrigins.self
  return (request) => {
    const header = request.headers.origin
    // Browsers always send Origin on WebSocket upgrades and cross-site requests; see above.
    if (header === undefined) return true
    const origin = normalizeOrigin(header)
    if (origin === null) return false
    if (exact.has(origin)) return true
    return self && sameHost(origin, request.headers.host)
  }
}

/** True when the origin's host[:port] is the Host header's, default ports compared as equal. */
function sameHost(origin: string, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false
  try {
    const fromOrigin = new URL(origin)
    // Read the Host header with the origin's scheme so that `example.com:443` equals https://example.com.
    const fromHost = new URL(`${fromOrigin.protocol}//${hostHeader}`)
    if (fromHost.username || fromHost.password || fromHost.pathname !== '/' || fromHost.search || fromHost.hash) return false
    return fromOrigin.host === fromHost.host
  } catch {
    return false
  }
}

/** An Origin value as it may appear in a log line: bounded, printable. */
export function originForLog(request: HasHeaders): string {
  return String(request.headers.origin ?? '').replace(/[^\x20-\x7e]/g, '?').slice(0, 200)
}
