/**
 * A board with content, made the way people make one: OKRs written into the workspace document by
 * a y-websocket client, the week created through the real API (carry-over on the server), then
 * statuses and notes written into the week by a client. Browser tests and benchmarks start here.
 */
import { addOkr, addTeam, updateItem, weekDocName, type Domain, type ItemPatch, type WeekId } from '@fourwall/shared'
import * as Y from 'yjs'
import type { TestServer } from './server.js'
import { connectClient, waitFor, waitForSync } from './yclient.js'

export interface SeedOkr extends ItemPatch {
  objective: string
  team: string
  domain?: Domain
  keyResults?: string[]
}

export interface SeededBoard {
  weekId: WeekId
  /** The OKR (and item) ids in the order of `okrs`. */
  ids: string[]
  /** The id of the first OKR with this objective. */
  idOf(objective: string): string
}

/** Writes the workspace, creates `weekId`'s review over HTTP and applies each OKR's patch. */
export async function seedBoard(server: TestServer, weekId: WeekId, okrs: readonly SeedOkr[]): Promise<SeededBoard> {
  const token = server.token('admin', 'Seed')
  const workspace = connectClient(server.wsUrl, 'workspace', token)
  const week = connectClient(server.wsUrl, weekDocName(weekId), token)
  try {
    await waitForSync(workspace.provider)
    const teams = new Map<string, string>()
    const ids = workspace.doc.transact(() =>
      okrs.map((okr) => {
        let teamId = teams.get(okr.team)
        if (!teamId) teams.set(okr.team, (teamId = addTeam(workspace.doc, okr.team).id))
        return addOkr(workspace.doc, { objective: okr.objective, teamId, domain: okr.domain ?? 'product', keyResults: okr.keyResults ?? [] }).id
      }),
    )
    // The server holds every OKR before the week is made from them.
    await stored(server, token, 'workspace', workspace.doc)
    const response = await fetch(`${server.url}/api/weeks/${weekId}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    if (response.status !== 201) throw new Error(`creating ${weekId} failed: ${response.status} ${await response.text()}`)

    await waitForSync(week.provider)
    await waitFor(() => week.doc.getMap('items').size, (n) => n >= okrs.length, 20_000, 'items arrive')
    week.doc.transact(() => {
      okrs.forEach((okr, index) => {
        const { objective: _o, team: _t, domain: _d, keyResults: _k, ...patch } = okr
        if (Object.keys(patch).length > 0) updateItem(week.doc, ids[index]!, patch)
      })
    })
    await stored(server, token, weekDocName(weekId), week.doc)
    return {
      weekId,
      ids,
      idOf: (objective) => {
        const index = okrs.findIndex((okr) => okr.objective === objective)
        if (index < 0) throw new Error(`no seeded OKR "${objective}"`)
        return ids[index]!
      },
    }
  } finally {
    workspace.destroy()
    week.destroy()
  }
}

/** Resolves once another connection sees everything `doc` wrote: the server has it. */
async function stored(server: TestServer, token: string, docName: string, doc: Y.Doc): Promise<void> {
  const clock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0
  const check = connectClient(server.wsUrl, docName, token)
  try {
    await waitForSync(check.provider)
    await waitFor(() => Y.decodeStateVector(Y.encodeStateVector(check.doc)).get(doc.clientID) ?? 0, (seen) => seen >= clock, 20_000, `${docName} stored`)
  } finally {
    check.destroy()
  }
}
