/**
 * Importing OKRs from a CSV file, with a report that says which rows were not imported and why.
 *
 * The header row names the columns, in any order and any case: `objective`, `team` and `domain`
 * are required, `key_results` is optional (key results are separated by `;`, `|` or line breaks
 * inside the cell), and other columns are ignored. Rules:
 *
 * - A row is rejected, with every problem it has, when its objective or team is empty or too long,
 *   its domain is not product, engineering or shared (any case), it has too many key results, or
 *   it has more values than the header has columns (usually an unquoted comma).
 * - A team name the workspace does not know creates that team (matched without case or extra
 *   spaces); the report lists the teams it created, so a typo is visible at once.
 * - A row repeating an earlier row's objective and team, or an OKR already in the workspace, is
 *   rejected: importing the same file twice adds nothing the second time.
 * - All accepted rows are applied in one transaction, so collaborators see the import at once.
 */
import type * as Y from 'yjs'
import { TEAM_MAX } from '../people.js'
import { parseCsv } from './csv.js'
import { isDomain, type Domain } from './domains.js'
import { ValidationError } from './errors.js'
import { randomId, type NewId } from './ids.js'
import { idError, squish } from './validation.js'
import { newEntry } from './ymaps.js'
import {
  findTeamByName,
  keyResultsError,
  listOkrs,
  nextOkrOrder,
  normalizeKeyResults,
  OBJECTIVE_MAX,
  okrsMap,
  readTeam,
  teamKey,
  teamsMap,
  type Team,
} from './workspace.js'

export const MAX_IMPORT_ROWS = 1000

export interface OkrCsvRow {
  line: number
  objective: string
  keyResults: string[]
  teamName: string
  domain: Domain
}

export interface RejectedRow {
  line: number
  reason: string
}

export interface OkrCsvParse {
  accepted: OkrCsvRow[]
  rejected: RejectedRow[]
  /** A problem with the whole file (no header, a missing column, an unclosed quote); nothing is imported. */
  error: string | null
}

const COLUMN_ALIASES: Record<string, 'objective' | 'key_results' | 'team' | 'domain'> = {
  objective: 'objective',
  key_results: 'key_results',
  key_result: 'key_results',
  keyresults: 'key_results',
  team: 'team',
  domain: 'domain',
}

function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

/** "objective" and "team" as they compare for duplicates. */
function okrKey(objective: string, teamName: string): string {
  return `${squish(objective).toLowerCase()}\u0000${teamKey(teamName)}`
}

function splitKeyResults(cell: string): string[] {
  return normalizeKeyResults(cell.split(/[;|\r\n]+/))
}

function fileError(error: string, rejected: RejectedRow[] = []): OkrCsvParse {
  return { accepted: [], rejected, error }
}

/** Reads the file into accepted rows and rejected rows; it does not look at the workspace. */
export function parseOkrCsv(text: string): OkrCsvParse {
  const { records, error } = parseCsv(text)
  if (error) return fileError(error.reason)
  const [header, ...rows] = records
  if (!header) return fileError('The file is empty: it needs a header row (objective, key_results, team, domain) and one row per OKR.')
  if (rows.length > MAX_IMPORT_ROWS) return fileError(`The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.`)

  const index: Partial<Record<'objective' | 'key_results' | 'team' | 'domain', number>> = {}
  for (const [position, raw] of header.fields.entries()) {
    const column = COLUMN_ALIASES[columnName(raw)]
    if (!column) continue
    if (index[column] !== undefined) return fileError(`The header row names the column ${column} twice.`)
    index[column] = position
  }
  const missing = (['objective', 'team', 'domain'] as const).filter((column) => index[column] === undefined)
  if (missing.length > 0) {
    return fileError(
      `The header row (line ${header.line}) must name the columns objective, team and domain (key_results is optional); it is missing ${missing.join(', ')}.`,
    )
  }

  const accepted: OkrCsvRow[] = []
  const rejected: RejectedRow[] = []
  const seen = new Map<string, number>()
  const cell = (fields: string[], column: keyof typeof index): string => {
    const position = index[column]
    return position === undefined ? '' : (fields[position] ?? '')
  }

  for (const { line, fields } of rows) {
    if (fields.length > header.fields.length) {
      rejected.push({
        line,
        reason: `This row has ${fields.length} values but the header has ${header.fields.length} columns: put values that contain commas in double quotes.`,
      })
      continue
    }
    const problems: string[] = []
    const objective = squish(cell(fields, 'objective'))
    if (objective === '') problems.push('The objective is empty.')
    else if (objective.length > OBJECTIVE_MAX) problems.push(`The objective has ${objective.length} characters; at most ${OBJECTIVE_MAX} fit.`)

    const keyResults = splitKeyResults(cell(fields, 'key_results'))
    const keyResultsProblem = keyResultsError(keyResults)
    if (keyResultsProblem) problems.push(keyResultsProblem)

    const teamName = squish(cell(fields, 'team'))
    if (teamName === '') problems.push('The team is empty.')
    else if (teamName.length > TEAM_MAX) problems.push(`The team name has ${teamName.length} characters; at most ${TEAM_MAX} fit.`)

    const rawDomain = cell(fields, 'domain').trim()
    const domain = rawDomain.toLowerCase()
    if (rawDomain === '') problems.push('The domain is empty: use product, engineering or shared.')
    else if (!isDomain(domain)) problems.push(`The domain "${rawDomain.slice(0, 40)}" is not product, engineering or shared.`)

    if (problems.length === 0) {
      const key = okrKey(objective, teamName)
      const earlier = seen.get(key)
      if (earlier !== undefined) problems.push(`It repeats line ${earlier} (same objective and team).`)
      else seen.set(key, line)
    }
    // (isDomain again only narrows the type: a bad domain is already among the problems.)
    if (problems.length > 0 || !isDomain(domain)) rejected.push({ line, reason: problems.join(' ') })
    else accepted.push({ line, objective, keyResults, teamName, domain })
  }
  return { accepted, rejected, error: null }
}

