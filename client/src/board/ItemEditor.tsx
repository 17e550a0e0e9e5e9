import { askError, ASK_MAX, noteError, NOTE_MAX, ownerError, OWNER_MAX, type ReviewItem } from '@fourwall/shared'
import { DueField } from './DueField.js'
import { KeyResults } from './KeyResults.js'
import { LineField } from './LineField.js'
import { OutcomePicker } from './OutcomePicker.js'
import { StatusPicker } from './StatusPicker.js'

/** An open item for someone who may edit it: status, note, owner, ask, due date and the outcome. */
export function ItemEditor({ item }: { item: ReviewItem }) {
  return (
    <div className="item-editor" data-item-editor>
      <KeyResults keyResults={item.keyResults} />
      <StatusPicker itemId={item.id} status={item.status} />
      <LineField
        itemId={item.id}
        field="note"
        label="Status note"
        value={item.note}
        maxLength={NOTE_MAX}
        validate={noteError}
        placeholder="One line: what changed, what is blocking"
      />
      <div className="item-editor__facts">
        <LineField itemId={item.id} field="owner" label="Owner" value={item.owner} maxLength={OWNER_MAX} validate={ownerError} />
        <LineField itemId={item.id} field="ask" label="Ask" value={item.ask} maxLength={ASK_MAX} validate={askError} />
        <DueField itemId={item.id} value={item.due} />
      </div>
      <OutcomePicker item={item} />
    </div>
  )
}
