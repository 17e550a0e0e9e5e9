/**
 * CONTRACT (owned by the workspace engineer; the board imports it): on an empty installation, offers
 * to load the demo workspace (POST /api/demo). Renders nothing when the demo is not available
 * (GET /api/demo says so) or the person may not load it. Calls onLoaded after a successful load.
 */
import { can, type Role } from '@fourwall/shared'
import { useEffect, useId, useState } from 'react'
import { BusyButton } from '../components/BusyButton.js'
import { FormProblem } from '../components/FormProblem.js'
import { useRequest } from '../hooks/useRequest.js'
import { api, isAbort, isRecord } from '../lib/api.js'
import { fetchMe } from '../lib/identity.js'

interface Props {
  onLoaded?: () => void
  /**
   * The signed-in person's role, when the page knows it. Without it the offer asks the server who
   * this is, so the board can place it without passing anything along.
   */
  role?: Role
}

type Offer = { status: 'asking' } | { status: 'hidden' } | { status: 'offered' } | { status: 'loaded'; weeks: number; okrs: number }

/** Whether the demo can be loaded here, by this person; any failure to ask simply hides the offer. */
async function askForOffer(role: Role | undefined, signal: AbortSignal): Promise<boolean> {
  const [demo, me] = await Promise.all([
    api<unknown>('/api/demo', { signal }),
    role === undefined ? fetchMe(signal) : Promise.resolve(null),
  ])
  const who = role ?? me?.identity.role
  return isRecord(demo) && demo.available === true && who !== undefined && can(who, 'workspace.write')
}

export function DemoOffer({ onLoaded, role }: Props) {
  const id = useId()
  const [offer, setOffer] = useState<Offer>({ status: 'asking' })
  const load = useRequest()

  useEffect(() => {
    const controller = new AbortController()
    askForOffer(role, controller.signal).then(
      (available) => {
        if (!controller.signal.aborted) setOffer({ status: available ? 'offered' : 'hidden' })
      },
      (error: unknown) => {
        // Not being able to ask is no reason to bother anyone: the offer is a convenience.
        if (!controller.signal.aborted && !isAbort(error)) setOffer({ status: 'hidden' })
      },
    )
    return () => controller.abort()
  }, [role])

  const loadDemo = (): void => {
    void load.run(async () => {
      const loaded = await api<unknown>('/api/demo', { method: 'POST' })
      const weeks = isRecord(loaded) && Array.isArray(loaded.weeks) ? loaded.weeks.length : 0
      const okrs = isRecord(loaded) && typeof loaded.okrs === 'number' ? loaded.okrs : 0
      setOffer({ status: 'loaded', weeks, okrs })
      onLoaded?.()
    })
  }

  if (offer.status === 'asking' || offer.status === 'hidden') return null
  if (offer.status === 'loaded') {
    return (
      <p role="status" className="notice demo-offer demo-offer--loaded" data-demo-loaded>
        <span aria-hidden="true">✓</span> The demo workspace is loaded: {offer.okrs} OKRs and {offer.weeks} weeks of reviews.
      </p>
    )
  }
  return (
    <section className="panel demo-offer" aria-labelledby={`${id}-heading`} data-demo-offer>
      <h2 id={`${id}-heading`} className="demo-offer__title">
        New here?
      </h2>
      <p>
        {/* The OKR count is the server's to change (demo/demoData.ts); the teams are fixed at six. */}
        Load a demo workspace: 6 teams with their OKRs, two past weeks and this week's review with Reds and Yellows, so
        you can see the meeting working.
      </p>
      <p className="muted small">It loads only into an empty Fourwall, before any team or OKR exists.</p>
      <div className="form__actions">
        <BusyButton type="button" busy={load.busy} onClick={loadDemo}>
          Load the demo
        </BusyButton>
      </div>
      <FormProblem problem={load.problem} />
    </section>
  )
}
