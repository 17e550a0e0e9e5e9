/** A small workspace and week for the ledger-*.test.ts files: real Y.Docs, deterministic ids. */
import * as Y from 'yjs'
import { addOkr, addTeam, createWeekFrom, setStatus, type Domain, type Status, type WeekId } from '@fourwall/shared'
import { counterIds } from './review-fixtures.js'

export const PAT = { id: 'person-pat', name: 'Pat Product' }

export interface LedgerOkr {
  objective: string
  team: string
  status: Status
  domain?: Domain
}

export interface LedgerWorld {
  workspace: Y.Doc
  week: Y.Doc
  /** Team ids by name. */
  team: Record<string, string>
  /** OKR (item) ids by objective. */
  okr: Record<string, string>
}

/** A workspace with the named teams and OKRs, and a week created from it with each item's status set. */
export function ledgerWorld(okrs: readonly LedgerOkr[], weekId: WeekId = '2026-W48'): LedgerWorld {
  const workspace = new Y.Doc()
  const newId = counterIds('w')
  const team: Record<string, string> = {}
  const okr: Record<string, string> = {}
  for (const entry of okrs) {
    team[entry.team] ??= addTeam(workspace, entry.team, { newId }).id
    okr[entry.objective] = addOkr(workspace, { objective: entry.objective, teamId: team[entry.team]!, domain: entry.domain ?? 'product' }, { newId }).id
  }
  const week = new Y.Doc()
  createWeekFrom(null, workspace, week, weekId, { now: new Date('2026-11-23T09:00:00Z') })
  for (const entry of okrs) setStatus(week, okr[entry.objective]!, entry.status)
  return { workspace, week, team, okr }
}

/** The default world: Payments and Mobile with a Red, a Yellow and a Green item, and a Search team. */
export function paymentsAndMobile(weekId?: WeekId): LedgerWorld {
  return ledgerWorld(
    [
      { objective: 'Cut checkout latency', team: 'Payments', status: 'red' },
      { objective: 'Ship refunds', team: 'Payments', status: 'yellow' },
      { objective: 'Android launch', team: 'Mobile', status: 'red' },
      { objective: 'Offline mode', team: 'Mobile', status: 'green' },
      { objective: 'Faster search', team: 'Search', status: 'green' },
    ],
    weekId,
  )
}
