import { isRole, ROLE_LABELS, type AuditAction, type AuditDetail } from '@fourwall/shared'

/** Each audit action as a person would say it. */
export const ACTION_WORDS: Record<AuditAction, string> = {
  'setup.completed': 'Set up Fourwall',
  'signin.succeeded': 'Signed in',
  'signin.failed': 'Failed to sign in',
  signout: 'Signed out',
  'invite.created': 'Created an invite link',
  'invite.revoked': 'Revoked an invite link',
  'invite.redeemed': 'Joined with an invite link',
  'person.created': 'Added a person',
  'person.updated': 'Changed a person',
  'person.removed': 'Removed a person',
  'role.changed': 'Changed a role',
  'password.set': 'Set a password',
  'session.revoked': 'Revoked a session',
  'week.created': "Created a week's review",
  'week.closed': 'Closed a week',
  'week.summary.posted': "Posted a week's summary to Slack",
  'token.created': 'Created an API token',
  'settings.changed': 'Changed a setting',
  'demo.loaded': 'Loaded the demo',
  'decision.signed': 'Signed a decision',
  'decision.published': 'Published a decision both leads signed',
  'question.asked': 'Asked the leads a question',
  'question.answered': 'Answered a question',
}

/** An action the page does not know yet (a newer server) still shows, as its raw name. */
export function actionWords(action: string): string {
  return (ACTION_WORDS as Record<string, string>)[action] ?? action
}

/** "name: Ana Lopez · role: Editor": roles in their labels, everything else as stored. */
export function describeDetail(detail: AuditDetail | null | undefined): string {
  if (!detail) return ''
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${isRole(value) ? ROLE_LABELS[value] : String(value)}`)
    .join(' · ')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
