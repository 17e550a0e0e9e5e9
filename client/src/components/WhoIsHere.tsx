import { ROLE_LABELS } from '@fourwall/shared'
import { memo } from 'react'
import type { PresenceStore } from '../board/PresenceStore.js'
import { Avatar } from '../board/RowViewers.js'
import { usePeople } from '../board/useRowPresence.js'

interface Props {
  presence: PresenceStore | null
  /** The objective of an item by id, to say what someone is looking at; null when it is not on this board. */
  describeItem(itemId: string): string | null
}

/**
 * Everyone on this week's board and what each one has open. Its own subscription to presence, so
 * people coming and going re-render this list and nothing else of the page.
 */
export const WhoIsHere = memo(function WhoIsHere({ presence, describeItem }: Props) {
  const people = usePeople(presence)
  return (
    <section className="panel who" aria-labelledby="who-heading">
      <h2 id="who-heading">
        Who is here <span className="muted">({people.length})</span>
      </h2>
      <ul className="who__list" aria-label="People on this board">
        {people.map((person) => {
          const looking = person.viewing ? describeItem(person.viewing) : null
          return (
            <li key={person.id} className="who__person" data-user-id={person.id} data-self={person.isSelf || undefined} data-viewing={person.viewing ?? undefined}>
              <Avatar user={person} label={person.name} />
              <span className="who__name">
                {person.name}
                {person.isSelf && <span className="who__you"> (you)</span>}
              </span>
              <span className="who__role">{ROLE_LABELS[person.role]}</span>
              {looking && (
                <span className="who__viewing">
                  <span className="muted">Looking at</span> {looking}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
})
