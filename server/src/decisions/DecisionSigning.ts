/**
 * Signing decisions as the server (shared/src/decisions/ has the model and the rules). A lead asks
 * with `decision:sign`; this checks who asks and what is asked, signs the decision's current text
 * for that lead with the server's key, writes the signature into the week's leadership-private
 * document, and, once both leads' signatures hold for the current text, publishes the decision into
 * the public week document. Every write goes in as the server (SERVER_ORIGIN) and is stored and
 * relayed like any edit, durable before the lead hears "signed".
 */
import {
  bothLeadsSigned,
  isLeadRole,
  privateDocName,
  readDecision,
  signatureMessage,
  signatureState,
  textHash,
  unsignableReason,
  weekDocName,
  writeDecisionSignature,
  writeDecisionStatus,
  writePublishedCopy,
  type AuditAction,
  type AuditDetail,
  type Signature,
  type WeekId,
} from '@fourwall/shared'
import type { Identity } from '../auth/tokens.js'
import type { Logger } from '../logger.js'
import type { Document } from '../sync/Document.js'
import { SERVER_ORIGIN, type WeekClosure } from '../weeks/WeekClosure.js'
import type { DecisionSigningKey } from './DecisionSigningKey.js'

export interface DecisionSigningDeps {
  /** Runs a job on loaded documents (DocumentRegistry.use). */
  useDocuments<T>(job: (open: (name: string) => Promise<Document>) => Promise<T>): Promise<T>
  closure: WeekClosure
  key: DecisionSigningKey
  audit(actor: Identity, action: AuditAction, target: string | null, detail: AuditDetail): Promise<void>
  log: Logger
  now?: () => Date
}

export type SignOutcome =
  | { ok: true; signature: Signature; published: boolean }
  /** `counts`: a refusal a well-behaved client never provokes (see Refusal in realtime/events.ts). */
  | { ok: false; error: string; counts: boolean }

/** What the document job found and did, before the audit log hears of it. */
type Signed =
  | { ok: true; signature: Signature; published: boolean; fresh: boolean; title: string }
  | { ok: false; error: string; counts: boolean }

export const ONLY_LEADS_SIGN = 'Only the Product Lead and the Engineering Lead sign decisions, each as themselves.'

export class DecisionSigning {
  private readonly now: () => Date

  constructor(private readonly deps: DecisionSigningDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  get publicKey(): string {
    return this.deps.key.publicKey
  }

  async sign(weekId: WeekId, decisionId: string, signer: Identity): Promise<SignOutcome> {
    // The dispatcher checked the permission table already; the identity decides, not the table
    // alone: whatever the table ever says, a signature names a lead, so only a lead can give it.
    const role = signer.role
    if (!isLeadRole(role)) return { ok: false, error: ONLY_LEADS_SIGN, counts: true }
    const outcome = await this.deps.useDocuments(async (open): Promise<Signed> => {
      const privateName = privateDocName(weekId)
      const publicName = weekDocName(weekId)
      const privateDoc = await open(privateName)
      const publicDoc = await open(publicName)
      if (this.deps.closure.closedMark(privateName, privateDoc.ydoc) || this.deps.closure.closedMark(publicName, publicDoc.ydoc)) {
        return { ok: false, error: 'This week is closed.', counts: true }
      }
      // No awaits from here to the writes: two leads signing at once each see the other's signature,
      // so exactly one of them completes the pair and publishes.
      const decision = readDecision(privateDoc.ydoc, decisionId)
      if (!decision) return { ok: false, error: `Week ${weekId} has no such decision: it may have been removed.`, counts: false }
      const refused = unsignableReason(decision)
      if (refused) return { ok: false, error: refused, counts: false }
      if (signatureState(decision, this.publicKey, weekId)[role] === 'valid') {
        // Signed already, for this very text: nothing to write or audit again.
        return { ok: true, signature: decision.signatures[role]!, published: false, fresh: false, title: decision.title }
      }

      const fields = { role, signerId: signer.id, signerName: signer.name, at: this.now().toISOString(), textHash: textHash(decision) }
      const signature: Signature = { ...fields, sig: this.deps.key.sign(signatureMessage(weekId, decisionId, fields)) }
      privateDoc.ydoc.transact(() => writeDecisionSignature(privateDoc.ydoc, decisionId, signature), SERVER_ORIGIN)

      const signed = readDecision(privateDoc.ydoc, decisionId)!
      const published = bothLeadsSigned(signatureState(signed, this.publicKey, weekId))
      if (published) {
        privateDoc.ydoc.transact(() => writeDecisionStatus(privateDoc.ydoc, decisionId, 'aligned'), SERVER_ORIGIN)
        publicDoc.ydoc.transact(() => writePublishedCopy(publicDoc.ydoc, signed), SERVER_ORIGIN)
        privateDoc.ydoc.transact(() => writeDecisionStatus(privateDoc.ydoc, decisionId, 'published'), SERVER_ORIGIN)
      }
      await Promise.all([privateDoc.whenPersisted(), publicDoc.whenPersisted()])
      return { ok: true, signature, published, fresh: true, title: signed.title }
    })
    if (!outcome.ok) return outcome
    if (outcome.fresh) {
      // The draft's title stays out of the audit log: admins read it, and they may not read drafts.
      await this.deps.audit(signer, 'decision.signed', decisionId, { weekId, role, textHash: outcome.signature.textHash })
      this.deps.log.info('decision signed', { weekId, decisionId, role, by: signer.id })
    }
    if (outcome.published) {
      await this.deps.audit(signer, 'decision.published', decisionId, { weekId, title: outcome.title })
      this.deps.log.info('decision published', { weekId, decisionId })
    }
    return { ok: true, signature: outcome.signature, published: outcome.published }
  }
}
