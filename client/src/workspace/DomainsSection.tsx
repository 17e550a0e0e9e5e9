import { can, ROLE_LABELS } from '@fourwall/shared'
import type * as Y from 'yjs'
import { AddDomainForm } from '../domains/AddDomainForm.js'
import { DomainRow } from '../domains/DomainRow.js'
import { useOwnedDomains } from '../domains/useOwnedDomains.js'
import type { Identity } from '../lib/identity.js'

/**
 * The domain map on the workspace page: which lead owns which call. A question asked of the leads
 * goes to its domain's owner, and the other lead supports that call. Those with `domain.edit` add,
 * rename, describe, hand over, reorder and remove domains; everyone else reads the same table.
 */
export function DomainsSection({ doc, identity }: { doc: Y.Doc; identity: Identity }) {
  const domains = useOwnedDomains(doc) ?? []
  const editable = can(identity.role, 'domain.edit')
  return (
    <section className="workspace-section" aria-labelledby="domains-heading" data-section="domains">
      <h2 id="domains-heading">
        Domains and their owners <span className="muted small">({domains.length})</span>
      </h2>
      <p className="muted">
        Each lead owns some calls and defers to the other on theirs. A question about a domain goes to its owner; the other lead
        supports that call.
      </p>
      {editable && <AddDomainForm doc={doc} />}
      {domains.length === 0 ? (
        <p className="empty" data-empty="domains">
          No domains yet. {editable ? 'Add one above.' : 'The leads, their chiefs of staff or an admin set them up.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table domain-table">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Owner</th>
                {editable && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {domains.map((domain, index) =>
                editable ? (
                  <DomainRow key={domain.id} doc={doc} domain={domain} isFirst={index === 0} isLast={index === domains.length - 1} />
                ) : (
                  <tr key={domain.id} data-domain-id={domain.id} data-domain-name={domain.name} data-domain-owner={domain.owner}>
                    <th scope="row">
                      <strong>{domain.name}</strong>
                      {domain.description && <span className="domain__description muted small">{domain.description}</span>}
                    </th>
                    <td>{ROLE_LABELS[domain.owner]}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
