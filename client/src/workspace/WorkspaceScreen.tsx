import { can } from '@fourwall/shared'
import type * as Y from 'yjs'
import { WorkspaceDocPage } from '../components/WorkspaceDocPage.js'
import type { Session } from '../hooks/useSession.js'
import type { Identity } from '../lib/identity.js'
import { CsvImport } from './CsvImport.js'
import { DomainsSection } from './DomainsSection.js'
import { DemoOffer } from './DemoOffer.js'
import { OkrsSection } from './OkrsSection.js'
import { PeopleNote } from './PeopleNote.js'
import { TeamsSection } from './TeamsSection.js'
import { useWorkspace } from './useWorkspace.js'

/**
 * The workspace setup page: the teams and the OKRs every weekly review is built from, edited live
 * in the shared `workspace` document, and a CSV import. Roles without `workspace.write` read the
 * same content as text, with no controls (the server refuses their writes anyway).
 */
export function WorkspaceScreen({ identity, session }: { identity: Identity; session: Session }) {
  const editable = can(identity.role, 'workspace.write')
  return (
    <WorkspaceDocPage
      screen="workspace"
      title="Workspace"
      identity={identity}
      session={session}
      editable={editable}
      loading="Loading the workspace…"
      content={(doc) => <WorkspaceContent doc={doc} identity={identity} editable={editable} />}
    >
      {!editable && (
        <p className="notice notice--read-only" data-read-only>
          <strong>Read-only view.</strong> The leads, their chiefs of staff and admins set up the teams and OKRs; you can
          read them here.
        </p>
      )}
      <PeopleNote identity={identity} />
    </WorkspaceDocPage>
  )
}

function WorkspaceContent({ doc, identity, editable }: { doc: Y.Doc; identity: Identity; editable: boolean }) {
  const content = useWorkspace(doc)
  const { teams, okrs } = content
  return (
    <>
      <OkrsSection doc={doc} teams={teams} okrs={okrs} editable={editable} whenEmpty={<DemoOffer role={identity.role} />} />
      <TeamsSection doc={doc} teams={teams} okrs={okrs} editable={editable} />
      <DomainsSection doc={doc} identity={identity} />
      {editable && <CsvImport doc={doc} version={content} />}
    </>
  )
}
