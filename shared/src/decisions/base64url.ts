/**
 * base64url without padding (RFC 4648 §5), the form keys and signatures travel in. Written here
 * rather than with Buffer, which browsers lack; btoa and atob exist in both Node and browsers.
 */
const BASE64URL = /^[A-Za-z0-9_-]*$/

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The bytes, or null when `text` is not base64url (a forged or mangled value). */
export function base64urlToBytes(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
