/**
 * Runs once before the test files. Finds or installs what the tests need from the machine, so a
 * fresh clone passes with `npm ci && npm test` and nothing installed by hand.
 */
import { ensureChromium } from './machine.js'

export default async function setup(): Promise<void> {
  await ensureChromium()
}
