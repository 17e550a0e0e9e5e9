/**
 * The decision commands over socket.io (shared/src/decisions/protocol.ts has the protocol). The
 * dispatcher has checked the rate, the `decision.sign` permission and the payload already;
 * DecisionSigning checks the rest (the signer's own role, an open week, the decision) and writes.
 * Nothing is broadcast: the signature and the published copy travel in the documents.
 */
import { DECISION_SIGN_ACTION, DECISION_SIGN_EVENT, parseDecisionSignPayload, type DecisionSignPayload, type DecisionSignReply } from '@fourwall/shared'
import type { DecisionSigning } from '../decisions/DecisionSigning.js'
import { defineHandler, Refusal, type AnyEventHandler } from './events.js'

export function decisionHandlers({ signing }: { signing: DecisionSigning }): AnyEventHandler[] {
  return [
    defineHandler<DecisionSignPayload, DecisionSignReply>({
      event: DECISION_SIGN_EVENT,
      mutates: true,
      action: DECISION_SIGN_ACTION,
      parse: parseDecisionSignPayload,
      handle: async ({ weekId, decisionId }, { identity }) => {
        const outcome = await signing.sign(weekId, decisionId, identity)
        if (!outcome.ok) throw new Refusal(outcome.error, outcome.counts)
        return { ok: true, signature: outcome.signature, published: outcome.published }
      },
    }),
  ]
}
