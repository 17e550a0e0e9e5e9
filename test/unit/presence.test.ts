/**
 * The awareness fields the board reads beside `user`: what someone has open and where they type.
 * Anyone on the board can put anything into their own awareness state, so the readers must drop
 * whatever is malformed instead of passing it on to the page.
 */
import { describe, expect, it } from 'vitest'
import { readPresenceTyping, readPresenceViewing } from '@fourwall/shared'

describe('presence readers', () => {
  it('reads the item someone has open, and null for anything that is not an item id', () => {
    expect(readPresenceViewing({ viewing: 'okr-1' })).toBe('okr-1')
    for (const state of [null, 'x', {}, { viewing: null }, { viewing: 7 }, { viewing: '' }, { viewing: 'a b' }, { viewing: 'x'.repeat(101) }]) {
      expect(readPresenceViewing(state), JSON.stringify(state)).toBeNull()
    }
  })

  it('reads where someone is typing: an item id and one of the typed fields', () => {
    expect(readPresenceTyping({ typing: { itemId: 'okr-1', field: 'note' } })).toEqual({ itemId: 'okr-1', field: 'note' })
    expect(readPresenceTyping({ typing: { itemId: 'okr-1', field: 'ask', extra: true } })).toEqual({ itemId: 'okr-1', field: 'ask' })
    for (const typing of [null, 'note', { itemId: 'okr-1' }, { itemId: 'okr-1', field: 'status' }, { itemId: '../x', field: 'note' }, { field: 'owner' }]) {
      expect(readPresenceTyping({ typing }), JSON.stringify(typing)).toBeNull()
    }
    expect(readPresenceTyping(null)).toBeNull()
  })
})
