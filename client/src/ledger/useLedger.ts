import { listItems, listShifts, listTeams, type ReviewItem, type Shift, type Team } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useDocsSnapshot } from '../hooks/useDocsSnapshot.js'

/** What the ledger needs of an item: enough to offer it in a picker and to count it for its team. */
export type LedgerItem = Pick<ReviewItem, 'id' | 'objective' | 'teamId' | 'teamName' | 'status'>

export interface LedgerSnapshot {
  /** In the order they were added. */
  shifts: Shift[]
  /** The week's items in board order. */
  items: LedgerItem[]
  /** The workspace's teams by name (empty until the workspace has loaded). */
  teams: Team[]
}

function read(weekDoc: Y.Doc, workspace: Y.Doc | null): LedgerSnapshot {
  return {
    shifts: listShifts(weekDoc),
    items: listItems(weekDoc).map(({ id, objective, teamId, teamName, status }) => ({ id, objective, teamId, teamName, status })),
    teams: workspace ? listTeams(workspace) : [],
  }
}

/**
 * The ledger's rows with the items and teams they refer to, read again after every change of either
 * document, local or remote. A change the ledger does not show (a status note being typed) leaves
 * the snapshot as it was, so the section does not re-render while people write notes.
 */
export function useLedger(weekDoc: Y.Doc, workspace: Y.Doc | null): LedgerSnapshot {
  return useDocsSnapshot(weekDoc, workspace, () => read(weekDoc, workspace))
}
