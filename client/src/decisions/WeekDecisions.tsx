import { isLeadership, type WeekId } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useWorkspaceDoc } from '../hooks/useWorkspaceDoc.js'
import type { Identity } from '../lib/identity.js'
import { DecisionFeed } from './DecisionFeed.js'
import { DecisionsSection } from './DecisionsSection.js'
import { useDecisionKey } from './useDecisionKey.js'

interface Props {
  weekId: WeekId
  identity: Identity
  /** The public week document once it has loaded; null until then. */
  weekDoc: Y.Doc | null
  closed: boolean
}

/**
 * The week's decisions on the board: the published ones for everyone, and for the leadership the
 * drafting and signing of them (in the private document, which nobody else receives).
 */
export function WeekDecisions({ weekId, identity, weekDoc, closed }: Props) {
  const keyState = useDecisionKey()
  // For the principles decisions cite, and the domain map a draft picks from.
  const workspace = useWorkspaceDoc()
  return (
    <div className="week-decisions" data-week-decisions>
      <DecisionFeed weekId={weekId} weekDoc={weekDoc} workspace={workspace} keyState={keyState} />
      {isLeadership(identity.role) && (
        <DecisionsSection weekId={weekId} identity={identity} weekDoc={weekDoc} workspace={workspace} keyState={keyState} closed={closed} />
      )}
    </div>
  )
}
