/**
 * The document side of the audit log against a real server: every stored update names the person
 * and the connection that sent it, the server's own edits (the week-closed marker) name nobody, and
 * the log outlives compaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentUpdateEntry, Role } from '@fourwall/shared'
import { startServer, type TestServer } from '../support/server.js'
import { connectClient, waitFor, waitForSync, type YClient } from '../support/yclient.js'

const WEEK = '2026-W48'
const PUBLIC = `week:${WEEK}`
const PRIVATE = `week:${WEEK}:private`

describe('update authorship', () => {
  let server: TestServer
  const clients: YClient[] = []

  /** A stock y-websocket client on `doc`, closed after the test. */
  const client = (doc: string, token: string) => {
    const c = connectClient(server.wsUrl, doc, token)
    clients.push(c)
    return c
  }
  /** A client (see above) once it is in sync with the server. */
  const synced = async (doc: string, token: string) => {
    const c = client(doc, token)
    await waitForSync(c.provider)
    return c
  }
  /** A token for a new person, and the person id it carries. */
  const person = (role: Role, name: string) => {
    const token = server.token(role, name)
    const identity = server.server.tokens.verify(token)
    if (!identity) throw new Error('the test token does not verify')
    return { token, id: identity.id, name }
  }
  /** Ids of the open connections of one person (in the order they connected). */
  const connectionIds = (personId: string) =>
    [...server.server.sync.connections].filter((c) => c.identity.id === personId).map((c) => c.id)
  const log = (docName?: string): Promise<DocumentUpdateEntry[]> =>
    server.server.storage.listUpdates({ limit: 1000, ...(docName === undefined ? {} : { docName }) })

  beforeEach(async () => {
    server = await startServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('logs each stored update with the person and connection that sent it, and the close marker with no one', async () => {
    const ana = person('editor', 'Ana Lopez')
    const eli = person('engineering-lead', 'Eli Chen')
    const [a, e] = await Promise.all([synced(PUBLIC, ana.token), synced(PUBLIC, eli.token)])
    expect(await log(PUBLIC)).toEqual([])

    const started = Date.now()
    a.doc.getText('note').insert(0, 'Red: mobile release blocked. ')
    // Each edit is relayed only once stored, so once the peer sees it, its log entry exists.
    await waitFor(() => e.doc.getText('note').toString(), (t) => t === 'Red: mobile release blocked. ')
    e.doc.getMap('items').set('okr-1', 'yellow')
    await waitFor(() => a.doc.getMap('items').get('okr-1'), (v) => v === 'yellow')

    const [anaConnection] = connectionIds(ana.id)
    const [eliConnection] = connectionIds(eli.id)
    expect(anaConnection).toMatch(/^[0-9a-f-]{36}$/)
    expect(eliConnection).toMatch(/^[0-9a-f-]{36}$/)
    expect(anaConnection).not.toBe(eliConnection)

    const entries = await log(PUBLIC)
    expect(entries.map(({ personId, personName, connectionId }) => ({ personId, personName, connectionId }))).toEqual([
      { personId: eli.id, personName: 'Eli Chen', connectionId: eliConnection },
      { personId: ana.id, personName: 'Ana Lopez', connectionId: anaConnection },
    ])
    for (const entry of entries) {
      expect(entry.docName).toBe(PUBLIC)
      expect(entry.bytes).toBeGreaterThan(0)
      expect(entry.at).toBeGreaterThanOrEqual(started)
      expect(entry.at).toBeLessThanOrEqual(Date.now())
    }

    // The same person on a second connection: same person, another connection id.
    const again = await synced(PUBLIC, ana.token)
    const secondConnection = connectionIds(ana.id).find((id) => id !== anaConnection)
    expect(secondConnection).toBeDefined()
    again.doc.getText('note').insert(0, 'Update: ')
    await waitFor(() => e.doc.getText('note').toString(), (t) => t.startsWith('Update: '))
    const [latest] = await log(PUBLIC)
    expect(latest).toMatchObject({ personId: ana.id, personName: 'Ana Lopez', connectionId: secondConnection })

    // The week-closed marker is written by the server itself, into both of the week's documents.
    const lead = person('product-lead', 'Pat Kim')
    const closed = await server.server.closeWeek(WEEK, { id: lead.id, name: lead.name, role: 'product-lead' })
    expect(closed).not.toBeNull()
    for (const docName of [PUBLIC, PRIVATE]) {
      const [marker] = await log(docName)
      expect(marker, docName).toMatchObject({ docName, personId: null, personName: null, connectionId: null })
      expect(marker!.bytes).toBeGreaterThan(0)
    }
    expect(await log(PRIVATE)).toHaveLength(1)
    expect(await log(PUBLIC)).toHaveLength(4)
    // Newest first across documents: the two markers are the two newest entries.
    const [newest, next] = await log()
    expect([newest!.docName, next!.docName].sort()).toEqual([PUBLIC, PRIVATE])
  })

  it('keeps the authorship after the document is compacted', async () => {
    const ana = person('editor', 'Ana Lopez')
    const sam = person('chief-of-staff', 'Sam Ortiz')
    const [a, s] = await Promise.all([synced(PUBLIC, ana.token), synced(PUBLIC, sam.token)])
    for (const char of 'abcde') {
      a.doc.getText('note').insert(a.doc.getText('note').length, char)
      s.doc.getText('draft').insert(s.doc.getText('draft').length, char.toUpperCase())
    }
    await waitFor(
      () => [a.doc.getText('draft').toString(), s.doc.getText('note').toString()],
      ([draft, note]) => draft === 'ABCDE' && note === 'abcde',
    )
    const before = await log(PUBLIC)
    expect(before.filter((entry) => entry.personId === ana.id)).toHaveLength(5)
    expect(before.filter((entry) => entry.personId === sam.id)).toHaveLength(5)

    const result = await server.server.storage.compact(PUBLIC)
    expect(result.count).toBe(1)
    expect(await log(PUBLIC)).toEqual(before)
  })
})
