/**
 * Password hashing with scrypt from node:crypto. The stored form names its parameters
 * (`scrypt$N$r$p$salt$hash`, base64url), so they can be raised later without breaking old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
/** scrypt with N=2^15, r=8 needs 32 MiB; the default cap (32 MiB) is just too small. */
const MAX_MEM = 64 * 1024 * 1024

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: MAX_MEM }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS, KEY_BYTES)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** A hash of a password nobody knows, so an unknown login costs the same time as a wrong password. */
let decoy: Promise<string> | null = null

/**
 * True when `password` matches `stored`. With `stored` null (unknown login, or a person without a
 * password) it still spends one scrypt so timing does not reveal which logins exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const target = stored ?? (await (decoy ??= hashPassword(randomBytes(16).toString('hex'))))
  const parts = target.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number]
  const salt = Buffer.from(parts[4]!, 'base64url')
  const expected = Buffer.from(parts[5]!, 'base64url')
  if (!Number.isInteger(N) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0) return false
  const key = await derive(password, salt, { N, r, p }, expected.length)
  return timingSafeEqual(key, expected) && stored !== null
}
