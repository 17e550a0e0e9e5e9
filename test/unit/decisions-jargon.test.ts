import { describe, expect, it } from 'vitest'
import { jargonMessage, jargonWarnings } from '@fourwall/shared'

const terms = (text: string): string[] => jargonWarnings(text).map((warning) => warning.term)

describe('the jargon hint', () => {
  it('names each corporate word once, in the order it appears, with a gentle sentence', () => {
    const warnings = jargonWarnings('We leverage synergies across teams. More synergy, and we leverage it again.')
    expect(warnings).toEqual([
      { term: 'leverage', message: '“leverage” says little: say how this helps the mission' },
      { term: 'synergy', message: '“synergy” says little: say how this helps the mission' },
    ])
    expect(jargonMessage('bandwidth')).toBe('“bandwidth” says little: say how this helps the mission')
  })

  it.each([
    ['This unlocks real synergy.', 'synergy'],
    ['Leveraging the platform team', 'leverage'],
    ['A paradigm shift for checkout', 'paradigm'],
    ['best in class onboarding', 'best-in-class'],
    ['Best-in-class onboarding', 'best-in-class'],
    ['This will move the needle on retention', 'move the needle'],
    ["Let's circle back next week", 'circle back'],
    ['We have no bandwidth for it', 'bandwidth'],
    ['Pick the low-hanging fruit first', 'low-hanging fruit'],
    ['low hanging fruits', 'low-hanging fruit'],
    ['a clear value-add for customers', 'value-add'],
    ['A holistic approach', 'holistic'],
    ['We need to align on the plan', 'align on'],
    ['a game-changing release', 'game-changer'],
    ['time for a deep dive', 'deep dive'],
  ])('finds %j as %s', (text, term) => {
    expect(terms(text)).toEqual([term])
  })

  it('leaves plain words alone, including the ones that merely contain a term', () => {
    expect(jargonWarnings('Two mobile engineers move from Search to the Android launch, so Brazil ships by March.')).toEqual([])
    // "aligned" is this board's own plain word: a decision both leads signed.
    expect(terms('Both leads are aligned on this.')).toEqual([])
    expect(terms('The leveraged buyout')).toEqual(['leverage'])
    expect(terms('Unleverageable? Bandwidthless? Synergyst?')).toEqual([])
    expect(terms('')).toEqual([])
  })

  it('is case-insensitive and finds several terms', () => {
    expect(terms('SYNERGY. Then we Circle Back with best-in-class BANDWIDTH.')).toEqual(['synergy', 'circle back', 'best-in-class', 'bandwidth'])
  })
})
