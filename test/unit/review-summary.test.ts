import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  buildWeekSummary,
  CLOSED_KEY,
  META_MAP,
  recordOutcome,
  setStatus,
  slackText,
  summaryMarkdown,
  updateItem,
  weekDateRange,
  type WeekId,
} from '@fourwall/shared'
import { LEAD, newWeek, workspaceWith } from './review-fixtures.js'

const W47 = '2026-W47' as WeekId
const W48 = '2026-W48' as WeekId

/** The Markdown lines between a `*Title*` line and the next blank line. */
function sectionOf(markdown: string, title: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.indexOf(`*${title}*`)
  expect(start, `section ${title}`).toBeGreaterThan(-1)
  const end = lines.indexOf('', start)
  return lines.slice(start + 1, end === -1 ? undefined : end)
}

/**
 * A workspace of seven OKRs; week 47 makes "Checkout" Red and "Search" Yellow (both unresolved), so
 * in week 48 they are at risk for their second week.
 */
function twoWeeks(): { week: Y.Doc; ids: Record<string, string> } {
  const { doc: workspace, ids } = workspaceWith({
    Checkout: 'product',
    Latency: 'engineering',
    Search: 'product',
    Onboarding: 'shared',
    Billing: 'product',
    Docs: 'engineering',
    Mystery: 'shared',
  })
  const w47 = newWeek(workspace, W47)
  setStatus(w47, ids.Checkout!, 'red')
  setStatus(w47, ids.Search!, 'yellow')
  const week = newWeek(workspace, W48, w47)
  updateItem(week, ids.Checkout!, { status: 'red', note: 'Blocked on PSP certification', owner: 'Ana', ask: 'Two backend engineers', due: '2026-12-04' })
  updateItem(week, ids.Latency!, { status: 'red', note: 'p99 at 900 ms', owner: 'Eli' })
  updateItem(week, ids.Search!, { status: 'yellow', owner: 'Sam' })
  updateItem(week, ids.Onboarding!, { status: 'yellow', ask: 'A designer for a week' })
  setStatus(week, ids.Billing!, 'green')
  setStatus(week, ids.Docs!, 'green')
  // Mystery stays unset.
  return { week, ids }
}

describe('the week summary data', () => {
  it('lists Red then Yellow in agenda order (longest at risk first), and counts the rest', () => {
    const { week, ids } = twoWeeks()
    const summary = buildWeekSummary(week, W48)
    expect(summary.weekId).toBe(W48)
    expect(summary.red.map((item) => item.objective)).toEqual(['Checkout', 'Latency'])
    expect(summary.yellow.map((item) => item.objective)).toEqual(['Search', 'Onboarding'])
    expect(summary.red[0]).toEqual({
      id: ids.Checkout,
      objective: 'Checkout',
      teamName: 'Mobile',
      status: 'red',
      note: 'Blocked on PSP certification',
      owner: 'Ana',
      ask: 'Two backend engineers',
      due: '2026-12-04',
      atRiskWeeks: 2,
      outcome: null,
    })
    expect(summary.red[1]!.atRiskWeeks).toBe(1)
    expect(summary).toMatchObject({ greenCount: 2, unsetCount: 1, progress: { total: 4, discussed: 0, left: 4 }, closed: null })
    expect([summary.decisions, summary.shifts, summary.followUps]).toEqual([[], [], []])
  })

  it('sorts outcomes into decisions, shifts and follow-ups, and reads the close marker', () => {
    const { week, ids } = twoWeeks()
    recordOutcome(week, ids.Checkout!, { kind: 'decision', summary: 'Delay the EU launch by two weeks', decisionId: 'd-1' }, { by: LEAD })
    recordOutcome(week, ids.Latency!, { kind: 'shift', summary: 'Move two mobile engineers from Checkout to Payments' }, { by: LEAD })
    recordOutcome(week, ids.Search!, { kind: 'follow-up', owner: 'Ana', due: '2026-12-01' }, { by: LEAD })
    recordOutcome(week, ids.Onboarding!, { kind: 'resolved' }, { by: LEAD })
    week.getMap(META_MAP).set(CLOSED_KEY, { at: '2026-11-23T10:15:00.000Z', by: LEAD.id, byName: LEAD.name, sig: 'server-only' })

    const summary = buildWeekSummary(week, W48)
    expect(summary.decisions.map((item) => item.id)).toEqual([ids.Checkout])
    expect(summary.shifts.map((item) => item.id)).toEqual([ids.Latency])
    expect(summary.followUps.map((item) => item.id)).toEqual([ids.Search])
    expect(summary.progress).toEqual({ total: 4, discussed: 4, left: 0 })
    // The signature stays in the document: the summary carries only who and when.
    expect(summary.closed).toEqual({ at: '2026-11-23T10:15:00.000Z', by: LEAD.id, byName: LEAD.name })
  })
})

