import { describe, expect, it } from 'vitest'
import { ACTIONS, can, documentAccess, parseDocName, ROLES, type DocKind } from '@fourwall/shared'

const week = parseDocName('week:2026-W48') as DocKind
const priv = parseDocName('week:2026-W48:private') as DocKind
const workspace = parseDocName('workspace') as DocKind

describe('permission rules', () => {
  it('name only known roles', () => {
    for (const roles of Object.values(ACTIONS)) for (const role of roles) expect(ROLES).toContain(role)
  })

  it('give each role the documents it should have', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, [documentAccess(role, week), documentAccess(role, priv), documentAccess(role, workspace)]]))
    expect(table).toEqual({
      admin: ['write', 'none', 'write'],
      'product-lead': ['write', 'write', 'write'],
      'engineering-lead': ['write', 'write', 'write'],
      'chief-of-staff': ['write', 'write', 'write'],
      editor: ['write', 'none', 'read'],
      'team-lead': ['read', 'none', 'read'],
    })
  })

  it('make a closed week read-only for everyone, leads included', () => {
    for (const role of ROLES) {
      expect(documentAccess(role, week, true)).not.toBe('write')
      expect(documentAccess(role, priv, true)).not.toBe('write')
    }
  })

  it('let only the two leads close a week', () => {
    expect(ROLES.filter((role) => can(role, 'week.close'))).toEqual(['product-lead', 'engineering-lead'])
  })
})
