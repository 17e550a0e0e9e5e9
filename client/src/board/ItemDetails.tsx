import { OUTCOME_LABELS, STATUS_LABELS, type ReviewItem } from '@fourwall/shared'
import { KeyResults } from './KeyResults.js'
import { outcomeDetails } from './OutcomeText.js'
import { TypingNote } from './TypingNote.js'

/**
 * An open item for someone who only watches (a team lead, or anyone once the week is closed): the
 * same facts as the editor, as text. No input at all, so there is nothing to type into.
 */
export function ItemDetails({ item }: { item: ReviewItem }) {
  const none = <span className="muted">—</span>
  return (
    <div className="item-details" data-item-details>
      <KeyResults keyResults={item.keyResults} />
      <dl className="item-details__list">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[item.status]}</dd>
        <dt>Status note</dt>
        <dd>
          {item.note || none} <TypingNote itemId={item.id} field="note" />
        </dd>
        <dt>Owner</dt>
        <dd>
          {item.owner || none} <TypingNote itemId={item.id} field="owner" />
        </dd>
        <dt>Ask</dt>
        <dd>
          {item.ask || none} <TypingNote itemId={item.id} field="ask" />
        </dd>
        <dt>Due date</dt>
        <dd>{item.due ?? none}</dd>
        <dt>Outcome</dt>
        <dd>
          {item.outcome ? (
            <>
              {OUTCOME_LABELS[item.outcome.kind]}
              {outcomeDetails(item.outcome) && `: ${outcomeDetails(item.outcome)}`}
            </>
          ) : (
            'None recorded'
          )}
        </dd>
      </dl>
    </div>
  )
}
