/**
 * Who may do what. The server enforces these rules; the client reads the same module to show people
 * only the controls they are allowed to use. The access issue grows this into the full permission table.
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
