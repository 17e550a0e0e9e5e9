/**
 * Builds the decision signing service from what FourwallServer has, so the server wires it in one
 * line. The registry is asked for lazily: the server creates it after this service.
 */
import type { Accounts } from '../auth/Accounts.js'
import type { Logger } from '../logger.js'
import type { DocumentRegistry } from '../sync/DocumentRegistry.js'
import type { WeekClosure } from '../weeks/WeekClosure.js'
import { DecisionSigning } from './DecisionSigning.js'
import { DecisionSigningKey } from './DecisionSigningKey.js'

export { DecisionSigning }

export interface DecisionSigningSetup {
  secret: string
  documents: () => DocumentRegistry
  closure: WeekClosure
  accounts: Pick<Accounts, 'audit'>
  log: Logger
}

export function createDecisionSigning({ secret, documents, closure, accounts, log }: DecisionSigningSetup): DecisionSigning {
  return new DecisionSigning({
    key: DecisionSigningKey.fromSecret(secret),
    useDocuments: (job) => documents().use(job),
    closure,
    audit: (actor, action, target, detail) => accounts.audit(actor, action, target, detail),
    log: log.child({ component: 'decisions' }),
  })
}
