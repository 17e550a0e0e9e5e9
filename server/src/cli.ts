#!/usr/bin/env node
/**
 * The admin CLI: `npm run fourwall -- token create --role editor --name "Ana"` prints a signed token
 * on stdout (for scripts) and a sign-in link on stderr (for people). It reads the same DATA_DIR and
 * FOURWALL_SECRET as the server, so the server accepts what it prints.
 */
import { parseArgs } from 'node:util'
import { ROLES, isRole } from '@fourwall/shared'
import { loadOrCreateSecret } from './auth/secret.js'
import { TokenSigner } from './auth/tokens.js'
import { ConfigError, loadConfig } from './config.js'

const USAGE = `Usage:
  fourwall token create --role <role> --name "<name>" [--expires-in-days <days>]

Roles: ${ROLES.join(', ')}
Environment: DATA_DIR (default ./data) and FOURWALL_SECRET must match the server's.`

function fail(message: string): never {
  process.stderr.write(`fourwall: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'expires-in-days': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help || positionals.length === 0) {
    process.stdout.write(USAGE + '\n')
    return
  }
  const [resource, action] = positionals
  if (resource !== 'token' || action !== 'create') fail(`unknown command "${positionals.join(' ')}"`)
  if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`)
  const name = values.name?.trim()
  if (!name || name.length > 100) fail('--name is required (at most 100 characters)')
  let expiresInSeconds: number | undefined
  if (values['expires-in-days'] !== undefined) {
    const days = Number(values['expires-in-days'])
    if (!Number.isInteger(days) || days <= 0) fail('--expires-in-days must be a positive whole number')
    expiresInSeconds = days * 86_400
  }

  const config = loadConfig()
  const { secret } = loadOrCreateSecret(config.dataDir, config.secret)
  const token = new TokenSigner(secret).create({ name, role: values.role, expiresInSeconds })
  const base = config.publicUrl ?? `http://localhost:${config.port}`
  process.stdout.write(token + '\n')
  process.stderr.write(`Sign-in link for ${name} (${values.role}): ${base}/#token=${token}\n`)
}

try {
  main(process.argv.slice(2))
} catch (error) {
  if (error instanceof ConfigError) fail(`invalid configuration: ${error.message}`)
  fail((error as Error).message)
}
