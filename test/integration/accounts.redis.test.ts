/**
 * RedisAccountStore against a real Redis (a private redis-server unless REDIS_URL is set): the
 * shared account store contract, then what only a shared store has to prove: instances and whole
 * processes racing on the same rules (lead seats, invites, the last admin, logins, changes to one
 * person), the key layout, and clear errors when Redis is not there.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@fourwall/shared'
import { AccountError, type InviteRecord, type NewPerson } from '../../server/src/accounts/AccountStore.js'
import { RedisAccountStore } from '../../server/src/accounts/RedisAccountStore.js'
import { startRedis, type TestRedis } from '../support/redis.js'
import { accountRacerSource, race, spawnRacer, sumTallies, type Racer } from '../support/racer.js'
import { accountStoreContract } from './accounts.contract.js'

const T0 = 1_700_000_000_000
const DAY = 86_400_000

let redis: TestRedis
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis?.stop()
})

accountStoreContract('redis', async () => {
  // A fresh prefix per test: every test starts on an empty store, and cleanup deletes its keys.
  const prefix = redis.freshPrefix()
  return {
    open: () => RedisAccountStore.open({ url: redis.url, prefix }),
    cleanup: async () => {
      await redis.deleteKeys(prefix)
      expect(await redis.keys(prefix)).toEqual([])
    },
  }
})

function newPerson(id: string, overrides: Partial<NewPerson> = {}): NewPerson {
  return { id, name: id, role: 'editor', worksFor: null, team: null, login: null, passwordHash: null, createdAt: T0, ...overrides }
}

function newInvite(id: string, overrides: Partial<InviteRecord> = {}): InviteRecord {
  return {
    id, codeHash: `code-${id}`, name: `Invitee ${id}`, role: 'editor', worksFor: null, team: null, personId: null, createdAt: T0,
    expiresAt: T0 + DAY, createdById: null, createdByName: null, usedAt: null, usedBy: null, revokedAt: null, ...overrides,
  }
}

/** Tallies settled results: 'ok' or the AccountError code. */
function tally(results: PromiseSettledResult<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const result of results) {
    const key = result.status === 'fulfilled' ? 'ok' : result.reason instanceof AccountError ? result.reason.code : String(result.reason)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

describe('RedisAccountStore specifics', () => {
  const opened: RedisAccountStore[] = []
  const prefixes: string[] = []
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close()
    for (const prefix of prefixes.splice(0)) await redis.deleteKeys(prefix)
  })

  /** `count` instances (as many processes would hold) on one fresh prefix. */
  async function instances(count: number): Promise<{ prefix: string; stores: RedisAccountStore[] }> {
    const prefix = redis.freshPrefix()
    prefixes.push(prefix)
    const stores: RedisAccountStore[] = []
    for (let i = 0; i < count; i++) stores.push(await RedisAccountStore.open({ url: redis.url, prefix }))
    opened.push(...stores)
    return { prefix, stores }
  }

  it('of two admins demoting each other at once on two instances, exactly one succeeds', async () => {
    for (let round = 0; round < 20; round++) {
      const { stores: [a, b] } = await instances(2)
      await a!.createPerson(newPerson('ada', { role: 'admin' }))
      await a!.createPerson(newPerson('bob', { role: 'admin' }))
      const results = await Promise.allSettled([a!.updatePerson('bob', { role: 'editor' }), b!.updatePerson('ada', { role: 'editor' })])
      expect(tally(results)).toEqual({ ok: 1, 'last-admin': 1 })
      expect(await a!.countAdmins()).toBe(1)
    }
  })

  it('of two instances removing the two admins at once, one admin is always left', async () => {
    for (let round = 0; round < 20; round++) {
      const { stores: [a, b] } = await instances(2)
      await a!.createPerson(newPerson('ada', { role: 'admin' }))
      await a!.createPerson(newPerson('bob', { role: 'admin' }))
      const results = await Promise.allSettled([a!.removePerson('bob', T0), b!.removePerson('ada', T0)])
      expect(tally(results)).toEqual({ ok: 1, 'last-admin': 1 })
      expect((await b!.listPeople()).map((p) => p.role)).toEqual(['admin'])
    }
  })

  it('one login and one lead seat go to exactly one of eight instances racing for them', async () => {
    const { stores } = await instances(8)
    const logins = await Promise.allSettled(stores.map((store, i) => store.createPerson(newPerson(`p${i}`, { login: i % 2 ? 'Sam@Example.com' : 'sam@example.com' }))))
    expect(tally(logins)).toEqual({ ok: 1, 'login-taken': 7 })

    const existing = await Promise.all(stores.map((_, i) => stores[0]!.createPerson(newPerson(`e${i}`))))
    const seats = await Promise.allSettled(stores.map((store, i) => store.updatePerson(existing[i]!.id, { role: 'engineering-lead' })))
    expect(tally(seats)).toEqual({ ok: 1, 'lead-taken': 7 })
    expect((await stores[3]!.listPeople()).filter((p) => p.role === 'engineering-lead')).toHaveLength(1)
  })

  it('changes to different fields of one person from several instances at once all land (compare-and-set, no lost update)', async () => {
    const { stores } = await instances(4)
    await stores[0]!.createPerson(newPerson('kim', { role: 'team-lead', team: 'Core' }))
    // Each instance sets its own field, one change after another, while the other three do the
    // same: a blind write of the whole record would undo another instance's change that landed
    // between its read and its write.
    const patches = [(i: number) => ({ name: `Kim ${i}` }), (i: number) => ({ team: `Team ${i}` }), (i: number) => ({ login: `kim${i}` }), (i: number) => ({ passwordHash: `scrypt$${i}` })]
    await Promise.all(
      stores.map(async (store, s) => {
        for (let i = 0; i < 15; i++) await store.updatePerson('kim', patches[s]!(i))
      }),
    )
    expect(await stores[1]!.getPerson('kim')).toMatchObject({ name: 'Kim 14', team: 'Team 14', login: 'kim14', passwordHash: 'scrypt$14', role: 'team-lead' })
    // Only the last login is taken: the ones given up on the way are free again.
    expect(await stores[2]!.findPersonByLogin('kim3')).toBeNull()
    expect((await stores[2]!.findPersonByLogin('KIM14'))?.id).toBe('kim')
  })

  it('every key lives under the prefix and carries the {accounts} hash tag', async () => {
    const { prefix, stores: [store] } = await instances(1)
    await store!.createPerson(newPerson('ada', { role: 'admin', login: 'ada' }))
    await store!.createInvite(newInvite('i1'))
    await store!.createSession({
      id: 's1', secretHash: 'h1', personId: 'ada', csrfToken: 'c', createdAt: T0, expiresAt: T0 + DAY, lastSeenAt: T0, ip: null, userAgent: null, revokedAt: null,
    })
    await store!.appendAudit({ at: T0, actorId: null, actorName: null, action: 'signout', target: null, detail: {} })
    await store!.putSetting('slack.webhookUrl', 'https://hooks.example.com/x')
    await store!.addQuestion({
      id: 'q1', kind: 'question', domainId: 'd', domainName: 'D', ownerRole: 'product-lead', text: 'Why?', askerId: 'ada', askerName: 'Ada',
      askerRole: 'admin', askedAt: T0, answer: null,
    })
    const keys = await redis.keys(prefix)
    expect(keys.length).toBeGreaterThan(10)
    for (const key of keys) expect(key.startsWith(`${prefix}accounts:{accounts}:`)).toBe(true)
  })

  it('refuses a bad prefix and an unreachable Redis with sentences, without leaking the password', async () => {
    await expect(RedisAccountStore.open({ url: redis.url, prefix: 'has space' })).rejects.toThrow(/prefix "has space" must be/)
    const refusal = await RedisAccountStore.open({ url: 'redis://:hunter2-secret@127.0.0.1:1' }).then(
      () => null,
      (error: Error) => error.message,
    )
    expect(refusal).toMatch(/^Could not use Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1: connect ECONNREFUSED/)
    expect(refusal).not.toContain('hunter2')
  })

  // Real processes, each with its own connection, as several Fourwall servers would be.
  describe('across processes', () => {
    it('every invite is redeemed exactly once while four processes race through them', async () => {
      const { prefix, stores: [store] } = await instances(1)
      for (let i = 0; i < RACE_INVITES; i++) await store!.createInvite(newInvite(`inv${i}`, { codeHash: `race${i}`, name: `Racer ${i}` }))
      // All four walk the same codes in the same order, so they collide on nearly every one.
      const tallies = await race(Array.from({ length: 4 }, (_, i) => racer(prefix, 'redeem', `r${i}`)))
      expect(sumTallies(tallies)).toEqual({ ok: RACE_INVITES, 'invite-used': 3 * RACE_INVITES })
      expect(await store!.listPeople()).toHaveLength(RACE_INVITES)
      const users = new Set((await store!.listInvites()).map((invite) => invite.usedBy))
      expect(users.size).toBe(RACE_INVITES)
      expect(users.has(null)).toBe(false)
    })

    it('only one of four processes takes a free lead role', async () => {
      const { prefix, stores: [store] } = await instances(1)
      const tallies = await race(Array.from({ length: 4 }, (_, i) => racer(prefix, 'lead', `l${i}`)))
      expect(sumTallies(tallies)).toEqual({ ok: 1, 'lead-taken': 3 })
      expect((await store!.listPeople()).map((p) => p.role)).toEqual(['product-lead'] satisfies Role[])
    })
  })
})

// --- racing child processes -------------------------------------------------------------------------

const RACE_INVITES = 200

const RACER_SOURCE = accountRacerSource({
  open: 'const { RedisAccountStore } = await import(spec.moduleUrl)\nconst store = await RedisAccountStore.open({ url: spec.url, prefix: spec.prefix })',
  redeemAt: T0 + 1,
  redeemRole: 'editor',
})

const storeModule = pathToFileURL(fileURLToPath(new URL('../../server/src/accounts/RedisAccountStore.ts', import.meta.url))).href

function racer(prefix: string, op: 'redeem' | 'lead', id: string): Racer {
  return spawnRacer(RACER_SOURCE, { moduleUrl: storeModule, url: redis.url, prefix, op, id, invites: RACE_INVITES })
}
