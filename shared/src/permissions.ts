/**
 * Every permission rule in one table. The server enforces it on each HTTP request, Yjs connection
 * and socket.io event; the client reads the same table to show people only what they may do.
 */
import type { DocKind } from './documents.js'
import type { Role } from './roles.js'

export const ACTIONS = {
  /** Open a week's public document (everyone signed in). */
  'week.read': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff', 'editor', 'team-lead'],
  /** Change a week's public document while the week is open. */
  'week.write': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff', 'editor'],
  /** Open (and edit) the leadership-private document of a week: the four walls, nobody else. */
  'private.read': ['product-lead', 'engineering-lead', 'chief-of-staff'],
  'private.write': ['product-lead', 'engineering-lead', 'chief-of-staff'],
  /** Close a week's review, after which both of its documents are read-only for everyone. */
  'week.close': ['product-lead', 'engineering-lead'],
  /**
   * Create a week's review: carry the latest earlier week over and add an item for every OKR in
   * the workspace. Leadership and admins set up the week; editors then fill it in.
   */
  'week.create': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff'],
  /**
   * Run the live review: claim or hand over the facilitator role, focus an item, run the timer
   * (socket.io meeting events; see meeting.ts for who may do what beyond this permission).
   */
  'meeting.facilitate': ['product-lead', 'engineering-lead', 'chief-of-staff'],
  /** Read the workspace (teams, OKRs, people's names) / change it. */
  'workspace.read': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff', 'editor', 'team-lead'],
  'workspace.write': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff'],
  /** People, roles, invites, sessions and the audit log. */
  'people.manage': ['admin'],
  'audit.read': ['admin'],
  /** Mint API tokens for scripts. */
  'tokens.create': ['admin'],
  /** Installation settings, such as the Slack webhook the week's summary is posted to. */
  'settings.manage': ['admin'],

  // ---- shifts, decisions, domains and principles (the unified front) -------------------------
  /**
   * Add and edit rows of a week's resource-shift ledger. The ledger lives in the week's public
   * document, so this is the same list as `week.write` and document access enforces it.
   */
  'shift.edit': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff', 'editor'],
  /** Draft decisions: they live in the week's leadership-private document (`private.write`). */
  'decision.draft': ['product-lead', 'engineering-lead', 'chief-of-staff'],
  /**
   * Sign a decision: the two leads themselves and nobody else, through a server command (never by
   * writing into a document). A decision both have signed is published to the public week.
   */
  'decision.sign': ['product-lead', 'engineering-lead'],
  /** Edit the domain map (who owns which domain) and the product principles, in the workspace. */
  'domain.edit': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff'],
  'principle.edit': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff'],
  /** Ask a question or request a decision; it is routed to the owner of the chosen domain. */
  'question.ask': ['admin', 'product-lead', 'engineering-lead', 'chief-of-staff', 'editor', 'team-lead'],
  /**
   * Read the questions asked of the leads (their inbox) and answer them. The server also checks
   * that the one answering owns the question's domain: the other lead sees it but defers.
   */
  'question.answer': ['product-lead', 'engineering-lead'],
} as const satisfies Record<string, readonly Role[]>

export type Action = keyof typeof ACTIONS

export function can(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role)
}

/** The leadership roles that meet behind the four walls. */
export function isLeadership(role: Role): boolean {
  return can(role, 'private.read')
}

/** Team leads only watch; everyone else may edit a week's public document while it is open. */
export function canEditDocuments(role: Role): boolean {
  return can(role, 'week.write')
}

export type DocumentAccess = 'none' | 'read' | 'write'

/**
 * What a role may do with a document. A closed week makes its documents read-only for everyone;
 * the server decides whether a week is closed.
 */
export function documentAccess(role: Role, doc: DocKind, weekClosed = false): DocumentAccess {
  const [read, write]: [Action, Action] =
    doc.kind === 'workspace' ? ['workspace.read', 'workspace.write'] : doc.kind === 'private' ? ['private.read', 'private.write'] : ['week.read', 'week.write']
  if (!can(role, read)) return 'none'
  if (doc.kind !== 'workspace' && weekClosed) return 'read'
  return can(role, write) ? 'write' : 'read'
}
