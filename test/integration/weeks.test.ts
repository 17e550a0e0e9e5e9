/**
 * The leadership-private document and closed weeks, enforced by the server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '@fourwall/shared'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForClose, waitForSync, type YClient } from '../support/yclient.js'

const WEEK = '2026-W48'
const PUBLIC = `week:${WEEK}`
const PRIVATE = `week:${WEEK}:private`

describe('private documents and closed weeks', () => {
  let server: TestServer
  const clients: YClient[] = []
  const client = (doc: string, role: Role, name = role) => {
    const c = connectClient(server.wsUrl, doc, server.token(role, name))
    clients.push(c)
    return c
  }
  const closeWeek = (role: Role) =>
    fetch(`${server.url}/api/weeks/${WEEK}/close`, { method: 'POST', headers: { authorization: `Bearer ${server.token(role, role)}` } })

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('opens the private document only to the leads and their chiefs of staff', async () => {
    for (const role of ['product-lead', 'engineering-lead', 'chief-of-staff'] as const) {
      await waitForSync(client(PRIVATE, role).provider)
    }
    for (const role of ['team-lead', 'editor', 'admin'] as const) {
      expect((await waitForClose(client(PRIVATE, role).provider)).code, role).toBe(4403)
    }
    expect(server.server.sync.connections.size).toBe(3)
  })

  it('only a lead closes a week; then both documents refuse every write, even after a restart', async () => {
    const lead = client(PUBLIC, 'product-lead')
    const editor = client(PUBLIC, 'editor')
    const staff = client(PRIVATE, 'chief-of-staff')
    const otherLead = client(PRIVATE, 'engineering-lead')
    await Promise.all([lead, editor, staff, otherLead].map((c) => waitForSync(c.provider)))
    editor.doc.getText('note').insert(0, 'before close. ')
    staff.doc.getText('draft').insert(0, 'private before close. ')
    await waitFor(() => lead.doc.getText('note').toString(), (t) => t === 'before close. ')
    await waitFor(() => otherLead.doc.getText('draft').toString(), (t) => t === 'private before close. ')

    for (const role of ['chief-of-staff', 'editor', 'team-lead', 'admin'] as const) {
      expect((await closeWeek(role)).status, role).toBe(403)
    }
    const closed = await closeWeek('engineering-lead')
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({ weekId: WEEK, closed: { byName: 'engineering-lead' } })
    expect((await closeWeek('product-lead')).status).toBe(409)

    // Everyone sees the week as closed, and writes from connected editors go nowhere.
    await waitFor(() => editor.doc.getMap('meta').get('closed'), (mark) => mark !== undefined)
    editor.doc.getText('note').insert(0, 'AFTER ')
    staff.doc.getText('draft').insert(0, 'AFTER ')
    const late = client(PUBLIC, 'product-lead')
    await waitForSync(late.provider)
    late.doc.getText('note').insert(0, 'LATE ')
    const check = client(PUBLIC, 'editor')
    await waitForSync(check.provider)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(check.doc.getText('note').toString()).toBe('before close. ')
    expect(lead.doc.getText('note').toString()).toBe('before close. ')
    expect(otherLead.doc.getText('draft').toString()).toBe('private before close. ')

    // The close is stored with the documents: after a restart the week is still closed.
    for (const c of clients.splice(0)) c.destroy()
    const dataDir = server.dataDir
    await server.server.close()
    server = await startServer({ dataDir })
    const again = client(PUBLIC, 'product-lead')
    await waitForSync(again.provider)
    again.doc.getText('note').insert(0, 'AFTER RESTART ')
    const watcher = client(PUBLIC, 'editor')
    await waitForSync(watcher.provider)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(watcher.doc.getText('note').toString()).toBe('before close. ')
  })

  it('ignores a close marker forged by a client', async () => {
    const editor = client(PUBLIC, 'editor')
    const lead = client(PUBLIC, 'product-lead')
    await Promise.all([waitForSync(editor.provider), waitForSync(lead.provider)])
    editor.doc.getMap('meta').set('closed', { at: new Date().toISOString(), by: 'x', byName: 'Forger', sig: 'not-a-signature' })
    lead.doc.getText('note').insert(0, 'still open')
    await waitFor(() => editor.doc.getText('note').toString(), (t) => t === 'still open')
    const late = client(PUBLIC, 'editor')
    await waitForSync(late.provider)
    late.doc.getText('note').insert(0, 'yes, ')
    await waitFor(() => lead.doc.getText('note').toString(), (t) => t === 'yes, still open')
    expect((await closeWeek('product-lead')).status).toBe(200)
  })
})
