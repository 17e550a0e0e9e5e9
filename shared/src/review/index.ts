/**
 * The live Monday review's domain model: the workspace (teams, OKRs), CSV import, the week's items,
 * carry-over, and the agenda. Internal helpers (Y.Map access, `check`) stay unexported.
 */
export { ValidationError } from './errors.js'
export { randomId, type NewId } from './ids.js'
export { ID_PATTERN, isId, isIsoDate } from './validation.js'
export * from './domains.js'
export * from './status.js'
export * from './outcome.js'
export * from './workspace.js'
export * from './csv.js'
export * from './okrCsv.js'
export * from './items.js'
export * from './carryOver.js'
export * from './agenda.js'
export * from './summary.js'
