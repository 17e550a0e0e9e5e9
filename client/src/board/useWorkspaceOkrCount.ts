import { listOkrs } from '@fourwall/shared'
import type * as Y from 'yjs'
import { useDocValue, useWorkspaceDoc } from '../hooks/useWorkspaceDoc.js'

const countOkrs = (doc: Y.Doc): number => listOkrs(doc).length

/**
 * How many OKRs the workspace has (null until it has loaded), for the empty week: creating a review
 * from an empty workspace gives an empty board, so the page points to the workspace instead.
 */
export function useWorkspaceOkrCount(): number | null {
  return useDocValue(useWorkspaceDoc(), countOkrs)
}
