import { ROLE_LABELS } from '@fourwall/shared'
import type { PresenceEntry } from '../hooks/usePresence.js'

export function WhoIsHere({ people }: { people: PresenceEntry[] }) {
  return (
    <section className="panel who" aria-labelledby="who-heading">
      <h2 id="who-heading">
        Who is here <span className="muted">({people.length})</span>
      </h2>
      <ul className="who__list" aria-label="People on this board">
        {people.map((person) => (
          <li key={person.id} className="who__person" data-user-id={person.id} data-self={person.isSelf || undefined}>
            <span className="who__dot" style={{ backgroundColor: person.color }} aria-hidden="true" />
            <span className="who__name">
              {person.name}
              {person.isSelf && <span className="who__you"> (you)</span>}
            </span>
            <span className="who__role">{ROLE_LABELS[person.role]}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
