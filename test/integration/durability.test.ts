/**
 * Edits survive a graceful restart and a kill -9: the server stores an update before relaying it,
 * and answers a client's first sync only from a fully loaded document.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { TokenSigner } from '@fourwall/server'
import { makeDataDir } from '../support/server.js'
import { freePort, startServerProcess, TEST_SECRET, type ServerProcess } from '../support/process.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const DOC = 'week:2026-W48'
const tokens = new TokenSigner(TEST_SECRET)
const editorToken = () => tokens.create({ role: 'editor', name: 'Editor' })

/** Connects a client and records what its document held at the moment of its first sync. */
async function contentAtFirstSync(wsUrl: string): Promise<{ client: YClient; items: string[] }> {
  const client = connectClient(wsUrl, DOC, editorToken())
  let items: string[] | null = null
  client.provider.on('sync', (synced: boolean) => {
    if (synced && items === null) items = client.doc.getArray<string>('items').toArray()
  })
  await waitForSync(client.provider)
  return { client, items: items! }
}

describe('durability across restarts', () => {
  const dataDirs: string[] = []
  const clients: YClient[] = []
  const servers: ServerProcess[] = []
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of servers.splice(0)) s.child.kill('SIGKILL')
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('a graceful restart loses nothing, closes clients with 1001, exits 0, and offline edits merge back', async () => {
    const dataDir = makeDataDir()
    dataDirs.push(dataDir)
    const port = String(await freePort())
    const first = await startServerProcess({ DATA_DIR: dataDir, PORT: port })
    servers.push(first)
    const a = connectClient(first.wsUrl, DOC, editorToken())
    const b = connectClient(first.wsUrl, DOC, editorToken())
    clients.push(a, b)
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])
    for (let i = 0; i < 50; i++) (i % 2 ? a : b).doc.getArray<string>('items').push([`edit ${i}`])
    await waitFor(() => [a.doc.getArray('items').length, b.doc.getArray('items').length], ([x, y]) => x === 50 && y === 50)

    const closeCodes: number[] = []
    a.provider.on('connection-close', (event) => event && closeCodes.push(event.code))
    const stopStarted = Date.now()
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(Date.now() - stopStarted).toBeLessThan(5_000)
    await waitFor(() => closeCodes, (codes) => codes.length > 0)
    expect(closeCodes[0]).toBe(1001)

    // Edited while the server is down: merges when it is back.
    a.doc.getArray<string>('items').push(['offline edit'])
    const second = await startServerProcess({ DATA_DIR: dataDir, PORT: port })
    servers.push(second)
    const { client: c, items } = await contentAtFirstSync(second.wsUrl)
    clients.push(c)
    expect(items.slice(0, 50).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `edit ${i}`).sort())
    await waitFor(() => c.doc.getArray('items').toArray(), (list) => list.includes('offline edit'), 15_000, 'offline edit merged')
  })

  it('kill -9 loses no edit that another client has seen', async () => {
    const dataDir = makeDataDir()
    dataDirs.push(dataDir)
    const first = await startServerProcess({ DATA_DIR: dataDir })
    servers.push(first)
    const writer = connectClient(first.wsUrl, DOC, editorToken())
    const watcher = connectClient(first.wsUrl, DOC, editorToken())
    clients.push(writer, watcher)
    await Promise.all([waitForSync(writer.provider), waitForSync(watcher.provider)])

    // A stream of separate edits; kill the server the moment the watcher has seen some of them.
    let sent = 0
    const pump = setInterval(() => {
      for (let i = 0; i < 5; i++) writer.doc.getArray<string>('items').push([`edit ${sent++}`])
    }, 2)
    await waitFor(() => watcher.doc.getArray('items').length, (n) => n >= 100)
    first.child.kill('SIGKILL')
    const seen = watcher.doc.getArray<string>('items').toArray()
    clearInterval(pump)
    expect(await first.exited).toBe('SIGKILL')
    writer.destroy()
    watcher.destroy()

    const second = await startServerProcess({ DATA_DIR: dataDir })
    servers.push(second)
    const { client, items } = await contentAtFirstSync(second.wsUrl)
    clients.push(client)
    const stored = new Set(items)
    const lost = seen.filter((item) => !stored.has(item))
    expect(lost).toEqual([])
    expect(items.length).toBeGreaterThanOrEqual(seen.length)
  })
})
