/**
 * Seeds the review board the way people do it, through the real server: OKRs written into the
 * `workspace` document by a y-websocket client, a week's review created with POST /api/weeks/:id,
 * and edits to the week made by another client. Each step waits until the server has stored it.
 */
import { addOkr, addTeam, findTeamByName, updateItem, WORKSPACE_DOC, weekDocName, type Domain, type ItemPatch, type WeekId } from '@fourwall/shared'
import * as Y from 'yjs'
import type { TestServer, TestSession } from './server.js'
import { connectClient, waitFor, waitForSync, type YClient } from './yclient.js'

export interface SeedOkr {
  objective: string
  keyResults?: string[]
  domain?: Domain
  /** The owning team, made on first use; seedOkrs' `teamName` otherwise. */
  team?: string
}

/** Resolves once the server's copy of `docName` has every change `client` made. */
export async function serverHasAll(server: TestServer, docName: string, client: YClient): Promise<void> {
  const serverDoc = (await server.server.documents.get(docName)).ydoc
  const clock = (doc: Y.Doc): number => Y.decodeStateVector(Y.encodeStateVector(doc)).get(client.doc.clientID) ?? 0
  await waitFor(() => clock(serverDoc), (stored) => stored >= clock(client.doc), 10_000, `${docName} stored on the server`)
}

/** Adds the OKRs (in this order, under their teams) to the workspace; returns their ids. */
export async function seedOkrs(server: TestServer, okrs: readonly SeedOkr[], teamName = 'Mobile'): Promise<string[]> {
  const client = connectClient(server.wsUrl, WORKSPACE_DOC, server.token('admin', 'Seed Admin'))
  try {
    await waitForSync(client.provider)
    const { doc } = client
    const teamId = (name: string): string => (findTeamByName(doc, name) ?? addTeam(doc, name)).id
    const ids = doc.transact(() =>
      okrs.map(
        (okr) => addOkr(doc, { objective: okr.objective, keyResults: okr.keyResults ?? [], teamId: teamId(okr.team ?? teamName), domain: okr.domain ?? 'product' }).id,
      ),
    )
    await serverHasAll(server, WORKSPACE_DOC, client)
    return ids
  } finally {
    client.destroy()
  }
}

/** Creates a week's review through the API, as an admin's session (or the given one) would. */
export async function createReview(server: TestServer, weekId: WeekId, session?: TestSession): Promise<void> {
  const response = await fetch(`${server.url}/api/weeks/${weekId}`, {
    method: 'POST',
    headers: session ? session.headers() : { authorization: `Bearer ${server.token('admin', 'Seed Admin')}` },
  })
  if (response.status !== 201) throw new Error(`creating ${weekId} answered ${response.status}: ${await response.text()}`)
}

/** Edits a week's document as an editor's client would, and waits until the server stored the edit. */
export async function editWeek(server: TestServer, weekId: WeekId, edit: (doc: Y.Doc) => void): Promise<void> {
  const name = weekDocName(weekId)
  const client = connectClient(server.wsUrl, name, server.token('editor', 'Seed Editor'))
  try {
    await waitForSync(client.provider)
    edit(client.doc)
    await serverHasAll(server, name, client)
  } finally {
    client.destroy()
  }
}

/** An OKR of a seeded board, with this week's fields for its item. */
export interface SeedItem extends SeedOkr, ItemPatch {}

export interface SeededBoard {
  weekId: WeekId
  /** The OKR (and item) ids in the order they were given. */
  ids: string[]
  /** The id of the first OKR with this objective. */
  idOf(objective: string): string
}

/** A whole board in one call: the OKRs, the week's review created over HTTP, each item's fields. */
export async function seedBoard(server: TestServer, weekId: WeekId, items: readonly SeedItem[]): Promise<SeededBoard> {
  const ids = await seedOkrs(server, items)
  await createReview(server, weekId)
  await editWeek(server, weekId, (doc) => {
    doc.transact(() =>
      items.forEach(({ status, note, owner, ask, due }, index) => {
        const patch = Object.fromEntries(Object.entries({ status, note, owner, ask, due }).filter(([, value]) => value !== undefined))
        if (Object.keys(patch).length > 0) updateItem(doc, ids[index]!, patch)
      }),
    )
  })
  return {
    weekId,
    ids,
    idOf: (objective) => {
      const index = items.findIndex((item) => item.objective === objective)
      if (index < 0) throw new Error(`no seeded OKR "${objective}"`)
      return ids[index]!
    },
  }
}
