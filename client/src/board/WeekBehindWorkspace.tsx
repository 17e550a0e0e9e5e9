import { syncWeekWithWorkspace, workspaceDrift, type WorkspaceDrift } from '@fourwall/shared'
import { useState } from 'react'
import type * as Y from 'yjs'
import { useDocsSnapshot } from '../hooks/useDocsSnapshot.js'
import { useWorkspaceDoc } from '../hooks/useWorkspaceDoc.js'
import { tryCommand } from './writeItem.js'

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "2 OKRs were added to the workspace and 1 changed since this week's review was created." */
export function driftSentence({ added, updated }: WorkspaceDrift): string {
  const parts = [
    added.length > 0 && `${plural(added.length, 'OKR was', 'OKRs were')} added to the workspace`,
    updated.length > 0 && `${plural(updated.length, 'OKR was', 'OKRs were')} changed there`,
  ].filter(Boolean)
  return `${parts.join(' and ')} since this week's review was created.`
}

/**
 * A week is a copy of the workspace taken when it was created; OKRs added or renamed afterwards
 * wait for next week unless an editor brings this week up to date. Statuses, notes and outcomes
 * are never touched by it (shared/src/review/carryOver.ts). Only shown to people who may edit the
 * open week, and only while there is something to bring over.
 */
export function WeekBehindWorkspace({ weekDoc }: { weekDoc: Y.Doc }) {
  const workspace = useWorkspaceDoc()
  const drift = useDrift(workspace, weekDoc)
  const [problem, setProblem] = useState<string | null>(null)
  if (!workspace || !drift || (drift.added.length === 0 && drift.updated.length === 0)) return null
  return (
    <div className="notice notice--drift" role="status" data-week-drift>
      <p>{driftSentence(drift)}</p>
      <button type="button" className="button button--small" onClick={() => setProblem(tryCommand(() => syncWeekWithWorkspace(workspace, weekDoc)))}>
        Bring this week up to date
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}

/** The drift between the two documents, re-checked on every change of either; null until the workspace loads. */
function useDrift(workspace: Y.Doc | null, weekDoc: Y.Doc): WorkspaceDrift | null {
  // Most week edits (statuses, notes) change nothing here: useDocsSnapshot re-renders for none of them.
  return useDocsSnapshot(workspace, weekDoc, () => (workspace ? workspaceDrift(workspace, weekDoc) : null))
}
