import { listOkrs, listTeams, okrsMap, teamsMap, type Okr, type Team } from '@fourwall/shared'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

export interface WorkspaceContent {
  /** Sorted by name. */
  teams: Team[]
  /** In board order. */
  okrs: Okr[]
}

function read(doc: Y.Doc): WorkspaceContent {
  return { teams: listTeams(doc), okrs: listOkrs(doc) }
}

/**
 * The workspace's teams and OKRs, read again after every change, local or remote: another person's
 * edit shows up without a reload. The workspace is small (tens of teams, hundreds of OKRs), so one
 * re-read per transaction is cheaper than tracking which entry changed.
 */
export function useWorkspace(doc: Y.Doc): WorkspaceContent {
  const [content, setContent] = useState<WorkspaceContent>(() => read(doc))
  useEffect(() => {
    const teams = teamsMap(doc)
    const okrs = okrsMap(doc)
    const update = (): void => setContent(read(doc))
    update()
    teams.observeDeep(update)
    okrs.observeDeep(update)
    return () => {
      teams.unobserveDeep(update)
      okrs.unobserveDeep(update)
    }
  }, [doc])
  return content
}
