/**
 * Starts a real Fourwall server on a free port with its own temporary data directory, the way
 * Hocuspocus's tests do, and hands out tokens for it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Role } from '@fourwall/shared'
import { createLogger, FourwallServer, loadConfig, type FourwallConfig, type FourwallServerOptions } from '@fourwall/server'

export interface TestServer {
  server: FourwallServer
  url: string
  wsUrl: string
  dataDir: string
  token(role?: Role, name?: string): string
  close(): Promise<void>
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
    close: async () => {
      await server.close()
      if (!overrides.dataDir || overrides.dataDir.includes('fourwall-test-')) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
