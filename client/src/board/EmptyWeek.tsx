import { can, type WeekId } from '@fourwall/shared'
import { BusyButton } from '../components/BusyButton.js'
import { FormProblem } from '../components/FormProblem.js'
import { Link } from '../components/Link.js'
import { StatusIcon } from '../components/StatusIcon.js'
import { useRequest } from '../hooks/useRequest.js'
import { api } from '../lib/api.js'
import type { Identity } from '../lib/identity.js'
import { weekLabel } from '../lib/weekLabel.js'
import { DemoOffer } from '../workspace/DemoOffer.js'
import { useWorkspaceOkrCount } from './useWorkspaceOkrCount.js'

interface Props {
  weekId: WeekId
  identity: Identity
  /** 'missing': the week has no review yet; 'no-items': it was created from an empty workspace. */
  reason: 'missing' | 'no-items'
  /** The week is closed: nothing can be created any more. */
  closed: boolean
}

/**
 * A week without items to review. People who may set up a week create it here (the items then
 * arrive live through the document); when the workspace has no OKRs yet, the page says so and
 * points to the workspace page, where they come from.
 */
export function EmptyWeek({ weekId, identity, reason, closed }: Props) {
  const okrCount = useWorkspaceOkrCount()
  const create = useRequest()
  const mayCreate = can(identity.role, 'week.create') && !closed
  const mayEditWorkspace = can(identity.role, 'workspace.write')
  const label = weekLabel(weekId)

  const title = reason === 'missing' ? `${label} has no review yet` : `${label} has no OKRs to review`
  const explanation =
    reason === 'missing'
      ? "A week's review holds one item per OKR in the workspace, carried over from the latest earlier week: status, note, owner, ask, due date and the weeks at risk."
      : 'This review was created while the workspace had no OKRs.'

  return (
    <section className="panel empty-state" data-empty={reason === 'missing' ? 'no-review' : 'no-items'} aria-labelledby="empty-week-title">
      <h2 id="empty-week-title">{title}</h2>
      <p>{explanation}</p>
      {okrCount === null ? (
        <p role="status" className="loading" aria-busy="true" data-loading="workspace">
          <StatusIcon kind="connecting" /> Looking at the workspace…
        </p>
      ) : okrCount === 0 ? (
        <div data-empty-workspace>
          <p>
            <strong>The workspace has no OKRs yet.</strong>{' '}
            {mayEditWorkspace ? (
              <>
                Add teams and OKRs on the <Link href="/workspace">workspace page</Link> (or import them from a CSV file), then
                create the review.
              </>
            ) : (
              'The leads, their chiefs of staff or an admin add them on the workspace page; the review can be created after that.'
            )}
          </p>
          <DemoOffer />
        </div>
      ) : mayCreate ? (
        <>
          <p>
            The workspace has {okrCount} OKR{okrCount === 1 ? '' : 's'}; each becomes an item of this week's review.
          </p>
          <BusyButton
            type="button"
            className="button"
            busy={create.busy}
            onClick={() => void create.run(() => api(`/api/weeks/${weekId}`, { method: 'POST' }).then(() => undefined))}
          >
            {reason === 'missing' ? "Create this week's review" : "Create this week's review again"}
          </BusyButton>
          <FormProblem problem={create.problem} />
        </>
      ) : (
        <p className="muted">{closed ? 'The week is closed.' : "The leads, their chiefs of staff or an admin create the week's review; it appears here as soon as they do."}</p>
      )}
    </section>
  )
}
