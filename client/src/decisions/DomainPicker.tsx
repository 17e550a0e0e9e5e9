import { LEAD_ROLES, ROLE_LABELS, type Decision, type LeadRole } from '@fourwall/shared'
import type { DomainOption } from './links.js'

export interface DomainChoice {
  id: string
  name: string
  owner: LeadRole | null
}

interface Props {
  id: string
  decision: Decision
  /** The workspace's domain map; empty while it has none (then the choice is simply whose call it is). */
  domains: DomainOption[]
  onChange(domain: DomainChoice): void
}

/** Options are `domain:<id>` for the map's domains and `owner:<role>` for a plain "whose call". */
const NONE = ''

function valueOf(decision: Decision, domains: DomainOption[]): string {
  if (decision.domainId && domains.some((domain) => domain.id === decision.domainId)) return `domain:${decision.domainId}`
  if (decision.domainId) return `kept:${decision.domainId}`
  return decision.domainOwner ? `owner:${decision.domainOwner}` : NONE
}

/**
 * Whose call the decision is: a domain of the workspace's domain map (with its owner), or, while
 * the map is empty, the Product Lead's or the Engineering Lead's. The decision keeps a copy of the
 * name and owner, so it reads the same after the map changes.
 */
export function DomainPicker({ id, decision, domains, onChange }: Props) {
  const value = valueOf(decision, domains)
  return (
    <div className="field">
      <label htmlFor={id}>Domain</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const [kind, key] = event.target.value.split(':') as [string, string | undefined]
          const domain = domains.find((candidate) => candidate.id === key)
          if (kind === 'domain' && domain) onChange({ id: domain.id, name: domain.name, owner: domain.owner })
          else if (kind === 'owner' && (key === 'product-lead' || key === 'engineering-lead')) onChange({ id: '', name: '', owner: key })
          else if (kind === '') onChange({ id: '', name: '', owner: null })
        }}
      >
        <option value={NONE}>Not chosen yet</option>
        {value.startsWith('kept:') && (
          <option value={value}>
            {decision.domainName || decision.domainId} ({decision.domainOwner ? ROLE_LABELS[decision.domainOwner] : 'no owner'}, no longer in the domain map)
          </option>
        )}
        {LEAD_ROLES.map((owner) => {
          const owned = domains.filter((domain) => domain.owner === owner)
          return owned.length === 0 ? null : (
            <optgroup key={owner} label={`The ${ROLE_LABELS[owner]}'s domains`}>
              {owned.map((domain) => (
                <option key={domain.id} value={`domain:${domain.id}`}>
                  {domain.name} ({ROLE_LABELS[owner]})
                </option>
              ))}
            </optgroup>
          )
        })}
        <optgroup label="Without a named domain">
          {LEAD_ROLES.map((owner) => (
            <option key={owner} value={`owner:${owner}`}>
              The {ROLE_LABELS[owner]}'s call
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  )
}