describe('the summary as Markdown', () => {
  it('opens with the week, its dates and the tally', () => {
    const { week } = twoWeeks()
    const lines = summaryMarkdown(buildWeekSummary(week, W48)).split('\n')
    expect(lines[0]).toBe('*Four-wall review, week 48 (23–29 Nov 2026)*')
    expect(lines[2]).toBe('2 Red, 2 Yellow discussed; 2 Green skipped; 1 without a status (0 of 4 with an outcome)')
    expect(lines[4]).toBe('Not closed yet: this summary may still change.')
  })

  it('writes every item with its status in words, streak, note, ask, owner, due and outcome', () => {
    const { week, ids } = twoWeeks()
    recordOutcome(week, ids.Checkout!, { kind: 'decision', summary: 'Delay the EU launch by two weeks' }, { by: LEAD })
    recordOutcome(week, ids.Latency!, { kind: 'shift', summary: 'Move two mobile engineers from Checkout to Payments' }, { by: LEAD })
    recordOutcome(week, ids.Search!, { kind: 'follow-up', owner: 'Ana', due: '2026-12-01' }, { by: LEAD })
    recordOutcome(week, ids.Onboarding!, { kind: 'resolved' }, { by: LEAD })
    week.getMap(META_MAP).set(CLOSED_KEY, { at: '2026-11-23T10:15:00.000Z', by: LEAD.id, byName: LEAD.name })
    const markdown = summaryMarkdown(buildWeekSummary(week, W48))

    expect(markdown.split('\n')[2]).toBe('2 Red, 2 Yellow discussed; 2 Green skipped; 1 without a status')
    expect(markdown.split('\n')[4]).toBe('Closed by Pat Product on 2026-11-23.')
    expect(sectionOf(markdown, 'Red (blocked)')).toEqual([
      '- *Red* · Mobile · Checkout · red for 2 weeks',
      '  - Note: Blocked on PSP certification',
      '  - Ask: Two backend engineers · Owner: Ana · Due: 2026-12-04',
      '  - Outcome: Decision: Delay the EU launch by two weeks',
      '- *Red* · Mobile · Latency',
      '  - Note: p99 at 900 ms',
      '  - Owner: Eli',
      '  - Outcome: Resource shift: Move two mobile engineers from Checkout to Payments',
    ])
    expect(sectionOf(markdown, 'Yellow (at risk)')).toEqual([
      '- *Yellow* · Mobile · Search · yellow for 2 weeks',
      '  - Owner: Sam',
      '  - Outcome: Follow-up by Ana, due 2026-12-01',
      '- *Yellow* · Mobile · Onboarding',
      '  - Ask: A designer for a week · Owner: not set',
      '  - Outcome: Resolved',
    ])
    expect(sectionOf(markdown, 'Decisions')).toEqual(['- Delay the EU launch by two weeks (Mobile: Checkout)'])
    expect(sectionOf(markdown, 'Resource shifts')).toEqual(['- Move two mobile engineers from Checkout to Payments (Mobile: Latency)'])
    expect(sectionOf(markdown, 'Follow-ups')).toEqual(['- Ana, due 2026-12-01 (Mobile: Search)'])
    // Green and unset items are counted, never listed.
    expect(markdown).not.toMatch(/Billing|Docs|Mystery/)
  })

  it('says "none yet" for an item without an outcome, and "No …" for empty sections', () => {
    const { week } = twoWeeks()
    const markdown = summaryMarkdown(buildWeekSummary(week, W48))
    expect(markdown.match(/ {2}- Outcome: none yet/g)).toHaveLength(4)
    expect(sectionOf(markdown, 'Decisions')).toEqual(['- No decisions.'])
    expect(sectionOf(markdown, 'Resource shifts')).toEqual(['- No resource shifts.'])
    expect(sectionOf(markdown, 'Follow-ups')).toEqual(['- No follow-ups.'])
  })

  it('summarises an empty week and an all-Green week without inventing items', () => {
    const { doc: empty } = workspaceWith({})
    const nothing = summaryMarkdown(buildWeekSummary(newWeek(empty, W48), W48))
    expect(nothing.split('\n')[2]).toBe("No OKRs were on this week's board.")
    expect(sectionOf(nothing, 'Red (blocked)')).toEqual(['- No Red items.'])
    expect(sectionOf(nothing, 'Yellow (at risk)')).toEqual(['- No Yellow items.'])

    const { doc: workspace, ids } = workspaceWith({ Fine: 'product', AlsoFine: 'engineering' })
    const green = newWeek(workspace, W48)
    setStatus(green, ids.Fine!, 'green')
    setStatus(green, ids.AlsoFine!, 'green')
    const summary = buildWeekSummary(green, W48)
    expect(summary).toMatchObject({ red: [], yellow: [], greenCount: 2, unsetCount: 0, progress: { total: 0, discussed: 0, left: 0 } })
    expect(summaryMarkdown(summary).split('\n')[2]).toBe('0 Red, 0 Yellow discussed; 2 Green skipped')
  })

  it('never lets user text mention anyone, link anywhere or break the formatting', () => {
    const { doc: workspace, ids } = workspaceWith({ 'Ship <!channel> & <https://evil.example|the docs> @here': 'product' })
    const week = newWeek(workspace, W48)
    const okr = Object.values(ids)[0]!
    updateItem(week, okr, { status: 'red', note: '*urgent* `rm -rf` ~soon~ _now_ [click](https://evil.example) @everyone', owner: '@channel' })
    recordOutcome(week, okr, { kind: 'decision', summary: '<@U123> decides > all' }, { by: LEAD })
    const markdown = summaryMarkdown(buildWeekSummary(week, W48), { form: 'slack-api' })

    expect(markdown).not.toMatch(/<|>/)
    expect(markdown).not.toMatch(/@(channel|here|everyone)/)
    expect(markdown).not.toContain('](')
    expect(markdown).toContain('Ship &lt;!channel&gt; &amp; &lt;https://evil.example|the docs&gt; @\u200Bhere')
    expect(markdown).toContain('Decision: &lt;@\u200BU123&gt; decides &gt; all')
    // The only asterisks left are the summary's own bold markers, in pairs on their lines.
    for (const line of markdown.split('\n')) expect((line.match(/\*/g) ?? []).length % 2, line).toBe(0)
    expect(markdown).not.toMatch(/`|~/)
    expect(markdown).toContain('Note: \u2217urgent\u2217 \u02CBrm -rf\u02CB \u223Csoon\u223C \uFF3Fnow\uFF3F [click]\u200B(https://evil.example) @\u200Beveryone')

    // To paste, the characters come back as typed (the composer would show "&amp;"); mentions,
    // links and formatting stay defused, and the rest of the text is the same.
    const pasted = summaryMarkdown(buildWeekSummary(week, W48))
    expect(pasted).toContain('Ship <!channel> & <https://evil.example|the docs> @\u200Bhere')
    expect(pasted).toContain('Decision: <@\u200BU123> decides > all')
    expect(pasted).not.toMatch(/@(channel|here|everyone)/)
    expect(pasted).not.toContain('](')
    expect(pasted.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).toBe(markdown)
  })

  it('gives a typed entity back as typed when pasting', () => {
    const { doc: workspace, ids } = workspaceWith({ 'Write &lt; in HTML': 'product' })
    const week = newWeek(workspace, W48)
    updateItem(week, Object.values(ids)[0]!, { status: 'red' })
    expect(summaryMarkdown(buildWeekSummary(week, W48))).toContain('Write &lt; in HTML')
    expect(summaryMarkdown(buildWeekSummary(week, W48), { form: 'slack-api' })).toContain('Write &amp;lt; in HTML')
  })
})

describe('slackText', () => {
  it('keeps ordinary text, snake_case and e-mail-like text readable', () => {
    expect(slackText('Launch one-click checkout in the EU')).toBe('Launch one-click checkout in the EU')
    expect(slackText('rename user_id to account_id')).toBe('rename user_id to account_id')
    expect(slackText('  two\n lines\tand   spaces ')).toBe('two lines and spaces')
  })

  it('clips very long text', () => {
    const clipped = slackText('x'.repeat(1000))
    expect(clipped).toHaveLength(300)
    expect(clipped.endsWith('…')).toBe(true)
  })
})

describe('weekDateRange', () => {
  it('writes Monday to Sunday within a month, across months and across years', () => {
    expect(weekDateRange(W48)).toBe('23–29 Nov 2026')
    expect(weekDateRange('2026-W49' as WeekId)).toBe('30 Nov – 6 Dec 2026')
    expect(weekDateRange('2026-W53' as WeekId)).toBe('28 Dec 2026 – 3 Jan 2027')
  })
})
