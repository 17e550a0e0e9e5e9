/**
 * Database files in temporary directories of their own, for the storage and account store tests.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

export interface TempDbFile {
  /** Where to open the database: `name` inside a fresh temporary directory. */
  file: string
  /** Deletes the directory with everything in it. */
  remove(): void
}

/** `name` may include a subdirectory, which is not created (open() must create it). */
export function tempDbFile(prefix: string, name = 'fourwall.db'): TempDbFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { file: path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Call in a describe block: returns a maker of database files (see tempDbFile) whose directories
 * are deleted after each test.
 */
export function tempDbFiles(prefix: string): (name?: string) => string {
  const made: Array<() => void> = []
  afterEach(() => {
    for (const remove of made.splice(0)) remove()
  })
  return (name) => {
    const { file, remove } = tempDbFile(prefix, name)
    made.push(remove)
    return file
  }
}
