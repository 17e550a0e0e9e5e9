/**
 * The stock y-websocket client against a real server: convergence, awareness, and refusals.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForClose, waitForSync, type YClient } from '../support/yclient.js'

const DOC = 'week:2026-W48'

describe('sync endpoint with the stock y-websocket client', () => {
  let server: TestServer
  const clients: YClient[] = []
  const client = (...args: Parameters<typeof connectClient> extends [unknown, ...infer Rest] ? Rest : never) => {
    const c = connectClient(server.wsUrl, ...args)
    clients.push(c)
    return c
  }

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('two clients edit one document and converge', async () => {
    const a = client(DOC, server.token('product-lead', 'Pat'))
    const b = client(DOC, server.token('engineering-lead', 'Eli'))
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])

    a.doc.getText('note').insert(0, 'Red: mobile release blocked. ')
    b.doc.getMap('items').set('okr-1', 'yellow')
    b.doc.getText('note').insert(0, 'Needs two engineers. ')

    await waitFor(() => [a.doc.getText('note').toString(), b.doc.getText('note').toString()], ([x, y]) => x === y && x!.length > 40)
    await waitFor(() => a.doc.getMap('items').get('okr-1'), (v) => v === 'yellow')
    expect(a.doc.getText('note').toString()).toContain('Red: mobile release blocked.')
    expect(a.doc.getText('note').toString()).toContain('Needs two engineers.')
  })

  it('relays awareness between clients with the identity the server verified', async () => {
    const a = client(DOC, server.token('product-lead', 'Pat'), { name: 'Mallory', role: 'admin', color: '#123456' })
    const b = client(DOC, server.token('chief-of-staff', 'Cam'), { name: 'Cam', color: '#abcdef' })
    await Promise.all([waitForSync(a.provider), waitForSync(b.provider)])

    const seenByB = await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID) as { user?: Record<string, unknown> } | undefined,
      (state) => state?.user !== undefined,
    )
    // The name and role come from the token, not from what the client claimed; the colour is the client's.
    expect(seenByB!.user).toMatchObject({ name: 'Pat', role: 'product-lead', color: '#123456' })
    const seenByA = await waitFor(
      () => a.provider.awareness.getStates().get(b.doc.clientID) as { user?: Record<string, unknown> } | undefined,
      (state) => state?.user !== undefined,
    )
    expect(seenByA!.user).toMatchObject({ name: 'Cam', role: 'chief-of-staff' })

    // Leaving removes the presence for the others.
    a.provider.disconnect()
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), (present) => !present)
  })

  it('a new client syncs content that was written before it joined', async () => {
    const a = client(DOC, server.token())
    await waitForSync(a.provider)
    a.doc.getArray('log').push(['first', 'second'])
    await waitFor(() => server.server.metrics.updatesReceived.get(), (n) => n >= 1)
    const b = client(DOC, server.token('team-lead'))
    await waitForSync(b.provider)
    await waitFor(() => b.doc.getArray('log').toArray(), (items) => items.length === 2)
  })

  it('closes a connection without a valid token with 4401 and the client stops retrying', async () => {
    const c = client(DOC, 'fw1.forged.token')
    const closed = await waitForClose(c.provider)
    expect(closed.code).toBe(4401)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(c.provider.shouldConnect).toBe(false)
  })

  it('refuses an unknown document name with 4404', async () => {
    const c = client('not-a-board', server.token())
    expect((await waitForClose(c.provider)).code).toBe(4404)
  })

  it("never applies a viewer's writes", async () => {
    const editor = client(DOC, server.token('editor'))
    const viewer = client(DOC, server.token('team-lead'))
    await Promise.all([waitForSync(editor.provider), waitForSync(viewer.provider)])
    viewer.doc.getText('note').insert(0, 'viewer was here')
    editor.doc.getText('note').insert(0, 'editor text')
    await waitFor(() => viewer.doc.getText('note').toString(), (t) => t.includes('editor text'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(editor.doc.getText('note').toString()).toBe('editor text')
  })
})
