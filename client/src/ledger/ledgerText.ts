/** How the ledger names where people come from and go to, in words on every screen. */
import { STATUS_LABELS, type ShiftSource, type Status, type Team } from '@fourwall/shared'
import type { LedgerItem } from './useLedger.js'

/** "Red: Android launch (Mobile)": the status in words first, so it never rests on colour. */
export function itemLabel(item: LedgerItem): string {
  return `${STATUS_LABELS[item.status]}: ${item.objective}${item.teamName ? ` (${item.teamName})` : ''}`
}

export function describeSource(source: ShiftSource | null, items: readonly LedgerItem[], teams: readonly Team[]): string {
  if (!source) return 'Not said'
  switch (source.kind) {
    case 'team':
      return teams.find((team) => team.id === source.teamId)?.name ?? 'A team no longer in the workspace'
    case 'item': {
      const item = items.find((candidate) => candidate.id === source.okrId)
      return item ? itemLabel(item) : 'An item no longer in this week'
    }
    case 'other':
      return source.label
  }
}

export function describeDestination(to: string | null, items: readonly LedgerItem[]): string {
  const item = to === null ? undefined : items.find((candidate) => candidate.id === to)
  return item ? itemLabel(item) : 'An item no longer in this week'
}

/** Green first (where people can most easily be spared), then Not set, Yellow, Red. */
const SOURCE_ORDER: Record<Status, number> = { green: 0, unset: 1, yellow: 2, red: 3 }

export function itemsAsSources(items: readonly LedgerItem[]): LedgerItem[] {
  return [...items].sort((a, b) => SOURCE_ORDER[a.status] - SOURCE_ORDER[b.status])
}

export function itemsAsDestinations(items: readonly LedgerItem[]): LedgerItem[] {
  return items.filter((item) => item.status === 'red' || item.status === 'yellow').sort((a, b) => SOURCE_ORDER[b.status] - SOURCE_ORDER[a.status])
}

/** A source as a select's value: "team:<id>", "item:<okrId>" or "other". */
export function sourceKey(source: ShiftSource | null): string {
  if (!source) return ''
  if (source.kind === 'team') return `team:${source.teamId}`
  if (source.kind === 'item') return `item:${source.okrId}`
  return 'other'
}

export const OTHER_SOURCE = 'other'

/** The source a select's value stands for; "other" needs its label said in words. */
export function sourceFromKey(key: string, label: string): ShiftSource | null {
  if (key.startsWith('team:')) return { kind: 'team', teamId: key.slice('team:'.length) }
  if (key.startsWith('item:')) return { kind: 'item', okrId: key.slice('item:'.length) }
  if (key === OTHER_SOURCE) return { kind: 'other', label }
  return null
}
