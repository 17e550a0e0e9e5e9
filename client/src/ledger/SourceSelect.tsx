import type { Team } from '@fourwall/shared'
import { itemLabel, itemsAsSources, OTHER_SOURCE } from './ledgerText.js'
import type { LedgerItem } from './useLedger.js'

interface Props {
  id: string
  /** A sourceKey (ledgerText.ts), or '' while nothing is chosen. */
  value: string
  teams: readonly Team[]
  items: readonly LedgerItem[]
  onChange(key: string): void
  describedBy?: string
}

/**
 * Where people come from: a team, an item of this week (Green ones first, each with its status in
 * words), or somewhere else said in words (a new hire, contractors).
 */
export function SourceSelect({ id, value, teams, items, onChange, describedBy }: Props) {
  return (
    <select id={id} value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} data-field="from">
      {value === '' && <option value="">Choose where they come from…</option>}
      {teams.length > 0 && (
        <optgroup label="Teams">
          {teams.map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              {team.name} (team)
            </option>
          ))}
        </optgroup>
      )}
      {items.length > 0 && (
        <optgroup label="Items of this week, Green first">
          {itemsAsSources(items).map((item) => (
            <option key={item.id} value={`item:${item.id}`}>
              {itemLabel(item)}
            </option>
          ))}
        </optgroup>
      )}
      <option value={OTHER_SOURCE}>Somewhere else (say where)</option>
    </select>
  )
}
