/**
 * The `workspace` document: the teams and the OKRs every weekly review is built from. Leads, chiefs
 * of staff and admins edit it (permissions.ts); everyone signed in reads it. People's names and
 * roles live in the server's account store (people.ts), not here, so nobody can forge a role by
 * editing a document.
 *
 * Yjs shape (one Y.Map per entry, so an edit to one OKR wakes only that OKR's observers):
 *
 *   teams: Y.Map<id, Y.Map { name: string, headcount?: number }>
 *   okrs:  Y.Map<id, Y.Map { objective: string, keyResults: string[], teamId: string,
 *                            domain: 'product' | 'engineering' | 'shared', order: number }>
 *
 * `headcount` (how many people the team has, before this week's resource shifts) is optional: the
 * ledger warns that a shift leaves a team below zero only for a team whose headcount is known.
 *
 * `keyResults` is a plain array replaced as a whole: the form edits the list as one value, and a
 * whole-value last-writer-wins never leaves a half-merged list with a duplicated key result.
 * `order` sorts the board; ties (two people adding at once) fall back to the objective, then the id.
 *
 * Commands validate first and throw a ValidationError with a sentence; each is one transaction.
 */
import type * as Y from 'yjs'
import { TEAM_MAX } from '../people.js'
import { isDomain, type Domain } from './domains.js'
import { check, ValidationError } from './errors.js'
import { randomId, type NewId } from './ids.js'
import { idError, lineError, squish } from './validation.js'
import { childMap, childMaps, newEntry, numberField, setIfChanged, type EntryMap } from './ymaps.js'

export const TEAMS_MAP = 'teams'
export const OKRS_MAP = 'okrs'

export const OBJECTIVE_MAX = 200
export const KEY_RESULT_MAX = 200
export const KEY_RESULTS_MAX = 10
/** A team's headcount is a whole number from 0 to this. */
export const HEADCOUNT_MAX = 10_000

export interface Team {
  id: string
  name: string
  /** How many people the team has; absent when nobody entered it. */
  headcount?: number
}

export interface Okr {
  id: string
  objective: string
  keyResults: string[]
  teamId: string
  domain: Domain
  order: number
}

export interface OkrInput {
  objective: string
  keyResults?: readonly string[]
  teamId: string
  domain: Domain
}

export type OkrPatch = Partial<OkrInput & { order: number }>

export interface IdOption {
  /** Generates the new entry's id; random by default. */
  newId?: NewId
}

export function teamsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TEAMS_MAP)
}

export function okrsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(OKRS_MAP)
}

// ---- reading ---------------------------------------------------------------------------------

function teamFrom(id: string, map: EntryMap): Team | null {
  const name = map.get('name')
  if (typeof name !== 'string' || name === '') return null
  const headcount = map.get('headcount')
  // A peer may have written nonsense: only a valid headcount counts as known.
  return headcountError(headcount) === null && headcount !== null ? { id, name, headcount: headcount as number } : { id, name }
}

