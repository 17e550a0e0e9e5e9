import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addPrinciple, editPrinciple, listPrinciples, movePrinciple, readPrinciple, removePrinciple } from '@fourwall/shared'
import { counterIds } from './review-fixtures.js'

const names = (doc: Y.Doc) => listPrinciples(doc).map((principle) => principle.name)

function threePrinciples(): Y.Doc {
  const doc = new Y.Doc()
  const newId = counterIds('p')
  addPrinciple(doc, { name: 'Customers first', explanation: 'We ask what helps the customer before what is easy for us.' }, { newId })
  addPrinciple(doc, { name: 'Fewer things, done well', explanation: 'We finish before we start.' }, { newId })
  addPrinciple(doc, { name: 'Boring technology', explanation: 'New tools need a reason.' }, { newId })
  return doc
}

describe('product principles', () => {
  it('lists principles in the order they were added, and moves them up and down', () => {
    const doc = threePrinciples()
    expect(names(doc)).toEqual(['Customers first', 'Fewer things, done well', 'Boring technology'])
    expect(listPrinciples(doc).map((p) => p.order)).toEqual([0, 1, 2])

    movePrinciple(doc, 'p-3', -1)
    expect(names(doc)).toEqual(['Customers first', 'Boring technology', 'Fewer things, done well'])
    movePrinciple(doc, 'p-1', 1)
    expect(names(doc)).toEqual(['Boring technology', 'Customers first', 'Fewer things, done well'])
    movePrinciple(doc, 'p-2', 1) // the last one down: nothing moves
    expect(names(doc)).toEqual(['Boring technology', 'Customers first', 'Fewer things, done well'])

    // The order survives a round trip through another peer, and a new one goes to the end.
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    addPrinciple(peer, { name: 'Write it down', explanation: 'Decisions live in writing.' }, { newId: () => 'p-4' })
    expect(names(peer)).toEqual(['Boring technology', 'Customers first', 'Fewer things, done well', 'Write it down'])
  })

  it('keeps both of two concurrent edits to different fields of one principle', () => {
    const a = threePrinciples()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    editPrinciple(a, 'p-2', { name: 'Less, but better' })
    editPrinciple(b, 'p-2', { explanation: 'We finish what we start before we start more.\n\nFocus is a feature.' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    for (const doc of [a, b]) {
      expect(readPrinciple(doc, 'p-2')).toMatchObject({ name: 'Less, but better', explanation: 'We finish what we start before we start more.\n\nFocus is a feature.' })
    }
  })

  it('refuses a missing name or explanation, a duplicate name, and an unknown id', () => {
    const doc = threePrinciples()
    const before = Y.encodeStateVector(doc)
    expect(() => addPrinciple(doc, { name: '  ', explanation: 'x' })).toThrow("A principle's name is required.")
    expect(() => addPrinciple(doc, { name: 'Focus', explanation: ' \n ' })).toThrow(/^An explanation is required/)
    expect(() => addPrinciple(doc, { name: 'customers  FIRST', explanation: 'Again.' })).toThrow('There is already a principle called Customers first.')
    expect(() => addPrinciple(doc, { name: 'x'.repeat(81), explanation: 'Long.' })).toThrow("A principle's name has at most 80 characters.")
    expect(() => editPrinciple(doc, 'p-1', { name: 'Boring technology' })).toThrow('There is already a principle called Boring technology.')
    expect(() => editPrinciple(doc, 'nope', { name: 'Anything' })).toThrow('There is no principle with id nope.')
    expect(() => movePrinciple(doc, 'nope', 1)).toThrow('There is no principle with id nope.')
    expect(Y.encodeStateVector(doc)).toEqual(before)

    removePrinciple(doc, 'p-2')
    expect(names(doc)).toEqual(['Customers first', 'Boring technology'])
    expect(() => removePrinciple(doc, 'p-2')).toThrow('There is no principle with id p-2.')
  })
})
