import { can, isLeadRole } from '@fourwall/shared'
import type { Identity } from '../lib/identity.js'
import { AskTheLeads } from './AskTheLeads.js'
import { LeadsInbox } from './LeadsInbox.js'
import { useQuestions } from './useQuestions.js'

/**
 * The questions' place in the board's header: the two leads get their inbox, everyone else who may
 * ask gets "Ask the leads". One live connection for either, held while the board is on screen.
 */
export function QuestionsCorner({ identity }: { identity: Identity }) {
  if (!can(identity.role, 'question.ask')) return null
  return <LiveQuestions identity={identity} />
}

function LiveQuestions({ identity }: { identity: Identity }) {
  const questions = useQuestions()
  const { role } = identity
  if (isLeadRole(role) && can(role, 'question.answer')) return <LeadsInbox role={role} questions={questions} />
  return <AskTheLeads questions={questions} />
}