/** Sorted by name, so pickers read alphabetically. */
export function listTeams(doc: Y.Doc): Team[] {
  const teams: Team[] = []
  for (const [id, map] of childMaps(teamsMap(doc))) {
    const team = teamFrom(id, map)
    if (team) teams.push(team)
  }
  return teams.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

export function readTeam(doc: Y.Doc, id: string): Team | null {
  const map = childMap(teamsMap(doc), id)
  return map ? teamFrom(id, map) : null
}

/** Team names compare without case or surrounding/duplicate spaces: "Mobile " is "mobile". */
export function teamKey(name: string): string {
  return squish(name).toLowerCase()
}

export function findTeamByName(doc: Y.Doc, name: string): Team | null {
  const key = teamKey(name)
  return listTeams(doc).find((team) => teamKey(team.name) === key) ?? null
}

function okrFrom(id: string, map: EntryMap): Okr | null {
  const objective = map.get('objective')
  const teamId = map.get('teamId')
  const domain = map.get('domain')
  if (typeof objective !== 'string' || typeof teamId !== 'string' || !isDomain(domain)) return null
  const rawResults = map.get('keyResults')
  const keyResults = Array.isArray(rawResults) ? rawResults.filter((kr): kr is string => typeof kr === 'string') : []
  return { id, objective, keyResults, teamId, domain, order: numberField(map, 'order', Number.MAX_SAFE_INTEGER) }
}

export function compareOkrs(a: Pick<Okr, 'order' | 'objective' | 'id'>, b: Pick<Okr, 'order' | 'objective' | 'id'>): number {
  return a.order - b.order || a.objective.localeCompare(b.objective) || a.id.localeCompare(b.id)
}

/** Every well-formed OKR in board order. */
export function listOkrs(doc: Y.Doc): Okr[] {
  const okrs: Okr[] = []
  for (const [id, map] of childMaps(okrsMap(doc))) {
    const okr = okrFrom(id, map)
    if (okr) okrs.push(okr)
  }
  return okrs.sort(compareOkrs)
}

export function readOkr(doc: Y.Doc, id: string): Okr | null {
  const map = childMap(okrsMap(doc), id)
  return map ? okrFrom(id, map) : null
}

// ---- validation ------------------------------------------------------------------------------

export function teamNameError(name: unknown): string | null {
  if (typeof name !== 'string') return 'A team name must be text.'
  return lineError(squish(name), 'A team name', TEAM_MAX, true)
}

/** A team's headcount: a whole number of people from 0 to HEADCOUNT_MAX, or null for "not known". */
export function headcountError(headcount: unknown): string | null {
  if (headcount === null) return null
  if (typeof headcount !== 'number' || !Number.isInteger(headcount) || headcount < 0 || headcount > HEADCOUNT_MAX) {
    return `A team's headcount is a whole number of people from 0 to ${HEADCOUNT_MAX}, or left empty when not known.`
  }
  return null
}

export function objectiveError(objective: unknown): string | null {
  if (typeof objective !== 'string') return 'An objective must be text.'
  return lineError(squish(objective), 'An objective', OBJECTIVE_MAX, true)
}

/** Trims each key result and drops empty ones, the way a form or a CSV cell delivers them. */
export function normalizeKeyResults(keyResults: readonly string[]): string[] {
  return keyResults.map(squish).filter((kr) => kr !== '')
}

export function keyResultsError(keyResults: unknown): string | null {
  if (!Array.isArray(keyResults) || keyResults.some((kr) => typeof kr !== 'string')) return 'Key results must be a list of texts.'
  const normalized = normalizeKeyResults(keyResults as string[])
  if (normalized.length > KEY_RESULTS_MAX) return `An OKR has at most ${KEY_RESULTS_MAX} key results.`
  const tooLong = normalized.find((kr) => kr.length > KEY_RESULT_MAX)
  return tooLong === undefined ? null : `A key result has at most ${KEY_RESULT_MAX} characters ("${tooLong.slice(0, 40)}…" is longer).`
}

export function domainError(domain: unknown): string | null {
  return isDomain(domain) ? null : 'The domain must be product, engineering or shared.'
}

function newIdFor(options: IdOption, parent: Y.Map<unknown>, what: string): string {
  const id = (options.newId ?? randomId)()
  check(idError(id, `A new ${what} id`))
  if (parent.has(id)) throw new ValidationError(`A ${what} with id ${id} already exists.`)
  return id
}

function requireTeam(doc: Y.Doc, teamId: unknown): void {
  if (typeof teamId !== 'string' || !readTeam(doc, teamId)) throw new ValidationError('Choose one of the workspace\'s teams as the owning team.', 'teamId')
}

function requireOkrMap(doc: Y.Doc, id: string): EntryMap {
  const map = childMap(okrsMap(doc), id)
  if (!map || !okrFrom(id, map)) throw new ValidationError(`There is no OKR with id ${id}.`)
  return map
}

// ---- team commands ---------------------------------------------------------------------------

export function addTeam(doc: Y.Doc, name: string, options: IdOption = {}): Team {
  check(teamNameError(name), 'name')
  const clean = squish(name)
  if (findTeamByName(doc, clean)) throw new ValidationError(`There is already a team called ${clean}.`, 'name')
  const id = newIdFor(options, teamsMap(doc), 'team')
  doc.transact(() => teamsMap(doc).set(id, newEntry({ name: clean })))
  return { id, name: clean }
}

export function renameTeam(doc: Y.Doc, id: string, name: string): void {
  const map = childMap(teamsMap(doc), id)
  if (!map || !teamFrom(id, map)) throw new ValidationError(`There is no team with id ${id}.`)
  check(teamNameError(name), 'name')
  const clean = squish(name)
  const other = findTeamByName(doc, clean)
  if (other && other.id !== id) throw new ValidationError(`There is already a team called ${clean}.`, 'name')
  doc.transact(() => setIfChanged(map, 'name', clean))
}

/** Sets (or, with null, forgets) how many people the team has. Returns whether anything changed. */
export function setTeamHeadcount(doc: Y.Doc, id: string, headcount: number | null): boolean {
  const map = childMap(teamsMap(doc), id)
  if (!map || !teamFrom(id, map)) throw new ValidationError(`There is no team with id ${id}.`)
  check(headcountError(headcount), 'headcount')
  let changed = false
  doc.transact(() => {
    if (headcount === null) {
      changed = map.has('headcount')
      if (changed) map.delete('headcount')
    } else changed = setIfChanged(map, 'headcount', headcount)
  })
  return changed
}

/** Refuses while OKRs still belong to the team: they would be left without an owner. */
export function removeTeam(doc: Y.Doc, id: string): void {
  const team = readTeam(doc, id)
  if (!team) throw new ValidationError(`There is no team with id ${id}.`)
  const owned = listOkrs(doc).filter((okr) => okr.teamId === id).length
  if (owned > 0) {
    throw new ValidationError(`${team.name} still owns ${owned} OKR${owned === 1 ? '' : 's'}: move or remove them first.`)
  }
  doc.transact(() => teamsMap(doc).delete(id))
}

// ---- OKR commands ----------------------------------------------------------------------------

/** The next `order`: after every OKR on the board. */
export function nextOkrOrder(doc: Y.Doc): number {
  let max = -1
  for (const [, map] of childMaps(okrsMap(doc))) max = Math.max(max, numberField(map, 'order', -1))
  return max + 1
}

/** Checks a new OKR against the workspace; throws a ValidationError naming the first problem. */
export function validateOkrInput(doc: Y.Doc, input: OkrInput): void {
  check(objectiveError(input.objective), 'objective')
  check(keyResultsError(input.keyResults ?? []), 'keyResults')
  check(domainError(input.domain), 'domain')
  requireTeam(doc, input.teamId)
}

export function addOkr(doc: Y.Doc, input: OkrInput, options: IdOption = {}): Okr {
  validateOkrInput(doc, input)
  const id = newIdFor(options, okrsMap(doc), 'OKR')
  const okr: Okr = {
    id,
    objective: squish(input.objective),
    keyResults: normalizeKeyResults(input.keyResults ?? []),
    teamId: input.teamId,
    domain: input.domain,
    order: nextOkrOrder(doc),
  }
  const { objective, keyResults, teamId, domain, order } = okr
  doc.transact(() => okrsMap(doc).set(id, newEntry({ objective, keyResults, teamId, domain, order })))
  return okr
}

/** Changes only the given fields, and of those only the ones whose value differs. */
export function updateOkr(doc: Y.Doc, id: string, patch: OkrPatch): void {
  const map = requireOkrMap(doc, id)
  if (patch.objective !== undefined) check(objectiveError(patch.objective), 'objective')
  if (patch.keyResults !== undefined) check(keyResultsError(patch.keyResults), 'keyResults')
  if (patch.domain !== undefined) check(domainError(patch.domain), 'domain')
  if (patch.teamId !== undefined) requireTeam(doc, patch.teamId)
  if (patch.order !== undefined && !Number.isFinite(patch.order)) throw new ValidationError('The order must be a number.', 'order')
  doc.transact(() => {
    if (patch.objective !== undefined) setIfChanged(map, 'objective', squish(patch.objective))
    if (patch.keyResults !== undefined) setIfChanged(map, 'keyResults', normalizeKeyResults(patch.keyResults))
    if (patch.domain !== undefined) setIfChanged(map, 'domain', patch.domain)
    if (patch.teamId !== undefined) setIfChanged(map, 'teamId', patch.teamId)
    if (patch.order !== undefined) setIfChanged(map, 'order', patch.order)
  })
}

/** Removes the OKR from the workspace. Past weeks keep their own copy of it (see items.ts). */
export function removeOkr(doc: Y.Doc, id: string): void {
  requireOkrMap(doc, id)
  doc.transact(() => okrsMap(doc).delete(id))
}

/** The team's name for display, or a placeholder when the team is gone. */
export function teamNameOf(doc: Y.Doc, teamId: string): string {
  return readTeam(doc, teamId)?.name ?? 'Unknown team'
}
