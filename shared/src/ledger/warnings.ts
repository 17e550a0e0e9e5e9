/**
 * What the board says beside a shift, in words (with an icon, never colour alone): a shift that
 * takes people from an item that is itself Red or Yellow, or leaves a team below zero, is worth a
 * second look; one that goes to an item since turned Green gets a gentle note.
 */
import type * as Y from 'yjs'
import { readItem } from '../review/items.js'
import { STATUS_LABELS } from '../review/status.js'
import { readTeam } from '../review/workspace.js'
import { headcountText, headcountAfter, type TeamCapacity } from './capacity.js'
import type { Shift } from './shift.js'

export type ShiftWarningKind = 'from-red' | 'from-yellow' | 'below-zero' | 'to-green'

export interface ShiftWarning {
  kind: ShiftWarningKind
  /** A warning asks for a second look; a note only reminds. */
  level: 'warning' | 'note'
  sentence: string
}

/**
 * The warnings of one shift. `capacity` is this week's capacity (capacityByTeam): a team is below
 * zero when its headcount plus this week's net is negative. Reverted shifts warn about nothing.
 */
export function shiftWarnings(shift: Shift, weekDoc: Y.Doc, workspace: Y.Doc | null, capacity: readonly TeamCapacity[]): ShiftWarning[] {
  if (shift.status === 'reverted') return []
  const warnings: ShiftWarning[] = []
  const source = shift.from?.kind === 'item' ? readItem(weekDoc, shift.from.okrId) : null
  if (source && (source.status === 'red' || source.status === 'yellow')) {
    warnings.push({
      kind: source.status === 'red' ? 'from-red' : 'from-yellow',
      level: 'warning',
      sentence: `Takes people from a ${STATUS_LABELS[source.status]} item (${source.objective}).`,
    })
  }
  // The same team capacityByTeam counts the shift against (capacity.ts).
  const teamId = shift.from?.kind === 'team' ? shift.from.teamId : (source?.teamId ?? null)
  const team = teamId ? capacity.find((entry) => entry.teamId === teamId) : undefined
  if (team) {
    const headcount = team.headcount ?? (workspace ? readTeam(workspace, team.teamId)?.headcount : undefined) ?? null
    const left = headcountAfter({ headcount }, team)
    if (left !== null && left < 0) warnings.push({ kind: 'below-zero', level: 'warning', sentence: `Leaves ${team.teamName} at ${headcountText(left)}.` })
  }
  if (shift.to !== null) {
    const destination = readItem(weekDoc, shift.to)
    if (destination?.status === 'green') {
      warnings.push({ kind: 'to-green', level: 'note', sentence: `Goes to a Green item (${destination.objective}): is it still needed there?` })
    }
  }
  return warnings
}
