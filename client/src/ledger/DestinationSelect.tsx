import { itemLabel, itemsAsDestinations } from './ledgerText.js'
import type { LedgerItem } from './useLedger.js'

interface Props {
  id: string
  /** The chosen item's OKR id, or '' while nothing is chosen. */
  value: string
  items: readonly LedgerItem[]
  onChange(okrId: string): void
  describedBy?: string
  autoFocus?: boolean
}

/**
 * The Red or Yellow item the people go to (Red first). An item chosen earlier that has since turned
 * Green stays listed, with its status in words, so the field still shows what the row says.
 */
export function DestinationSelect({ id, value, items, onChange, describedBy, autoFocus }: Props) {
  const offered = itemsAsDestinations(items)
  const current = items.find((item) => item.id === value)
  const options = current && !offered.includes(current) ? [current, ...offered] : offered
  return (
    <select id={id} value={value} aria-describedby={describedBy} autoFocus={autoFocus} onChange={(event) => onChange(event.target.value)} data-field="to">
      {(value === '' || !current) && <option value="">{offered.length === 0 ? 'No Red or Yellow item this week' : 'Choose a Red or Yellow item…'}</option>}
      {options.map((item) => (
        <option key={item.id} value={item.id}>
          {itemLabel(item)}
        </option>
      ))}
    </select>
  )
}
