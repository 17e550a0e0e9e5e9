/**
 * Debian's Chromium driven by playwright-core (which downloads no browser of its own), for the
 * browser tests and the board benchmark alike. No vitest here, so benchmarks can use it too.
 */
import { chromium, type Browser } from 'playwright-core'
import { ensureChromium } from '../setup/machine.js'

export const CHROMIUM_ARGS = [
  '--no-sandbox', // containers and CI run as root, where Chromium's sandbox refuses to start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Nothing but the page under test may talk to the network (and none is reachable anyway).
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: await ensureChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] })
}
