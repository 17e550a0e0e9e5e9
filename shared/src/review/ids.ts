/**
 * Id generation for OKRs and teams. Ids are created on whichever client runs the command, so they
 * must be unique without coordination: 16 random characters from 36 give ~82 bits. Commands take
 * a `newId` option so tests (and imports that must be reproducible) can pass their own.
 */
export type NewId = () => string

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

export const randomId: NewId = () => {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let id = ''
  // 256 is not a multiple of 36; the slight bias toward the first letters does not matter for ids.
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
