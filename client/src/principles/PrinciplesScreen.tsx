import { can } from '@fourwall/shared'
import type * as Y from 'yjs'
import { WorkspaceDocPage } from '../components/WorkspaceDocPage.js'
import type { Session } from '../hooks/useSession.js'
import type { Identity } from '../lib/identity.js'
import { AddPrincipleForm } from './AddPrincipleForm.js'
import { PrincipleRow } from './PrincipleRow.js'
import { usePrinciples } from './usePrinciples.js'

/**
 * The product principles (`/principles`): an ordered list every role reads, live from the
 * `workspace` document; the leads, their chiefs of staff and admins (`principle.edit`) add, edit,
 * reorder and remove them in place. Others get the same list as text with no controls, and the
 * server refuses their writes anyway.
 */
export function PrinciplesScreen({ identity, session }: { identity: Identity; session: Session }) {
  const editable = can(identity.role, 'principle.edit')
  return (
    <WorkspaceDocPage
      screen="principles"
      title="Product principles"
      identity={identity}
      session={session}
      editable={editable}
      loading="Loading the principles…"
      content={(doc) => <PrincipleList doc={doc} editable={editable} />}
    >
      <p className="principles-screen__intro">
        What the product stands for, in order. Decisions cite these principles to say why a choice helps the mission.
      </p>
      {!editable && (
        <p className="notice notice--read-only" data-read-only>
          <strong>Read-only view.</strong> The leads, their chiefs of staff and admins keep the principles; you can read them here.
        </p>
      )}
    </WorkspaceDocPage>
  )
}

function PrincipleList({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const principles = usePrinciples(doc)
  return (
    <>
      <section className="principles" aria-labelledby="principles-heading" data-section="principles">
        <h2 id="principles-heading">
          The principles <span className="muted small">({principles.length})</span>
        </h2>
        {principles.length === 0 ? (
          <p className="empty" data-empty="principles">
            No principles yet.{' '}
            {editable ? 'Add the first one below: a short name and what it means.' : 'The leads will write them down here.'}
          </p>
        ) : (
          <ol className="stack-list principle-list">
            {principles.map((principle, index) => (
              <PrincipleRow
                key={principle.id}
                doc={doc}
                principle={principle}
                number={index + 1}
                editable={editable}
                isFirst={index === 0}
                isLast={index === principles.length - 1}
              />
            ))}
          </ol>
        )}
      </section>
      {editable && <AddPrincipleForm doc={doc} />}
    </>
  )
}
