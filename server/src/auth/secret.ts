/**
 * The server secret signs tokens. Given in FOURWALL_SECRET, or generated once into DATA_DIR/secret
 * (mode 0600) so a restart, the admin CLI and every process sharing the data dir agree on it.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export function loadOrCreateSecret(dataDir: string, configured: string | undefined): { secret: string; created: boolean } {
  if (configured) return { secret: configured, created: false }
  const file = path.join(dataDir, 'secret')
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    return { secret: fs.readFileSync(file, 'utf8').trim(), created: false }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const secret = randomBytes(32).toString('hex')
  try {
    // 'wx' fails if another process created it first; then we read theirs.
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
    return { secret, created: true }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return { secret: fs.readFileSync(file, 'utf8').trim(), created: false }
  }
}
