import { DecisionEditor, type DecisionEditorProps } from './DecisionEditor.js'
import { DecisionReadout } from './DecisionReadout.js'
import { DecisionStatusBadge } from './DecisionStatusBadge.js'
import { SignatureBadges } from './SignatureBadges.js'
import { signatureSummary } from './signatureSummary.js'

interface Props extends DecisionEditorProps {
  open: boolean
  /** The week is closed: everything reads, nothing changes. */
  closed: boolean
  onToggle(): void
}

/** One decision in the leadership's list: its title, status and signatures; open, its editor. */
export function DecisionListItem({ weekId, doc, decision, states, links, identity, channel, open, closed, onToggle }: Props) {
  const panelId = `decision-panel-${decision.id}`
  const editable = !closed && decision.status !== 'superseded'
  return (
    <li className="decision-item" data-decision-id={decision.id} data-open={open}>
      <div className="decision-item__head">
        <button type="button" className="title-toggle decision-item__toggle" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>
          {decision.title || 'Untitled decision'}
        </button>
        <DecisionStatusBadge status={decision.status} />
        <span className="decision-item__summary muted small" data-signature-summary>
          {signatureSummary(decision, states)}
        </span>
      </div>
      {open && (
        <div id={panelId} className="decision-item__panel">
          {editable ? (
            <DecisionEditor weekId={weekId} doc={doc} decision={decision} states={states} links={links} identity={identity} channel={channel} />
          ) : (
            <>
              <DecisionReadout decision={decision} okrs={links.okrs} principles={links.principles} showContext />
              <SignatureBadges decision={decision} states={states} />
            </>
          )}
        </div>
      )}
    </li>
  )
}
