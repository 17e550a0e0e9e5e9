/**
 * What every part of the board reads without it being passed down through the rows: the stores and
 * who is looking. The value is memoised by BoardScreen, so a re-render of the page above does not
 * re-render the rows (they take only their id).
 */
import { createContext, useContext } from 'react'
import type { Identity } from '../lib/identity.js'
import type { ItemStore } from './ItemStore.js'
import type { PresenceStore } from './PresenceStore.js'
import type { SelectionStore } from './SelectionStore.js'
import type { TypingReporter } from './useItemPresence.js'

export interface Board {
  store: ItemStore
  selection: SelectionStore
  /** Null until the document's provider exists. */
  presence: PresenceStore | null
  typing: TypingReporter
  /** Whether this person may change the week now: an editing role and an open week. */
  editable: boolean
  identity: Identity
}

export const BoardContext = createContext<Board | null>(null)

export function useBoard(): Board {
  const board = useContext(BoardContext)
  if (!board) throw new Error('useBoard() is used outside the board (no BoardContext above it).')
  return board
}
