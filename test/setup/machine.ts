/**
 * Finds, or installs from Debian's packages, the programs the tests need from the machine. A fresh
 * machine (or CI's) has none of them, and nothing installed by hand survives a change of machine,
 * so the test suite installs them itself.
 */
import { spawn } from 'node:child_process'
import { constants, existsSync } from 'node:fs'
import { access, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'

interface Program {
  /** What the tests call it, for messages. */
  label: string
  /** Environment variable that points at an existing binary instead. */
  envVar: string
  /** Where Debian's package puts the binary. */
  defaultPath: string
  /** The Debian packages that provide it. */
  packages: string[]
}

const CHROMIUM: Program = {
  label: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  defaultPath: '/usr/bin/chromium',
  // Its only recommend is chromium-sandbox (the setuid sandbox), useless as the tests pass
  // --no-sandbox; a font still comes in through fontconfig-config's dependency on fonts-dejavu-core.
  packages: ['chromium'],
}

const REDIS_SERVER: Program = {
  label: 'Redis',
  envVar: 'REDIS_SERVER_PATH',
  defaultPath: '/usr/bin/redis-server',
  packages: ['redis-server'],
}

/** Path of a Chromium binary, installing Debian's `chromium` package if there is none. */
export function ensureChromium(): Promise<string> {
  return ensureProgram(CHROMIUM)
}

/** Path of a `redis-server` binary, installing Debian's `redis-server` package if there is none. */
export function ensureRedisServer(): Promise<string> {
  return ensureProgram(REDIS_SERVER)
}

const NGINX: Program = {
  label: 'nginx',
  envVar: 'NGINX_PATH',
  defaultPath: '/usr/sbin/nginx',
  packages: ['nginx'],
}

/** Where an nginx unpacked for the tests lives (see ensureNginx). */
const UNPACKED_NGINX_DIR = join(tmpdir(), 'fourwall-nginx')

/**
 * Path of an nginx binary, for the test that runs deploy/nginx.conf in front of two processes.
 * Installing Debian's package would also start a system nginx on port 80 (its postinst does), so
 * when none is installed the package is downloaded and unpacked into the temp directory instead:
 * the binary only needs libraries every Debian has (libc, libcrypt, pcre2, libssl, zlib).
 */
export async function ensureNginx(): Promise<string> {
  const found = await findProgram(NGINX)
  if (found) return found
  const unpacked = join(UNPACKED_NGINX_DIR, 'usr/sbin/nginx')
  if (await isExecutable(unpacked)) return unpacked
  return withLock('fourwall-unpack-nginx.lock', async () => {
    if (await isExecutable(unpacked)) return unpacked
    if (!onPath('apt-get') || !onPath('dpkg-deb')) {
      throw new Error('nginx is needed by the tests and this machine has no apt-get to fetch it. Install nginx yourself or set NGINX_PATH.')
    }
    console.log("Fetching Debian's nginx package for the tests (unpacked into the temp directory, not installed)...")
    await mkdir(UNPACKED_NGINX_DIR, { recursive: true })
    try {
      await run(['sh', '-c', `cd ${JSON.stringify(UNPACKED_NGINX_DIR)} && apt-get download nginx`])
    } catch {
      // A machine whose package lists were never fetched: fetch them (as root) and try again.
      const prefix = process.getuid?.() === 0 ? '' : 'sudo -n '
      await run(['sh', '-c', `${prefix}apt-get update && cd ${JSON.stringify(UNPACKED_NGINX_DIR)} && apt-get download nginx`])
    }
    const deb = (await readdir(UNPACKED_NGINX_DIR)).find((name) => name.startsWith('nginx_') && name.endsWith('.deb'))
    if (!deb) throw new Error(`apt-get download nginx left no .deb in ${UNPACKED_NGINX_DIR}`)
    await run(['dpkg-deb', '-x', join(UNPACKED_NGINX_DIR, deb), UNPACKED_NGINX_DIR])
    if (!(await isExecutable(unpacked))) throw new Error(`unpacked ${deb} but ${unpacked} is missing`)
    return unpacked
  })
}

async function ensureProgram(program: Program): Promise<string> {
  const found = await findProgram(program)
  if (found) return found
  // Another test process (or a second vitest run) may be installing right now: apt-get would fail
  // on dpkg's lock, so take our own lock, then look again before installing.
  return withLock(`fourwall-install-${program.packages.join('-')}.lock`, async () => {
    const foundAfterWait = await findProgram(program)
    if (foundAfterWait) return foundAfterWait
    await install(program)
    const installed = await findProgram(program)
    if (!installed) {
      throw new Error(`${program.label}: installed ${program.packages.join(' ')} but ${program.defaultPath} is still missing`)
    }
    return installed
  })
}

async function findProgram(program: Program): Promise<string | null> {
  const fromEnv = process.env[program.envVar]
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return fromEnv
    console.warn(`${program.envVar}=${fromEnv} is not an executable file; looking for ${program.defaultPath} instead`)
  }
  return (await isExecutable(program.defaultPath)) ? program.defaultPath : null
}

