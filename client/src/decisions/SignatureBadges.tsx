import { LEAD_ROLES, ROLE_LABELS, type Decision, type SignatureStates } from '@fourwall/shared'
import { StatusIcon } from '../components/StatusIcon.js'
import { signatureWords } from './signatureWords.js'

interface Props {
  decision: Decision
  /** Null while the server's key is being fetched. */
  states: SignatureStates | null
}

/** Both leads' signatures, each in words with an icon: signed (by whom, when), changed since, unverified, missing. */
export function SignatureBadges({ decision, states }: Props) {
  return (
    <ul className="signatures" aria-label="Signatures">
      {LEAD_ROLES.map((role) => {
        const words = signatureWords(role, decision.signatures[role], states?.[role] ?? null)
        return (
          <li key={role} className={`signature signature--${words.state}`} data-signature={role} data-signature-state={words.state}>
            <span className="signature__role">{ROLE_LABELS[role]}</span>
            <span className="signature__words">
              <StatusIcon kind={words.icon} /> {words.text}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
