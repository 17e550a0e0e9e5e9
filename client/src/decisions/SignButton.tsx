import { isLeadRole, ROLE_LABELS, unsignableReason, type Decision, type SignatureStates, type WeekId } from '@fourwall/shared'
import { useState } from 'react'
import { BusyButton } from '../components/BusyButton.js'
import { FormProblem } from '../components/FormProblem.js'
import type { Identity } from '../lib/identity.js'
import type { DecisionChannel } from './DecisionChannel.js'

interface Props {
  weekId: WeekId
  decision: Decision
  states: SignatureStates | null
  identity: Identity
  channel: DecisionChannel
}

/**
 * "Sign as Engineering Lead", for the two leads only: it asks the server to sign the decision as it
 * reads now. The server decides (and refuses anyone else); the signature then arrives through the
 * private document like any edit, and the badges show it.
 */
export function SignButton({ weekId, decision, states, identity, channel }: Props) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const role = identity.role
  if (!isLeadRole(role)) return null
  const label = `Sign as ${ROLE_LABELS[role]}`
  const signed = states?.[role] === 'valid'
  const blocked = unsignableReason(decision)
  const noteId = `sign-note-${decision.id}`
  const note = signed ? 'You signed this text. Any change to it asks you to sign again.' : blocked

  return (
    <div className="sign-action">
      <BusyButton
        type="button"
        busy={busy}
        disabled={signed || blocked !== null}
        aria-describedby={note ? noteId : undefined}
        data-sign={role}
        onClick={async () => {
          setBusy(true)
          setProblem(null)
          setProblem(await channel.sign(weekId, decision.id))
          setBusy(false)
        }}
      >
        {label}
      </BusyButton>
      {note && (
        <p id={noteId} className="muted small sign-action__note">
          {note}
        </p>
      )}
      <FormProblem problem={problem} />
    </div>
  )
}
