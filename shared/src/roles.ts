/**
 * The roles a person can hold. What each may do is the permission table in permissions.ts; the
 * account rules (one person per lead role, a chief of staff tied to a lead) are in people.ts.
 */
export const ROLES = [
  'admin',
  'product-lead',
  'engineering-lead',
  'chief-of-staff',
  'editor',
  'team-lead',
] as const

export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}


export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  'product-lead': 'Product Lead',
  'engineering-lead': 'Engineering Lead',
  'chief-of-staff': 'Chief of Staff',
  editor: 'Editor',
  'team-lead': 'Team Lead',
}
