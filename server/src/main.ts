#!/usr/bin/env node
/**
 * `npm start`: read the configuration, start the server, stop gracefully on SIGTERM/SIGINT.
 */
import { ConfigError, loadConfig, type FourwallConfig } from './config.js'
import { FourwallServer } from './FourwallServer.js'
import { createLogger } from './logger.js'

let config: FourwallConfig
try {
  config = loadConfig()
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`fourwall: invalid configuration: ${error.message}\n`)
    process.exit(1)
  }
  throw error
}

const log = createLogger(config.logLevel)
process.on('uncaughtException', (error) => {
  log.error('uncaught exception', { error, stack: error.stack })
  process.exit(1)
})

const server = await FourwallServer.start(config, { log })
const publicUrl = config.publicUrl ?? `http://localhost:${server.port}`
log.info('fourwall listening', { url: publicUrl, port: server.port, dataDir: config.dataDir, storage: server.storage.kind })

// Human hints go to stderr so stdout stays one JSON object per line.
const setup = await server.accounts.createSetupInvite()
if (setup) {
  process.stderr.write(
    `\nFourwall is ready. Nobody has set it up yet: open this one-time setup link to become its first admin\n` +
      `(it works once, within 24 hours; restart the server for a new one):\n\n` +
      `  ${publicUrl}/join#code=${setup.code}\n\n` +
      `Or, on this machine: npm run fourwall -- admin create --name "Your Name"\n\n`,
  )
} else {
  process.stderr.write(`\nFourwall is running at ${publicUrl}\n\n`)
}

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    log.info('shutting down', { signal })
    const force = setTimeout(() => {
      log.warn('shutdown took too long; exiting')
      process.exit(0)
    }, config.shutdownTimeoutMs + 800)
    force.unref()
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error })
        process.exit(1)
      },
    )
  })
}
