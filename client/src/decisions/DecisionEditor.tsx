import {
  decisionBodyError,
  decisionTitleError,
  DECISION_BODY_MAX,
  DECISION_TITLE_MAX,
  setDecisionDomain,
  updateDecision,
  type Decision,
  type DecisionPatch,
  type SignatureStates,
  type WeekId,
} from '@fourwall/shared'
import type * as Y from 'yjs'
import { tryCommand } from '../board/writeItem.js'
import type { Identity } from '../lib/identity.js'
import type { DecisionChannel } from './DecisionChannel.js'
import { DecisionField } from './DecisionField.js'
import { DecisionStatusControls } from './DecisionStatusControls.js'
import { DomainPicker } from './DomainPicker.js'
import { LinkChecklist } from './LinkChecklist.js'
import type { DomainOption, LinkOption } from './links.js'
import { SignatureBadges } from './SignatureBadges.js'
import { SignButton } from './SignButton.js'

export interface DecisionLinks {
  okrs: LinkOption[]
  shifts: LinkOption[]
  principles: LinkOption[]
  domains: DomainOption[]
}

export interface DecisionEditorProps {
  weekId: WeekId
  doc: Y.Doc
  decision: Decision
  states: SignatureStates | null
  links: DecisionLinks
  identity: Identity
  channel: DecisionChannel
}

const BODY_FIELDS = [
  { field: 'context', label: 'Context', hint: 'What the review saw: the item, what is blocked, what was tried.' },
  { field: 'decision', label: 'The decision', hint: 'What happens now, said so a team lead can act on it.' },
  { field: 'rationale', label: 'Rationale', hint: 'Why this helps the mission, in plain words: the org reads it as written.' },
] as const

/** Every part of an open decision the leadership edits, then both leads' signatures and the sign button. */
export function DecisionEditor({ weekId, doc, decision, states, links, identity, channel }: DecisionEditorProps) {
  const write = (patch: DecisionPatch): string | null => tryCommand(() => updateDecision(doc, decision.id, patch))
  const fieldId = (field: string): string => `decision-${decision.id}-${field}`
  return (
    <div className="decision-editor" data-decision-editor>
      <DecisionField
        id={fieldId('title')}
        label="Title"
        value={decision.title}
        multiline={false}
        maxLength={DECISION_TITLE_MAX}
        validate={decisionTitleError}
        write={(title) => write({ title })}
        jargon
      />
      {BODY_FIELDS.map(({ field, label, hint }) => (
        <DecisionField
          key={field}
          id={fieldId(field)}
          label={label}
          hint={hint}
          value={decision[field]}
          multiline
          maxLength={DECISION_BODY_MAX}
          validate={(text) => decisionBodyError(text, `The ${label.replace(/^The /, '').toLowerCase()}`)}
          write={(text) => write({ [field]: text })}
          jargon
        />
      ))}
      <DomainPicker id={fieldId('domain')} decision={decision} domains={links.domains} onChange={(domain) => tryCommand(() => setDecisionDomain(doc, decision.id, domain))} />
      <div className="decision-editor__links">
        <LinkChecklist
          id={fieldId('okrs')}
          legend="Linked OKRs"
          options={links.okrs}
          selected={decision.okrIds}
          empty="This week has no items yet."
          onChange={(okrIds) => write({ okrIds })}
        />
        <LinkChecklist
          id={fieldId('shifts')}
          legend="Resource shifts"
          options={links.shifts}
          selected={decision.shiftIds}
          empty="No resource shifts recorded this week."
          onChange={(shiftIds) => write({ shiftIds })}
        />
        <LinkChecklist
          id={fieldId('principles')}
          legend="Principles it follows"
          options={links.principles}
          selected={decision.principleIds}
          empty="No product principles yet: the Workspace page holds them."
          onChange={(principleIds) => write({ principleIds })}
        />
      </div>
      <DecisionStatusControls doc={doc} decision={decision} />
      <section className="decision-editor__signing" aria-label="Signing">
        <SignatureBadges decision={decision} states={states} />
        <SignButton weekId={weekId} decision={decision} states={states} identity={identity} channel={channel} />
      </section>
    </div>
  )
}
