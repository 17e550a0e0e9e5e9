#!/usr/bin/env node
/**
 * The admin CLI, for bootstrapping and scripting a deployment without a browser. It works on the
 * same DATA_DIR (and FOURWALL_SECRET) as the server, so the server accepts what it creates, and it
 * can run while the server runs (SQLite serialises the two; with REDIS_URL it uses the server's Redis).
 *
 *   fourwall admin create --name "Ada" [--login ada@example.com --password-stdin]
 *   fourwall invite create --role team-lead --name "Grace" [--team Mobile] [--works-for product-lead] [--expires-in-hours 72]
 *   fourwall token create --role editor --name "CI bot" [--expires-in-days 30]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { isLeadRole, isRole, LEAD_ROLES, ROLES, type LeadRole, type Role } from '@fourwall/shared'
import { AccountError } from './accounts/AccountStore.js'
import { RedisAccountStore } from './accounts/RedisAccountStore.js'
import { SqliteAccountStore } from './accounts/SqliteAccountStore.js'
import { Accounts } from './auth/Accounts.js'
import { loadOrCreateSecret } from './auth/secret.js'
import { TokenSigner } from './auth/tokens.js'
import { ConfigError, loadConfig, type FourwallConfig } from './config.js'
import { createLogger } from './logger.js'

const USAGE = `Usage:
  fourwall admin create --name "<name>" [--login <login> --password-stdin]
      Adds an admin and prints a one-time sign-in link for them (valid 24 hours).
      With --login and a password on standard input, they can also sign in with a password.
  fourwall invite create --role <role> --name "<name>" [--works-for <lead>] [--team "<team>"] [--expires-in-hours <hours>]
      Prints a single-use invite link; the person gets the role when they open it.
  fourwall token create --role <role> --name "<name>" [--expires-in-days <days>]
      Prints an API token for scripts (Authorization: Bearer <token>).

Roles: ${ROLES.join(', ')}
Leads (for --works-for, required for a chief-of-staff): ${LEAD_ROLES.join(', ')}
Environment: DATA_DIR (default ./data), FOURWALL_SECRET and PUBLIC_URL as for the server.`

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message)
}

type Values = Record<string, string | boolean | undefined>

function requiredName(values: Values): string {
  const name = typeof values.name === 'string' ? values.name.trim() : ''
  if (!name || name.length > 100) fail('--name is required (at most 100 characters)')
  return name
}

function requiredRole(values: Values): Role {
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`)
  return values.role
}

function wholeNumber(values: Values, flag: string, max: number): number | undefined {
  const raw = values[flag]
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0 || value > max) fail(`--${flag} must be a whole number from 1 to ${max}`)
  return value
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}

/** The server's own account store: Redis with REDIS_URL (and REDIS_PREFIX), else the SQLite file in DATA_DIR. */
async function openAccounts(config: FourwallConfig): Promise<Accounts> {
  const store = config.redisUrl
    ? await RedisAccountStore.open({ url: config.redisUrl, prefix: config.redisPrefix })
    : SqliteAccountStore.open({ file: path.join(config.dataDir, 'fourwall.db'), synchronous: config.sqliteSynchronous })
  return new Accounts({ store, config, log: createLogger('silent') })
}

function baseUrl(config: FourwallConfig): string {
  return config.publicUrl ?? `http://localhost:${config.port}`
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      login: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'works-for': { type: 'string' },
      team: { type: 'string' },
      'expires-in-hours': { type: 'string' },
      'expires-in-days': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help || positionals.length === 0) {
    process.stdout.write(USAGE + '\n')
    return
  }
  const command = positionals.join(' ')
  const config = loadConfig()

  if (command === 'token create') {
    const name = requiredName(values)
    const role = requiredRole(values)
    const days = wholeNumber(values, 'expires-in-days', 3650)
    const { secret } = loadOrCreateSecret(config.dataDir, config.secret)
    process.stdout.write(new TokenSigner(secret).create({ name, role, expiresInSeconds: days && days * 86_400 }) + '\n')
    process.stderr.write(`API token for ${name} (${role}). Scripts send it as: Authorization: Bearer <token>\n`)
    return
  }

  if (command === 'invite create') {
    const name = requiredName(values)
    const role = requiredRole(values)
    const worksFor = values['works-for']
    if (worksFor !== undefined && !isLeadRole(worksFor)) fail(`--works-for must be one of ${LEAD_ROLES.join(', ')}`)
    const accounts = await openAccounts(config)
    try {
      const { code, invite } = await accounts.createInvite(null, {
        name,
        role,
        worksFor: (worksFor as LeadRole | undefined) ?? null,
        team: values.team?.trim() || null,
        expiresInHours: wholeNumber(values, 'expires-in-hours', 720),
      })
      process.stdout.write(`${baseUrl(config)}/join#code=${code}\n`)
      process.stderr.write(`Invite for ${name} (${role}), single use, valid until ${new Date(invite.expiresAt).toISOString()}.\n`)
    } finally {
      await accounts.store.close()
    }
    return
  }

  if (command === 'admin create') {
    const name = requiredName(values)
    if (values['password-stdin'] && !values.login) fail('--password-stdin needs --login')
    if (values.login && !values['password-stdin']) fail('--login needs a password on standard input (--password-stdin)')
    const password = values['password-stdin'] ? await readStdin() : undefined
    const accounts = await openAccounts(config)
    try {
      const person = await accounts.createPerson(null, { name, role: 'admin', login: values.login, password })
      const { code } = await accounts.createInvite(null, { name, role: 'admin', worksFor: null, team: null, expiresInHours: 24, personId: person.id })
      process.stdout.write(`${baseUrl(config)}/join#code=${code}\n`)
      process.stderr.write(`Admin ${name} created. The link above signs them in once, within 24 hours.\n`)
    } finally {
      await accounts.store.close()
    }
    return
  }

  fail(`unknown command "${command}"`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`fourwall: ${error.message}\n\n${USAGE}\n`)
  else if (error instanceof ConfigError) process.stderr.write(`fourwall: invalid configuration: ${error.message}\n`)
  else if (error instanceof AccountError) process.stderr.write(`fourwall: ${error.message}\n`)
  else process.stderr.write(`fourwall: ${(error as Error).message}\n`)
  process.exitCode = 2
})
