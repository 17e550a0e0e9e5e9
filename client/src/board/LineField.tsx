import { updateItem, type TypingField } from '@fourwall/shared'
import { CommittedField } from '../components/fields/CommittedField.js'
import { WRITE_DELAY_MS } from '../components/fields/useCommittedValue.js'
import { useBoard } from './BoardContext.js'
import { TypingNote } from './TypingNote.js'
import { tryCommand } from './writeItem.js'

interface Props {
  itemId: string
  field: TypingField
  label: string
  /** The value in the document. */
  value: string
  maxLength: number
  /** The shared model's check of the field (noteError, ownerError, askError). */
  validate(value: unknown): string | null
  placeholder?: string
}

/**
 * A one-line text field of an item, written to the document while you type and at once on Enter or
 * when you leave it (see useCommittedValue). While you type, the others see "… is typing" beside it.
 */
export function LineField({ itemId, field, label, value, maxLength, validate, placeholder }: Props) {
  const { store, typing } = useBoard()
  return (
    <CommittedField
      id={`${field}-${itemId}`}
      label={label}
      className="item-field"
      // Beside the label, not in it: the field's name stays "Status note" while someone types.
      besideLabel={<TypingNote itemId={itemId} field={field} />}
      field={field}
      value={value}
      maxLength={maxLength}
      placeholder={placeholder}
      validate={validate}
      commit={(text) => tryCommand(() => updateItem(store.doc, itemId, { [field]: text }))}
      writeDelayMs={WRITE_DELAY_MS}
      onTyping={() => typing.typing(itemId, field)}
      onDone={() => typing.stopped(itemId, field)}
    />
  )
}
