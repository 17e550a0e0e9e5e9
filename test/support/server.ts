/**
 * Starts a real Fourwall server on a free port with its own temporary data directory, the way
 * Hocuspocus's tests do, and hands out tokens for it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CSRF_HEADER, type LeadRole, type Role } from '@fourwall/shared'
import { createLogger, FourwallServer, loadConfig, type FourwallConfig, type FourwallServerOptions } from '@fourwall/server'

export interface TestServer {
  server: FourwallServer
  url: string
  wsUrl: string
  dataDir: string
  token(role?: Role, name?: string): string
  /** Invites a new person (through the real redeem endpoint) and returns their signed-in session. */
  signIn(role?: Role, name?: string, extra?: SignInExtra): Promise<TestSession>
  close(): Promise<void>
}

export interface SignInExtra {
  worksFor?: LeadRole | null
  team?: string | null
  login?: string
  password?: string
}

export interface TestSession {
  identity: { id: string; name: string; role: Role }
  /** `fw_session=...`, for a Cookie header. */
  cookie: string
  csrfToken: string
  /** Headers for a state-changing API call with this session. */
  headers(): Record<string, string>
}

/** Redeems an invite code over HTTP, as the join page does. */
export async function redeemInvite(url: string, code: string, credentials?: { login: string; password: string }): Promise<TestSession> {
  const response = await fetch(`${url}/api/invites/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, ...credentials }),
  })
  if (response.status !== 201) throw new Error(`redeem failed: ${response.status} ${await response.text()}`)
  return sessionFrom(response)
}

/** The session a successful sign-in or redeem response started. */
export async function sessionFrom(response: Response): Promise<TestSession> {
  const setCookie = response.headers.get('set-cookie') ?? ''
  const cookie = setCookie.split(';')[0]!
  const body = (await response.json()) as { identity: TestSession['identity']; csrfToken: string }
  return {
    identity: body.identity,
    cookie,
    csrfToken: body.csrfToken,
    headers: () => ({ cookie, [CSRF_HEADER]: body.csrfToken, 'content-type': 'application/json' }),
  }
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fourwall-test-'))
}

export async function startServer(
  overrides: Partial<FourwallConfig> = {},
  env: Record<string, string> = {},
  options: FourwallServerOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? makeDataDir()
  const config = { ...loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), ...overrides }
  const server = await FourwallServer.start(config, { log: createLogger(config.logLevel), ...options })
  const url = server.url
  return {
    server,
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/yjs',
    dataDir,
    token: (role = 'editor', name = `Test ${role}`) => server.tokens.create({ role, name }),
    signIn: async (role = 'editor', name = `Test ${role}`, extra = {}) => {
      const worksFor = extra.worksFor !== undefined ? extra.worksFor : role === 'chief-of-staff' ? 'product-lead' : null
      const { code } = await server.accounts.createInvite(null, { name, role, worksFor, team: extra.team ?? null })
      return redeemInvite(url, code, extra.login && extra.password ? { login: extra.login, password: extra.password } : undefined)
    },
    close: async () => {
      await server.close()
      if (!overrides.dataDir || overrides.dataDir.includes('fourwall-test-')) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