async function install(program: Program): Promise<void> {
  const packages = program.packages.join(' ')
  const howToFix = `Install Debian's ${packages} package yourself (apt-get install ${packages}) or set ${program.envVar} to an existing binary.`
  if (!onPath('apt-get') || !onPath('dpkg')) {
    throw new Error(`${program.label} is needed by the tests and this machine has no apt-get to install it. ${howToFix}`)
  }
  const asRoot = process.getuid?.() === 0
  if (!asRoot && !onPath('sudo')) {
    throw new Error(`${program.label} is needed by the tests; installing it needs root and there is no sudo. ${howToFix}`)
  }
  // -n: never prompt for a password (CI has no terminal); fail instead, with the message below.
  const prefix = asRoot ? [] : ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND']
  console.log(`Installing ${packages} from Debian's packages for the tests (this may take a minute)...`)
  try {
    await run([...prefix, 'apt-get', 'update'])
    // DPkg::Lock::Timeout waits for a concurrent apt (e.g. unattended-upgrades) instead of failing.
    await run([...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...program.packages])
  } catch (error) {
    throw new Error(`Could not install ${packages}: ${(error as Error).message}\n${howToFix}`)
  }
}

/** Runs a command quietly; its output is shown only if it fails, since apt's progress is noise. */
function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv as [string, ...string[]]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    let output = ''
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`\`${argv.join(' ')}\` exited with ${code}:\n${output.trim()}`))
    })
  })
}

const LOCK_POLL_MS = 500
/** An install that has held the lock this long is presumed dead (apt itself waits at most 300 s). */
const LOCK_STALE_MS = 15 * 60_000

/** Runs `task` while holding an exclusive lock file in the temp directory (shared by all processes). */
async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const path = join(tmpdir(), name)
  const started = Date.now()
  for (;;) {
    try {
      // 'wx' fails if the file exists: creating it is the atomic "acquire".
      const handle = await open(path, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (await isStaleLock(path)) {
        await rm(path, { force: true })
        continue
      }
      if (Date.now() - started > LOCK_STALE_MS) throw new Error(`Timed out waiting for the install lock ${path}`)
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS))
    }
  }
  try {
    return await task()
  } finally {
    await rm(path, { force: true })
  }
}

/** A lock is stale when the process that wrote it is gone (killed mid-install, say). */
async function isStaleLock(path: string): Promise<boolean> {
  let pid: number
  let ageMs: number
  try {
    pid = Number.parseInt(await readFile(path, 'utf8'), 10)
    ageMs = Date.now() - (await stat(path)).mtimeMs
  } catch {
    return false // just removed by its owner: try again shortly
  }
  // No pid yet: its owner is between creating and writing it, unless it died right there.
  if (!Number.isInteger(pid) || pid <= 0) return ageMs > 10_000
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so the lock is live.
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)))
}
