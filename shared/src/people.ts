/**
 * People, invites, sessions and the audit log as the client and the server both see them, plus the
 * rules for who may hold which role. The server enforces these rules (and the account store holds
 * them atomically); the admin page reads the same functions to explain a refusal before it happens.
 */
import { ROLE_LABELS, type Role } from './roles.js'

/** The two roles that exist once each: the leads who run the org as a unified front. */
export const LEAD_ROLES = ['product-lead', 'engineering-lead'] as const
export type LeadRole = (typeof LEAD_ROLES)[number]

export function isLeadRole(value: unknown): value is LeadRole {
  return typeof value === 'string' && (LEAD_ROLES as readonly string[]).includes(value)
}

/** What a person's role needs beside the role itself. */
export interface RoleAssignment {
  role: Role
  /** The lead a chief of staff works for; null for every other role. */
  worksFor: LeadRole | null
  /** The team a team lead leads, if any; null for every other role. */
  team: string | null
}

export const NAME_MAX = 100
export const TEAM_MAX = 80
export const LOGIN_MAX = 120
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200

/** "a Chief of Staff", "an Editor". */
function withArticle(role: Role): string {
  const label = ROLE_LABELS[role]
  return `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`
}

/** Null when the assignment is valid, else a sentence saying what is wrong. */
export function roleAssignmentError(assignment: RoleAssignment): string | null {
  const { role, worksFor, team } = assignment
  if (role === 'chief-of-staff' && !isLeadRole(worksFor)) {
    return 'A Chief of Staff works for one of the two leads: choose the Product Lead or the Engineering Lead.'
  }
  if (role !== 'chief-of-staff' && worksFor !== null) return `Only a Chief of Staff works for a lead, not ${withArticle(role)}.`
  if (role !== 'team-lead' && team !== null) return `Only a Team Lead is tied to a team, not ${withArticle(role)}.`
  if (team !== null && (team.trim() === '' || team.length > TEAM_MAX)) return `A team name has 1 to ${TEAM_MAX} characters.`
  return null
}

export function nameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '') return 'A name is required.'
  if (name.trim().length > NAME_MAX) return `A name has at most ${NAME_MAX} characters.`
  return null
}

/** A login is what a person types to sign in with a password: an email address or a user name. */
export function loginError(login: unknown): string | null {
  if (typeof login !== 'string' || login.trim() === '') return 'A login (email or user name) is required.'
  const value = login.trim()
  if (value.length > LOGIN_MAX) return `A login has at most ${LOGIN_MAX} characters.`
  if (!/^[\p{L}\p{N}._@+-]+$/u.test(value)) return 'A login uses letters, digits and . _ @ + - only (no spaces).'
  return null
}

/** Logins compare case-insensitively; this is the stored form. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase()
}

export function passwordError(password: unknown): string | null {
  if (typeof password !== 'string') return 'A password is required.'
  if (password.length < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters.`
  if (password.length > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters.`
  return null
}

/** A person as the admin page lists them. */
export interface PersonView extends RoleAssignment {
  id: string
  name: string
  login: string | null
  hasPassword: boolean
  createdAt: number
  /** Sessions that are neither expired nor revoked. */
  activeSessions: number
}

/**
 * A person as everyone signed in may see them (the workspace page's "People"): who holds which
 * role, whom a chief of staff works for, which team a team lead leads. No logins, no sessions.
 */
export interface DirectoryEntry extends RoleAssignment {
  id: string
  name: string
}

export type InviteStatus = 'pending' | 'used' | 'revoked' | 'expired'

/** An invite as the admin page lists it. Its code is shown once, when it is created. */
export interface InviteView extends RoleAssignment {
  id: string
  /** The name the invited person will have (they may not change their role). */
  name: string
  /** Set when the invite signs in an existing person (a sign-in link) rather than adding one. */
  personId: string | null
  createdAt: number
  expiresAt: number
  createdBy: { id: string; name: string } | null
  status: InviteStatus
  usedAt: number | null
  usedBy: string | null
}

/** What the public join page may learn about an invite from its code. */
export interface InvitePreview {
  status: InviteStatus
  name: string
  role: Role
  worksFor: LeadRole | null
  team: string | null
  expiresAt: number
  /** True when redeeming signs in an existing person who already has a login. */
  existingPerson: boolean
}

export interface SessionView {
  id: string
  personId: string
  personName: string
  role: Role
  createdAt: number
  expiresAt: number
  lastSeenAt: number
  ip: string | null
  userAgent: string | null
  /** True for the session the request came with. */
  current: boolean
}

export const AUDIT_ACTIONS = [
  'setup.completed',
  'signin.succeeded',
  'signin.failed',
  'signout',
  'invite.created',
  'invite.revoked',
  'invite.redeemed',
  'person.created',
  'person.updated',
  'person.removed',
  'role.changed',
  'password.set',
  'session.revoked',
  'week.created',
  'week.closed',
  'week.summary.posted',
  'token.created',
  'settings.changed',
  'demo.loaded',
  'decision.signed',
  'decision.published',
  'question.asked',
  'question.answered',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export type AuditDetail = Record<string, string | number | boolean | null>

export interface AuditEntry {
  id: number
  at: number
  actorId: string | null
  actorName: string | null
  action: AuditAction
  /** What the action was about: a person id, an invite id, a week id... */
  target: string | null
  detail: AuditDetail
}

/** One stored document update and who sent it (the audit log's document side). */
export interface DocumentUpdateEntry {
  id: number
  docName: string
  at: number
  personId: string | null
  personName: string | null
  connectionId: string | null
  bytes: number
}

export const SESSION_COOKIE = 'fw_session'
/** Cookie-authenticated requests that change state carry the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-fourwall-csrf'
