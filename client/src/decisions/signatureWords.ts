import { ROLE_LABELS, type LeadRole, type Signature, type SignatureState } from '@fourwall/shared'
import type { StatusIconKind } from '../components/StatusIcon.js'

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "24 Nov 10:02", in this screen's time zone. */
export function formatSignedAt(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? 'at an unknown time' : `${day.format(at)} ${time.format(at)}`
}

export interface SignatureWords {
  /** What the badge says, in full: it never rests on its colour or icon. */
  text: string
  icon: StatusIconKind
  /** For the stylesheet and the tests: the state as the shared model names it. */
  state: SignatureState | 'checking'
}

/**
 * What one lead's signature says, in words. `state` is null while the page is still fetching the
 * server's key: a signature is not called valid before it was checked.
 */
export function signatureWords(role: LeadRole, signature: Signature | undefined, state: SignatureState | null): SignatureWords {
  if (!signature) return { text: `Not signed yet by the ${ROLE_LABELS[role]}`, icon: 'unknown', state: 'missing' }
  if (state === null) return { text: 'Checking the signature…', icon: 'connecting', state: 'checking' }
  switch (state) {
    case 'valid':
      return { text: `Signed by ${signature.signerName}, ${formatSignedAt(signature.at)}`, icon: 'on-track', state }
    case 'changed-since-signed':
      return { text: 'Changed since signed — sign again', icon: 'at-risk', state }
    case 'unverified':
      return { text: 'Unverified signature', icon: 'problem', state }
    case 'missing':
      return { text: `Not signed yet by the ${ROLE_LABELS[role]}`, icon: 'unknown', state }
  }
}
