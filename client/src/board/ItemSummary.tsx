import { atRiskLabel, DOMAIN_LABELS, type ReviewItem } from '@fourwall/shared'
import { OutcomeText } from './OutcomeText.js'
import { RowViewers } from './RowViewers.js'
import { StatusBadge } from './StatusBadge.js'
import { TrendStrip } from './TrendStrip.js'
import { TypingNote } from './TypingNote.js'

interface Props {
  item: ReviewItem
  expanded: boolean
  /** The id of the details region the toggle opens. */
  detailsId: string
}

/** The counter is shown from the second week on: one week at risk is news, not a pattern. */
const AT_RISK_SHOWN_FROM = 2

/** What a row always shows: status, objective, team and domain, the note, owner/ask/due, trend, outcome. */
export function ItemSummary({ item, expanded, detailsId }: Props) {
  const atRisk = item.atRiskWeeks >= AT_RISK_SHOWN_FROM ? atRiskLabel(item) : ''
  const facts = [
    item.owner && ['Owner', item.owner],
    item.ask && ['Ask', item.ask],
    item.due && ['Due', item.due],
  ].filter((fact): fact is [string, string] => Boolean(fact))
  return (
    <div className="item-row__summary">
      <StatusBadge status={item.status} />
      <div className="item-row__main">
        <h3 className="item-row__title">
          {/* The row's one button: Enter or a click opens the item (the click bubbles to the row). */}
          <button type="button" className="title-toggle item-row__toggle" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined}>
            {item.objective || 'Untitled OKR'}
          </button>
        </h3>
        <p className="item-row__meta">
          <span>{item.teamName || 'No team'}</span>
          <span aria-hidden="true"> · </span>
          <span>{DOMAIN_LABELS[item.domain]}</span>
          {atRisk && (
            <span className="item-row__at-risk" data-at-risk={item.atRiskWeeks}>
              {atRisk}
            </span>
          )}
          {/* Open, the editor shows it beside the field itself. */}
          {!expanded && <TypingNote itemId={item.id} field="note" />}
        </p>
        {item.note && (
          <p className="item-row__note">
            <span data-note>{item.note}</span>
          </p>
        )}
        {facts.length > 0 && (
          <p className="item-row__facts">
            {facts.map(([label, value]) => (
              <span key={label} className="item-row__fact">
                <span className="muted">{label}:</span> {value}
              </span>
            ))}
          </p>
        )}
        {item.outcome && <OutcomeText outcome={item.outcome} />}
      </div>
      <div className="item-row__side">
        <TrendStrip trend={item.trend} />
        <RowViewers itemId={item.id} />
      </div>
    </div>
  )
}
