/**
 * The product principles: an ordered list of short names, each with an explanation, that decisions
 * cite ("We chose this because of principle 2, Fewer things, done well"). Every role reads them on
 * the principles page; leads, chiefs of staff and admins edit them (`principle.edit`).
 *
 * Lives in the `workspace` document:
 *
 *   principles: Y.Map<id, Y.Map { name: string, explanation: string, order: number }>
 *
 * One Y.Map per principle, so two people editing two principles (or the name and the explanation of
 * one) both keep their change. Order as in the domain map (../domains/ordering.ts). Commands validate
 * first and throw a ValidationError with a sentence; each is one transaction.
 */
import type * as Y from 'yjs'
import { compareOrdered, moveOrdered, nextOrder, type MoveDirection } from '../domains/ordering.js'
import { check, ValidationError } from '../review/errors.js'
import { randomId } from '../review/ids.js'
import type { IdOption } from '../review/workspace.js'
import { idError, lineError, squish } from '../review/validation.js'
import { childMap, childMaps, newEntry, numberField, setIfChanged, stringField, type EntryMap } from '../review/ymaps.js'

export const PRINCIPLES_MAP = 'principles'

export const PRINCIPLE_NAME_MAX = 80
export const PRINCIPLE_EXPLANATION_MAX = 1000

export interface Principle {
  id: string
  /** Short: it is what decisions cite. */
  name: string
  /** Why it matters and what it rules out; may take several paragraphs. */
  explanation: string
  order: number
}

export interface PrincipleInput {
  name: string
  explanation: string
}

export type PrinciplePatch = Partial<PrincipleInput>

export function principlesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(PRINCIPLES_MAP)
}

// ---- reading ---------------------------------------------------------------------------------

function principleFrom(id: string, map: EntryMap): Principle | null {
  const name = map.get('name')
  if (typeof name !== 'string' || name === '') return null
  return { id, name, explanation: stringField(map, 'explanation'), order: numberField(map, 'order', Number.MAX_SAFE_INTEGER) }
}

/** Every well-formed principle, in the list's order (the page numbers them 1, 2, 3…). */
export function listPrinciples(doc: Y.Doc): Principle[] {
  const principles: Principle[] = []
  for (const [id, map] of childMaps(principlesMap(doc))) {
    const principle = principleFrom(id, map)
    if (principle) principles.push(principle)
  }
  return principles.sort(compareOrdered)
}

export function readPrinciple(doc: Y.Doc, id: string): Principle | null {
  const map = childMap(principlesMap(doc), id)
  return map ? principleFrom(id, map) : null
}

function principleKey(name: string): string {
  return squish(name).toLowerCase()
}

export function findPrincipleByName(doc: Y.Doc, name: string): Principle | null {
  const key = principleKey(name)
  return listPrinciples(doc).find((principle) => principleKey(principle.name) === key) ?? null
}

// ---- validation ------------------------------------------------------------------------------

export function principleNameError(name: unknown): string | null {
  if (typeof name !== 'string') return 'A principle\'s name must be text.'
  return lineError(squish(name), 'A principle\'s name', PRINCIPLE_NAME_MAX, true)
}

/** Line breaks are kept (paragraphs); only the ends are trimmed. */
function cleanExplanation(explanation: string): string {
  return explanation.replace(/\r\n?/g, '\n').trim()
}

export function principleExplanationError(explanation: unknown): string | null {
  if (typeof explanation !== 'string') return 'An explanation must be text.'
  const clean = cleanExplanation(explanation)
  if (clean === '') return 'An explanation is required: say what the principle means and what it rules out.'
  if (clean.length > PRINCIPLE_EXPLANATION_MAX) return `An explanation has at most ${PRINCIPLE_EXPLANATION_MAX} characters.`
  return null
}

function requirePrincipleMap(doc: Y.Doc, id: string): EntryMap {
  const map = childMap(principlesMap(doc), id)
  if (!map || !principleFrom(id, map)) throw new ValidationError(`There is no principle with id ${id}.`)
  return map
}

function requireUniqueName(doc: Y.Doc, name: string, exceptId: string | null): void {
  const other = findPrincipleByName(doc, name)
  if (other && other.id !== exceptId) throw new ValidationError(`There is already a principle called ${other.name}.`, 'name')
}

// ---- commands --------------------------------------------------------------------------------

/** Adds a principle at the end of the list. */
export function addPrinciple(doc: Y.Doc, input: PrincipleInput, options: IdOption = {}): Principle {
  check(principleNameError(input.name), 'name')
  check(principleExplanationError(input.explanation), 'explanation')
  const name = squish(input.name)
  requireUniqueName(doc, name, null)
  const id = (options.newId ?? randomId)()
  check(idError(id, 'A new principle id'))
  if (principlesMap(doc).has(id)) throw new ValidationError(`A principle with id ${id} already exists.`)
  const principle: Principle = { id, name, explanation: cleanExplanation(input.explanation), order: nextOrder(principlesMap(doc)) }
  doc.transact(() => principlesMap(doc).set(id, newEntry({ name, explanation: principle.explanation, order: principle.order })))
  return principle
}

/** Changes only the given fields, and of those only the ones whose value differs. */
export function editPrinciple(doc: Y.Doc, id: string, patch: PrinciplePatch): void {
  const map = requirePrincipleMap(doc, id)
  if (patch.name !== undefined) {
    check(principleNameError(patch.name), 'name')
    requireUniqueName(doc, squish(patch.name), id)
  }
  if (patch.explanation !== undefined) check(principleExplanationError(patch.explanation), 'explanation')
  doc.transact(() => {
    if (patch.name !== undefined) setIfChanged(map, 'name', squish(patch.name))
    if (patch.explanation !== undefined) setIfChanged(map, 'explanation', cleanExplanation(patch.explanation))
  })
}

/** One place up (-1) or down (1) in the list. */
export function movePrinciple(doc: Y.Doc, id: string, direction: MoveDirection): void {
  requirePrincipleMap(doc, id)
  moveOrdered(doc, principlesMap(doc), listPrinciples(doc), id, direction)
}

export function removePrinciple(doc: Y.Doc, id: string): void {
  requirePrincipleMap(doc, id)
  doc.transact(() => principlesMap(doc).delete(id))
}
