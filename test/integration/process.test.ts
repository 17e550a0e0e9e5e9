/**
 * The server as people run it: the production build serves the page and /healthz, and a bad
 * environment value stops it with one line naming the variable.
 */
import fs from 'node:fs'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { TokenSigner } from '@fourwall/server'
import { makeDataDir } from '../support/server.js'
import { ROOT, runServerProcess, startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'

describe('the server process', () => {
  const running: ServerProcess[] = []
  const dirs: string[] = []
  afterEach(() => {
    for (const s of running.splice(0)) s.child.kill('SIGKILL')
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('the production build serves the page and /healthz, and prints a first-run admin link', async () => {
    expect(fs.existsSync(path.join(ROOT, 'server/dist/main.js')), 'run `npm run build` first (npm test does)').toBe(true)
    const dataDir = makeDataDir()
    dirs.push(dataDir)
    const server = await startServerProcess({ DATA_DIR: dataDir, FOURWALL_SECRET: '' }, 'dist')
    running.push(server)
    const page = await fetch(server.url + '/')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    expect((await fetch(server.url + '/healthz')).status).toBe(200)
    // A client-side route gets the app shell too.
    expect(await (await fetch(server.url + '/some/board/route')).text()).toContain('<div id="root">')
    await expect.poll(() => server.stderr.join('\n')).toMatch(/#token=fw1\./)
    // The generated secret is kept, private to its owner.
    expect(fs.statSync(path.join(dataDir, 'secret')).mode & 0o077).toBe(0)
    // Logs are JSON lines and never contain a token.
    for (const line of server.stdout) expect(() => JSON.parse(line)).not.toThrow()
    expect(server.stdout.join('\n')).not.toContain('fw1.')
  })

  it.each([
    ['PORT', 'not-a-port'],
    ['MAX_MESSAGE_BYTES', '12kb'],
    ['LOG_LEVEL', 'chatty'],
  ])('exits non-zero with one line naming %s', async (name, value) => {
    const dataDir = makeDataDir()
    dirs.push(dataDir)
    const run = runServerProcess({ DATA_DIR: dataDir, [name]: value })
    expect(await run.exited).toBe(1)
    expect(run.stderr).toHaveLength(1)
    expect(run.stderr[0]).toContain(name)
    expect(run.stderr[0]).toContain(value)
  })

  it('the admin CLI prints a token the server accepts, and explains bad arguments', async () => {
    const dataDir = makeDataDir()
    dirs.push(dataDir)
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, FOURWALL_SECRET: TEST_SECRET },
      })
    const { stdout, stderr } = await cli('token', 'create', '--role', 'editor', '--name', 'Ana Lopez')
    expect(new TokenSigner(TEST_SECRET).verify(stdout.trim())).toMatchObject({ name: 'Ana Lopez', role: 'editor' })
    expect(stderr).toContain('#token=')
    const failed = await cli('token', 'create', '--role', 'boss', '--name', 'X').catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toMatch(/--role must be one of/)
  })
})
