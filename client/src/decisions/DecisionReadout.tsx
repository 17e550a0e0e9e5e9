import type { Decision } from '@fourwall/shared'
import { domainLine, type LinkOption } from './links.js'

interface Props {
  decision: Decision
  okrs: LinkOption[]
  principles: Array<LinkOption & { explanation?: string }>
  /** Show the context too (the feed folds it away; the leadership sees it all). */
  showContext?: boolean
}

function names(ids: string[], options: LinkOption[], missing: string): string[] {
  const byId = new Map(options.map((option) => [option.id, option.label]))
  return ids.map((id) => byId.get(id) ?? missing)
}

/** A decision as text, for reading: the decision, why, whose call, and what it cites. */
export function DecisionReadout({ decision, okrs, principles, showContext = false }: Props) {
  const domain = domainLine(decision)
  const cited = names(decision.principleIds, principles, 'A principle since removed from the workspace')
  const linked = names(decision.okrIds, okrs, 'An OKR no longer in this week')
  return (
    <div className="decision-readout">
      {domain && (
        <p className="decision-readout__domain" data-decision-domain>
          <strong>Domain:</strong> {domain}
        </p>
      )}
      {showContext && decision.context.trim() !== '' && (
        <div className="decision-readout__part">
          <h4>Context</h4>
          <p className="decision-readout__text">{decision.context}</p>
        </div>
      )}
      <div className="decision-readout__part">
        <h4>The decision</h4>
        <p className="decision-readout__text" data-decision-text>
          {decision.decision}
        </p>
      </div>
      <div className="decision-readout__part">
        <h4>Why</h4>
        <p className="decision-readout__text" data-decision-rationale>
          {decision.rationale}
        </p>
      </div>
      {!showContext && decision.context.trim() !== '' && (
        <details className="decision-readout__context">
          <summary>Context</summary>
          <p className="decision-readout__text">{decision.context}</p>
        </details>
      )}
      {cited.length > 0 && (
        <div className="decision-readout__part">
          <h4>Principles it follows</h4>
          <ul data-decision-principles>
            {cited.map((name, index) => (
              <li key={decision.principleIds[index]}>{name}</li>
            ))}
          </ul>
        </div>
      )}
      {linked.length > 0 && (
        <div className="decision-readout__part">
          <h4>Linked OKRs</h4>
          <ul>
            {linked.map((name, index) => (
              <li key={decision.okrIds[index]}>{name}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
