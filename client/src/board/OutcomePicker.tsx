import {
  clearOutcome,
  NAME_MAX,
  OUTCOME_KINDS,
  OUTCOME_LABELS,
  OUTCOME_SUMMARY_MAX,
  recordOutcome,
  type Outcome,
  type OutcomeInput,
  type OutcomeKind,
  type ReviewItem,
} from '@fourwall/shared'
import { useEffect, useState } from 'react'
import { RecordInLedger } from '../ledger/RecordInLedger.js'
import { useBoard } from './BoardContext.js'
import { tryCommand } from './writeItem.js'

interface Draft {
  kind: OutcomeKind | null
  summary: string
  owner: string
  due: string
  /** The ledger rows the recorded outcome links to: editing its summary keeps the link. */
  shiftId: string | null
  decisionId: string | null
}

function draftOf(outcome: Outcome | null): Draft {
  return {
    kind: outcome?.kind ?? null,
    summary: outcome && (outcome.kind === 'shift' || outcome.kind === 'decision') ? outcome.summary : '',
    owner: outcome?.kind === 'follow-up' ? outcome.owner : '',
    due: outcome?.kind === 'follow-up' ? outcome.due : '',
    shiftId: outcome?.kind === 'shift' ? (outcome.shiftId ?? null) : null,
    decisionId: outcome?.kind === 'decision' ? (outcome.decisionId ?? null) : null,
  }
}

function inputOf(draft: Draft & { kind: OutcomeKind }): OutcomeInput {
  switch (draft.kind) {
    case 'resolved':
      return { kind: 'resolved' }
    case 'shift':
      return draft.shiftId ? { kind: 'shift', summary: draft.summary, shiftId: draft.shiftId } : { kind: 'shift', summary: draft.summary }
    case 'decision':
      return draft.decisionId ? { kind: 'decision', summary: draft.summary, decisionId: draft.decisionId } : { kind: 'decision', summary: draft.summary }
    case 'follow-up':
      return { kind: 'follow-up', owner: draft.owner, due: draft.due }
  }
}

/**
 * What the review decided: Resolved, a resource shift or a decision (each in a line), or a follow-up
 * (who, by when). The choice is a draft until "Record outcome"; the shared model checks it and its
 * sentence shows here when something is missing. A resource shift links to its row in the week's
 * ledger (client/src/ledger), made from here with "Record it in the ledger".
 */
export function OutcomePicker({ item }: { item: ReviewItem }) {
  const { store, identity } = useBoard()
  const [draft, setDraft] = useState<Draft>(() => draftOf(item.outcome))
  const [problem, setProblem] = useState<string | null>(null)
  const id = item.id
  const problemId = `outcome-${id}-problem`

  // A new outcome from anyone replaces the draft; an edit of another field of the item (which
  // re-reads the item, outcome included) must not wipe what is being chosen here.
  const recorded = JSON.stringify(item.outcome)
  useEffect(() => {
    setDraft(draftOf(item.outcome))
    setProblem(null)
  }, [recorded])

  const change = (patch: Partial<Draft>): void => {
    setDraft((previous) => ({ ...previous, ...patch }))
    setProblem(null)
  }
  const record = (): void => {
    const { kind } = draft
    if (kind === null) {
      setProblem('Choose an outcome first: Resolved, Resource shift, Decision or Follow-up.')
      return
    }
    setProblem(tryCommand(() => recordOutcome(store.doc, id, inputOf({ ...draft, kind }), { by: { id: identity.id, name: identity.name } })))
  }

  return (
    <fieldset className="outcome-picker" data-outcome-picker>
      <legend>Outcome</legend>
      <div className="outcome-picker__kinds">
        {OUTCOME_KINDS.map((kind) => (
          <label key={kind} className="outcome-picker__kind">
            <input type="radio" name={`outcome-${id}`} value={kind} checked={draft.kind === kind} onChange={() => change({ kind })} />
            {OUTCOME_LABELS[kind]}
          </label>
        ))}
      </div>
      {(draft.kind === 'shift' || draft.kind === 'decision') && (
        <div className="field">
          <label htmlFor={`outcome-summary-${id}`}>{draft.kind === 'shift' ? 'The resource shift, in one line' : 'The decision, in one line'}</label>
          <input
            id={`outcome-summary-${id}`}
            type="text"
            value={draft.summary}
            maxLength={OUTCOME_SUMMARY_MAX}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => change({ summary: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') record()
            }}
          />
        </div>
      )}
      {/* A resource shift is recorded in the week's ledger too, with its people, skill and status. */}
      {draft.kind === 'shift' && <RecordInLedger item={item} summary={draft.summary} />}
      {draft.kind === 'follow-up' && (
        <div className="outcome-picker__follow-up">
          <div className="field">
            <label htmlFor={`outcome-owner-${id}`}>Follow-up owner</label>
            <input
              id={`outcome-owner-${id}`}
              type="text"
              value={draft.owner}
              maxLength={NAME_MAX}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => change({ owner: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`outcome-due-${id}`}>Follow-up due date</label>
            <input
              id={`outcome-due-${id}`}
              type="date"
              value={draft.due}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => change({ due: event.target.value })}
            />
          </div>
        </div>
      )}
      <div className="outcome-picker__actions">
        <button type="button" className="button button--small" onClick={record}>
          Record outcome
        </button>
        {item.outcome && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setProblem(tryCommand(() => clearOutcome(store.doc, id)))}
          >
            Clear outcome
          </button>
        )}
      </div>
      {problem && (
        <p id={problemId} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}
