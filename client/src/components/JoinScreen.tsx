import { useCallback, useEffect, useState } from 'react'
import { useInviteCode } from '../hooks/useInviteCode.js'
import { isAbort, problemSentence } from '../lib/api.js'
import type { Identity, SessionInfo } from '../lib/identity.js'
import { previewInvite, type InviteUnavailable, type PreviewResult } from '../lib/invites.js'
import { FormProblem } from './FormProblem.js'
import { JoinForm } from './JoinForm.js'
import { Link } from './Link.js'
import { StatusIcon } from './StatusIcon.js'

interface Props {
  /** Who this browser is signed in as already, if anyone: joining switches it to the invited person. */
  signedInAs: Identity | null
  onJoined(info: SessionInfo): void
}

type PreviewState = { kind: 'loading' } | { kind: 'failed'; problem: string } | PreviewResult

export function JoinScreen({ signedInAs, onJoined }: Props) {
  const code = useInviteCode()
  const [state, setState] = useState<PreviewState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  useEffect(() => {
    if (code === null) return
    const controller = new AbortController()
    setState({ kind: 'loading' })
    previewInvite(code, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setState(result)
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState({ kind: 'failed', problem: problemSentence(error) })
      },
    )
    return () => controller.abort()
  }, [code, attempt])

  // A link without a code (cut short when pasted, say) is as good as an unknown one.
  if (code === null) return <InviteUnavailableScreen status="unknown" signedIn={signedInAs !== null} />

  if (state.kind === 'loading') {
    return (
      <main className="screen" data-screen="join" aria-busy="true">
        <h1 className="screen__brand">Fourwall</h1>
        <p role="status" className="loading">
          <StatusIcon kind="connecting" /> Checking your invite…
        </p>
      </main>
    )
  }
  if (state.kind === 'failed') {
    return (
      <main className="screen" data-screen="join">
        <h1 className="screen__brand">Fourwall</h1>
        <h2>Your invite could not be checked</h2>
        <FormProblem problem={state.problem} />
        <div className="screen__actions">
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      </main>
    )
  }
  if (state.kind === 'unavailable') return <InviteUnavailableScreen status={state.status} signedIn={signedInAs !== null} />
  return (
    <JoinForm
      code={code}
      preview={state.preview}
      signedInAs={signedInAs}
      onJoined={onJoined}
      onUnavailable={(status) => setState({ kind: 'unavailable', status })}
    />
  )
}

const UNAVAILABLE: Record<InviteUnavailable, { title: string; why: string }> = {
  used: {
    title: 'This invite link has already been used',
    why: 'Each invite link works once. If it was you who used it, sign in with your password, or ask for a sign-in link.',
  },
  revoked: { title: 'This invite link was revoked', why: 'An admin withdrew it, so it no longer lets anyone in.' },
  expired: { title: 'This invite link has expired', why: 'Invite links only work for a limited time.' },
  unknown: {
    title: 'This invite link is not valid',
    why: 'Fourwall does not know this code. The link may be cut short or mistyped: check that you copied all of it.',
  },
}

function InviteUnavailableScreen({ status, signedIn }: { status: InviteUnavailable; signedIn: boolean }) {
  const { title, why } = UNAVAILABLE[status]
  return (
    <main className="screen" data-screen="join" data-invite-status={status}>
      <h1 className="screen__brand">Fourwall</h1>
      <h2>{title}</h2>
      <p>{why}</p>
      <p>
        <strong>Ask your admin for a new link.</strong>
      </p>
      <p>
        {/* The board when signed in; the sign-in page otherwise (the board's address shows it). */}
        <Link href="/" className="button button--quiet">
          {signedIn ? 'Go to the board' : 'Sign in with a password'}
        </Link>
      </p>
    </main>
  )
}
