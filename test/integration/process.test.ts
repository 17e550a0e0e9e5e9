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
import { makeDataDir, redeemInvite } from '../support/server.js'
import { ROOT, runServerProcess, startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'

describe('the server process', () => {
  const running: ServerProcess[] = []
  const dirs: string[] = []
  afterEach(() => {
    for (const s of running.splice(0)) s.child.kill('SIGKILL')
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('the production build serves the page and /healthz, and prints a one-time setup link', async () => {
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
    // Nobody is an admin yet: the page can tell, and the log carries a one-time setup link.
    expect(await (await fetch(server.url + '/api/setup')).json()).toEqual({ needsSetup: true })
    await expect.poll(() => server.stderr.join('\n')).toMatch(/\/join#code=[\w-]{43}/)
    const code = /\/join#code=([\w-]{43})/.exec(server.stderr.join('\n'))![1]!
    const admin = await redeemInvite(server.url, code)
    expect(admin.identity).toMatchObject({ name: 'Admin', role: 'admin' })
    expect(await (await fetch(server.url + '/api/setup')).json()).toEqual({ needsSetup: false })
    // The link works once.
    const again = await fetch(server.url + '/api/invites/redeem', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
    expect(again.status).toBe(410)
    expect(await (await fetch(server.url + '/api/me', { headers: { cookie: admin.cookie } })).json()).toMatchObject({ identity: { role: 'admin' }, via: 'session' })
    // The generated secret is kept, private to its owner.
    expect(fs.statSync(path.join(dataDir, 'secret')).mode & 0o077).toBe(0)
    // Logs are JSON lines and never contain a token, an invite code or a session cookie.
    for (const line of server.stdout) expect(() => JSON.parse(line)).not.toThrow()
    const logs = server.stdout.join('\n')
    expect(logs).not.toContain('fw1.')
    expect(logs).not.toContain(code)
    expect(logs).not.toContain(admin.cookie.split('=')[1]!)
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

  it('the admin CLI creates the first admin, prints invite links and tokens the running server accepts, and explains bad arguments', async () => {
    const dataDir = makeDataDir()
    dirs.push(dataDir)
    const server = await startServerProcess({ DATA_DIR: dataDir })
    running.push(server)
    const run = promisify(execFile)
    const cli = (args: string[], input?: string) => {
      const child = run(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(ROOT, 'server/src/cli.ts'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, FOURWALL_SECRET: TEST_SECRET, PUBLIC_URL: server.url },
      })
      child.child.stdin!.end(input ?? '')
      return child
    }
    const codeOf = (link: string) => /\/join#code=([\w-]{43})$/.exec(link.trim())![1]!

    // admin create: a person with a password, and a one-time sign-in link for them.
    const created = await cli(['admin', 'create', '--name', 'Ada Admin', '--login', 'ada@example.com', '--password-stdin'], 'correct horse battery\n')
    expect(created.stdout.trim().startsWith(`${server.url}/join#code=`)).toBe(true)
    expect(await (await fetch(server.url + '/api/setup')).json()).toEqual({ needsSetup: false })
    const signedIn = await fetch(server.url + '/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'ADA@example.com', password: 'correct horse battery' }),
    })
    expect(signedIn.status).toBe(200)
    expect((await redeemInvite(server.url, codeOf(created.stdout))).identity).toMatchObject({ name: 'Ada Admin', role: 'admin' })

    // invite create: a single-use link that makes a team lead of the person who opens it.
    const invited = await cli(['invite', 'create', '--role', 'team-lead', '--name', 'Tia Team', '--team', 'Mobile'])
    const teamLead = await redeemInvite(server.url, codeOf(invited.stdout))
    expect(teamLead.identity).toMatchObject({ name: 'Tia Team', role: 'team-lead' })
    expect(await (await fetch(server.url + '/api/me', { headers: { cookie: teamLead.cookie } })).json()).toMatchObject({ identity: { team: 'Mobile' } })

    // token create: an API token for scripts.
    const { stdout } = await cli(['token', 'create', '--role', 'editor', '--name', 'Ana Lopez'])
    expect(new TokenSigner(TEST_SECRET).verify(stdout.trim())).toMatchObject({ name: 'Ana Lopez', role: 'editor' })

    const failures: Array<[string[], RegExp]> = [
      [['token', 'create', '--role', 'boss', '--name', 'X'], /--role must be one of/],
      [['invite', 'create', '--role', 'chief-of-staff', '--name', 'Cy'], /works for one of the two leads/],
      [['invite', 'create', '--role', 'editor', '--name', 'Ed', '--works-for', 'ceo'], /--works-for must be one of/],
      [['admin', 'create', '--name', 'Bo', '--login', 'bo'], /needs a password on standard input/],
      [['frobnicate'], /unknown command/],
    ]
    for (const [args, message] of failures) {
      const failed = await cli(args).catch((error: { code: number; stderr: string }) => error)
      expect(failed, args.join(' ')).toMatchObject({ code: 2 })
      expect((failed as { stderr: string }).stderr).toMatch(message)
    }
  })
})
