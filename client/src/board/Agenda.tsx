import type { WeekId } from '@fourwall/shared'
import { memo } from 'react'
import { AgendaProgress } from './AgendaProgress.js'
import { useBoard } from './BoardContext.js'
import { EmptyWeek } from './EmptyWeek.js'
import { GreenFold } from './GreenFold.js'
import { ItemRow } from './ItemRow.js'
import { countRender } from './renderCount.js'
import { useAgendaIds } from './useAgendaIds.js'

/** A list of rows; memoised on its id array, which the store keeps identical while nothing moved. */
const Rows = memo(function Rows({ ids }: { ids: readonly string[] }) {
  return (
    <ol className="agenda-list">
      {ids.map((id) => (
        <ItemRow key={id} id={id} />
      ))}
    </ol>
  )
})

/**
 * The Monday agenda: what to discuss (Red, longest at risk first, then Yellow) with the progress,
 * what still needs a status, and the Green items folded into one line.
 */
export const Agenda = memo(function Agenda({ weekId, closed }: { weekId: WeekId; closed: boolean }) {
  const { store, identity } = useBoard()
  const agenda = useAgendaIds(store)
  countRender('agenda', 'list')

  if (agenda.total === 0) return <EmptyWeek weekId={weekId} identity={identity} reason="no-items" closed={closed} />

  return (
    <div className="agenda" data-agenda>
      <section className="agenda-section" data-section="discuss" aria-labelledby="agenda-discuss">
        <div className="agenda-section__head">
          <h2 id="agenda-discuss" className="agenda-section__title">
            To discuss
          </h2>
          <AgendaProgress progress={agenda.progress} />
        </div>
        {agenda.discuss.length === 0 ? (
          <p className="empty" data-empty="nothing-at-risk">
            Nothing at risk this week: no item is Red or Yellow.
          </p>
        ) : (
          <Rows ids={agenda.discuss} />
        )}
      </section>
      {agenda.unset.length > 0 && (
        <section className="agenda-section" data-section="unset" aria-labelledby="agenda-unset">
          <h2 id="agenda-unset" className="agenda-section__title">
            Needs a status <span className="muted">({agenda.unset.length})</span>
          </h2>
          <Rows ids={agenda.unset} />
        </section>
      )}
      <GreenFold ids={agenda.green} />
    </div>
  )
})
