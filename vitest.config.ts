import { defineConfig } from 'vitest/config'

// Tests import workspace packages from their TypeScript source (the "source" export condition), so
// a test run never depends on a stale build of shared/ or server/.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    pool: 'forks',
    // Integration tests start real servers and browsers; two cores run two files at a time.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    execArgv: ['--expose-gc'],
  },
})
