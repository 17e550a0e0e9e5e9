import { signatureState, type WeekId } from '@fourwall/shared'
import { useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import { StatusIcon } from '../components/StatusIcon.js'
import { useDocValue } from '../hooks/useWorkspaceDoc.js'
import type { Identity } from '../lib/identity.js'
import { DecisionChannel } from './DecisionChannel.js'
import type { DecisionLinks } from './DecisionEditor.js'
import { DecisionListItem } from './DecisionListItem.js'
import { domainOptions, okrOptions, principleOptions, shiftOptions } from './links.js'
import { NewDecisionForm } from './NewDecisionForm.js'
import type { DecisionKeyState } from './useDecisionKey.js'
import { useDecisionList } from './useDecisionList.js'
import { usePrivateWeekDoc } from './usePrivateWeekDoc.js'

interface Props {
  weekId: WeekId
  identity: Identity
  /** The public week document, once synced: its items and shifts are what a decision links. */
  weekDoc: Y.Doc | null
  workspace: Y.Doc | null
  keyState: DecisionKeyState
  closed: boolean
}

/**
 * The leadership's decisions of the week, drafts included: behind the four walls, in the week's
 * private document, which only the leads and their chiefs of staff can open.
 */
export function DecisionsSection({ weekId, identity, weekDoc, workspace, keyState, closed }: Props) {
  const privateDoc = usePrivateWeekDoc(weekId)
  const doc = privateDoc.status === 'ready' ? privateDoc.doc : null
  const decisions = useDecisionList(doc)
  const [openId, setOpenId] = useState<string | null>(null)
  const channel = useMemo(() => new DecisionChannel(), [])
  useEffect(() => () => channel.close(), [channel])

  const okrs = useDocValue(weekDoc, okrOptions)
  const shifts = useDocValue(weekDoc, shiftOptions)
  const principles = useDocValue(workspace, principleOptions)
  const domains = useDocValue(workspace, domainOptions)
  const links = useMemo<DecisionLinks>(
    () => ({ okrs: okrs ?? [], shifts: shifts ?? [], principles: principles ?? [], domains: domains ?? [] }),
    [okrs, shifts, principles, domains],
  )
  const publicKey = keyState.status === 'ready' ? keyState.publicKey : null

  return (
    <section className="panel decisions-section" aria-labelledby="decisions-section-title" data-decisions-section>
      <h2 id="decisions-section-title">Decisions</h2>
      <p className="muted small">
        Behind the four walls: only the leads and their chiefs of staff see drafts. A decision reaches everyone once both leads have
        signed the same text.
      </p>
      {keyState.status === 'failed' && (
        <p className="notice notice--problem" role="alert">
          <StatusIcon kind="problem" /> Signatures cannot be checked: {keyState.problem}
        </p>
      )}
      {privateDoc.status === 'refused' ? (
        <p className="notice notice--problem" role="alert">
          <StatusIcon kind="problem" /> The drafts could not be opened: {privateDoc.reason}
        </p>
      ) : !doc || !decisions ? (
        <p role="status" className="loading" aria-busy="true">
          <StatusIcon kind="connecting" /> Loading the decisions…
        </p>
      ) : (
        <>
          {!closed && <NewDecisionForm doc={doc} identity={identity} onCreated={setOpenId} />}
          {decisions.length === 0 ? (
            <p className="muted" data-decisions-empty>
              No decisions this week yet.{closed ? '' : ' Draft one above when the review settles something.'}
            </p>
          ) : (
            <ul className="stack-list decision-list">
              {decisions.map((decision) => (
                <DecisionListItem
                  key={decision.id}
                  weekId={weekId}
                  doc={doc}
                  decision={decision}
                  states={publicKey ? signatureState(decision, publicKey, weekId) : null}
                  links={links}
                  identity={identity}
                  channel={channel}
                  open={openId === decision.id}
                  closed={closed}
                  onToggle={() => setOpenId((current) => (current === decision.id ? null : decision.id))}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
