import { ROLE_LABELS, type RoleAssignment } from '@fourwall/shared'

/** "Chief of Staff, working for the Product Lead", "Team Lead of team Payments", "Editor". */
export function describeAssignment({ role, worksFor, team }: RoleAssignment): string {
  if (role === 'chief-of-staff' && worksFor) return `${ROLE_LABELS[role]}, working for the ${ROLE_LABELS[worksFor]}`
  if (role === 'team-lead' && team) return `${ROLE_LABELS[role]} of team ${team}`
  return ROLE_LABELS[role]
}

/** The part beside the role label alone, for tables that show the role in its own column. */
export function describeTies({ worksFor, team }: Pick<RoleAssignment, 'worksFor' | 'team'>): string | null {
  if (worksFor) return `Works for the ${ROLE_LABELS[worksFor]}`
  if (team) return `Team ${team}`
  return null
}
