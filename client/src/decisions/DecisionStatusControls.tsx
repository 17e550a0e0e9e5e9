import { setDecisionStatus, type Decision, type DecisionStatus } from '@fourwall/shared'
import { useState } from 'react'
import type * as Y from 'yjs'
import { FormProblem } from '../components/FormProblem.js'
import { tryCommand } from '../board/writeItem.js'

interface Props {
  doc: Y.Doc
  decision: Decision
}

/** The moves people make by hand: propose a draft for signing, take it back, or supersede it. */
const MOVES: Array<{ to: DecisionStatus; label: string; from: readonly DecisionStatus[] }> = [
  { to: 'proposed', label: 'Propose for signing', from: ['draft'] },
  { to: 'draft', label: 'Back to draft', from: ['proposed'] },
  { to: 'superseded', label: 'Mark superseded', from: ['draft', 'proposed', 'aligned', 'published'] },
]

export function DecisionStatusControls({ doc, decision }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const moves = MOVES.filter((move) => move.from.includes(decision.status))
  if (moves.length === 0) return null
  return (
    <div className="row-actions">
      {moves.map((move) => (
        <button
          key={move.to}
          type="button"
          className={move.to === 'superseded' ? 'button button--small button--quiet button--danger-quiet' : 'button button--small button--quiet'}
          onClick={() => setProblem(tryCommand(() => setDecisionStatus(doc, decision.id, move.to)))}
        >
          {move.label}
        </button>
      ))}
      <FormProblem problem={problem} />
    </div>
  )
}
