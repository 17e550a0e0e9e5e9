import { mondayOf, type WeekId } from '@fourwall/shared'
import { Link } from '../components/Link.js'
import { navigate, weekPath } from '../lib/navigation.js'
import { weekLabel } from '../lib/weekLabel.js'
import { useWeekList } from './useWeekList.js'

interface Props {
  /** The week on the screen. */
  weekId: WeekId
  /** The calendar's week now, always offered (it may have no review yet). */
  currentWeekId: WeekId
  /** Changes when the list of reviewed weeks may have changed (this week's review was created). */
  refreshKey: unknown
}

/** Goes to another week's board; the current week lives at `/`, so its address stays shareable. */
export function WeekPicker({ weekId, currentWeekId, refreshKey }: Props) {
  const list = useWeekList(refreshKey)
  const listed = list.status === 'ready' ? list.data : []
  const weeks = [...new Set<WeekId>([currentWeekId, weekId, ...listed])].sort((a, b) => mondayOf(b).getTime() - mondayOf(a).getTime())
  const browsing = weekId !== currentWeekId

  return (
    <div className="week-picker" data-week={weekId}>
      <label htmlFor="week-picker" className="week-picker__label">
        Week
      </label>
      <select
        id="week-picker"
        value={weekId}
        aria-busy={list.status === 'loading' || undefined}
        onChange={(event) => {
          const next = event.target.value as WeekId
          navigate(weekPath(next === currentWeekId ? null : next))
        }}
      >
        {weeks.map((week) => (
          <option key={week} value={week}>
            {weekLabel(week)}
            {week === currentWeekId ? ' (this week)' : ''}
          </option>
        ))}
      </select>
      {list.status === 'failed' && (
        <span className="week-picker__problem" role="alert">
          Other weeks could not be listed: {list.problem}
        </span>
      )}
      {browsing && (
        <Link href={weekPath(null)} className="button button--small button--quiet" data-back-to-this-week>
          Back to this week
        </Link>
      )}
    </div>
  )
}
