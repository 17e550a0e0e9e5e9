/**
 * The server's Ed25519 key for signing decisions (shared/src/decisions/signing.ts). It is derived
 * from the server secret with HKDF, so every process sharing the data directory (or the same
 * FOURWALL_SECRET) signs with the same key, and a restart keeps signatures verifiable, with nothing
 * new to store or back up. The derivation is one-way: the public key reveals nothing of the secret.
 */
import { createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto'
import { bytesToBase64url } from '@fourwall/shared'

/** ASN.1 (PKCS #8) header of an Ed25519 private key whose 32-byte seed follows (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
/** SubjectPublicKeyInfo of an Ed25519 key is this 12-byte header, then the 32-byte key. */
const SPKI_ED25519_HEADER_BYTES = 12

/** Names this use of the secret: another derivation from the same secret yields an unrelated key. */
const HKDF_INFO = 'fourwall decision signing key v1'
const HKDF_SALT = 'fourwall'

export class DecisionSigningKey {
  /** The public key, raw 32 bytes in base64url: what `GET /api/keys/decisions` serves. */
  readonly publicKey: string

  private constructor(private readonly privateKey: KeyObject) {
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' })
    this.publicKey = bytesToBase64url(new Uint8Array(spki.subarray(SPKI_ED25519_HEADER_BYTES)))
  }

  static fromSecret(secret: string): DecisionSigningKey {
    const seed = Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32))
    const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed])
    return new DecisionSigningKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
  }

  /** An Ed25519 signature of `message`, base64url. */
  sign(message: Uint8Array): string {
    return sign(null, message, this.privateKey).toString('base64url')
  }
}
