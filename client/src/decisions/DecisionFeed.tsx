import { bothLeadsSigned, signatureState, type WeekId } from '@fourwall/shared'
import { useMemo } from 'react'
import type * as Y from 'yjs'
import { StatusIcon } from '../components/StatusIcon.js'
import { useDocValue } from '../hooks/useWorkspaceDoc.js'
import { DecisionReadout } from './DecisionReadout.js'
import { okrOptions, principleOptions } from './links.js'
import { SignatureBadges } from './SignatureBadges.js'
import type { DecisionKeyState } from './useDecisionKey.js'
import { useDecisionList } from './useDecisionList.js'

interface Props {
  weekId: WeekId
  /** The public week document, once synced. */
  weekDoc: Y.Doc | null
  workspace: Y.Doc | null
  keyState: DecisionKeyState
}

/**
 * What the leads decided this week, for everyone (team leads included): each decision both leads
 * signed, with its rationale in plain words, whose call it was, the principles it follows, and both
 * signatures as checked on this page against the server's key.
 */
export function DecisionFeed({ weekId, weekDoc, workspace, keyState }: Props) {
  const decisions = useDecisionList(weekDoc)
  const published = useMemo(() => decisions?.filter((decision) => decision.status === 'published') ?? null, [decisions])
  const okrs = useDocValue(weekDoc, okrOptions) ?? []
  const principles = useDocValue(workspace, principleOptions) ?? []
  const publicKey = keyState.status === 'ready' ? keyState.publicKey : null

  return (
    <section className="panel decision-feed" aria-labelledby="decision-feed-title" data-decision-feed>
      <h2 id="decision-feed-title">Published decisions</h2>
      {published === null ? (
        <p role="status" className="loading" aria-busy="true">
          <StatusIcon kind="connecting" /> Loading the decisions…
        </p>
      ) : published.length === 0 ? (
        <p className="muted" data-decision-feed-empty>
          No decision published this week yet. One appears here as soon as both leads have signed it.
        </p>
      ) : (
        <ol className="stack-list decision-feed__list">
          {published.map((decision) => {
            const states = publicKey ? signatureState(decision, publicKey, weekId) : null
            const trusted = states !== null && bothLeadsSigned(states)
            return (
              <li key={decision.id}>
                <article className="decision-feed__item" aria-labelledby={`published-${decision.id}`} data-published-decision={decision.id}>
                  <h3 id={`published-${decision.id}`}>{decision.title}</h3>
                  {states && !trusted && (
                    <p className="notice notice--problem" data-decision-untrusted>
                      <StatusIcon kind="problem" /> Not both signatures check out for this text: treat it as not decided, and ask the leads.
                    </p>
                  )}
                  <DecisionReadout decision={decision} okrs={okrs} principles={principles} />
                  <SignatureBadges decision={decision} states={states} />
                </article>
              </li>
            )
          })}
        </ol>
      )}
      {keyState.status === 'failed' && (
        <p className="notice notice--problem" role="alert">
          <StatusIcon kind="problem" /> Signatures cannot be checked: {keyState.problem}
        </p>
      )}
    </section>
  )
}