export interface ImportReport {
  imported: Array<{ line: number; okrId: string; objective: string }>
  /** Rows the file or the workspace refused, by line. */
  rejected: RejectedRow[]
  /** Teams the import created because no team had that name. */
  createdTeams: Team[]
  error: string | null
}

/**
 * Parses `text` and adds its accepted rows to the workspace in one transaction (after the OKRs
 * already there). Returns the report; the document is untouched when `error` is set.
 */
export function importOkrCsv(doc: Y.Doc, text: string, options: { newId?: NewId } = {}): ImportReport {
  const parsed = parseOkrCsv(text)
  if (parsed.error) return { imported: [], rejected: parsed.rejected, createdTeams: [], error: parsed.error }
  const newId = options.newId ?? randomId
  const takeId = (parent: Y.Map<unknown>, taken: Set<string>, what: string): string => {
    const id = newId()
    const problem = idError(id, `A new ${what} id`)
    if (problem) throw new ValidationError(problem)
    if (parent.has(id) || taken.has(id)) throw new ValidationError(`A ${what} with id ${id} already exists.`)
    taken.add(id)
    return id
  }

  const rejected = [...parsed.rejected]
  const teamNames = new Map<string, string>() // teamKey → team id, for every team this import has resolved or created
  const existing = new Set<string>()
  for (const okr of listOkrs(doc)) {
    const team = readTeam(doc, okr.teamId)
    if (team) existing.add(okrKey(okr.objective, team.name))
  }

  // Decide everything before writing, so a bad id throws before the document changes.
  const createdTeams: Team[] = []
  const imported: ImportReport['imported'] = []
  const writes: Array<{ id: string; row: OkrCsvRow; teamId: string }> = []
  const takenIds = new Set<string>()
  for (const row of parsed.accepted) {
    if (existing.has(okrKey(row.objective, row.teamName))) {
      rejected.push({ line: row.line, reason: 'This OKR is already in the workspace (same objective and team), so it is not imported again.' })
      continue
    }
    const key = teamKey(row.teamName)
    let teamId = teamNames.get(key) ?? findTeamByName(doc, row.teamName)?.id
    if (teamId === undefined) {
      teamId = takeId(teamsMap(doc), takenIds, 'team')
      createdTeams.push({ id: teamId, name: row.teamName })
    }
    teamNames.set(key, teamId)
    const id = takeId(okrsMap(doc), takenIds, 'OKR')
    writes.push({ id, row, teamId })
    imported.push({ line: row.line, okrId: id, objective: row.objective })
  }

  if (writes.length > 0) {
    doc.transact(() => {
      for (const team of createdTeams) teamsMap(doc).set(team.id, newEntry({ name: team.name }))
      const first = nextOkrOrder(doc)
      writes.forEach(({ id, row, teamId }, offset) => {
        okrsMap(doc).set(id, newEntry({ objective: row.objective, keyResults: row.keyResults, teamId, domain: row.domain, order: first + offset }))
      })
    })
  }
  rejected.sort((a, b) => a.line - b.line)
  return { imported, rejected, createdTeams, error: null }
}

/** The report as sentences for the import dialog: what was imported, created and rejected. */
export function describeImport(report: ImportReport): string[] {
  if (report.error) return [report.error, 'Nothing was imported.']
  const count = report.imported.length
  const lines = [count === 0 ? 'No OKRs were imported.' : `Imported ${count} OKR${count === 1 ? '' : 's'}.`]
  if (report.createdTeams.length > 0) {
    const names = report.createdTeams.map((team) => team.name).join(', ')
    lines.push(`Created ${report.createdTeams.length} new team${report.createdTeams.length === 1 ? '' : 's'}: ${names}.`)
  }
  if (report.rejected.length > 0) {
    lines.push(`Rejected ${report.rejected.length} row${report.rejected.length === 1 ? '' : 's'}:`)
    for (const row of report.rejected) lines.push(`Line ${row.line}: ${row.reason}`)
  }
  return lines
}
