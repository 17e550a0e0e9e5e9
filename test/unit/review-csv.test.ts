import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addOkr, addTeam, describeImport, importOkrCsv, listOkrs, listTeams, parseCsv, parseOkrCsv } from '@fourwall/shared'
import { counterIds } from './review-fixtures.js'

describe('the CSV reader', () => {
  it('reads quoted values with commas, quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFa,b,c\r\n"one, two","say ""hi""","line 1\nline 2"\r\nplain,,last\n'
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['one, two', 'say "hi"', 'line 1\nline 2'] },
        { line: 4, fields: ['plain', '', 'last'] },
      ],
      error: null,
    })
  })

  it('accepts CR line endings, skips blank and comma-only lines, and needs no final newline', () => {
    expect(parseCsv('a,b\r\rc,d\n,,\n\n"",""\ne,f').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd'] },
      { line: 7, fields: ['e', 'f'] },
    ])
  })

  it('keeps stray quotes inside unquoted values and text after a closing quote', () => {
    expect(parseCsv('5" screen,"quoted"tail').records[0]!.fields).toEqual(['5" screen', 'quotedtail'])
  })

  it('reports an unclosed quote with the line it opened on', () => {
    const { records, error } = parseCsv('a,b\nc,"never\nclosed,x\n')
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }])
    expect(error).toEqual({ line: 2, reason: 'A quoted value that starts on line 2 is never closed: add the missing " and import again.' })
  })
})

const HEADER = 'Objective,Key Results,Team,Domain'

describe('parsing an OKR CSV', () => {
  it('accepts good rows, splitting key results on ; | and line breaks', () => {
    const text = [HEADER, '"Ship offline mode, v1",99% sync; p95 < 2s | zero data loss,Mobile,Product', 'Cut build time,"under 5 min\nno flaky tests",Platform, engineering '].join('\n')
    expect(parseOkrCsv(text)).toEqual({
      accepted: [
        { line: 2, objective: 'Ship offline mode, v1', keyResults: ['99% sync', 'p95 < 2s', 'zero data loss'], teamName: 'Mobile', domain: 'product' },
        { line: 3, objective: 'Cut build time', keyResults: ['under 5 min', 'no flaky tests'], teamName: 'Platform', domain: 'engineering' },
      ],
      rejected: [],
      error: null,
    })
  })

  it('rejects bad rows with every reason and the line they start on', () => {
    const text = [
      'team,domain,objective,notes', // any column order; unknown columns ignored; key_results optional
      'Mobile,product,"Multi-line',
      'objective"',
      'Mobile,,',
      'Mobile,design,Grow revenue',
      ',shared,Hire',
      'Web,product,Launch, in Q1, or Q2',
      'mobile,PRODUCT,multi-line objective', // a repeat of line 2, ignoring case and spacing
    ].join('\n')
    const parsed = parseOkrCsv(text)
    expect(parsed.error).toBeNull()
    expect(parsed.accepted.map((row) => [row.line, row.objective])).toEqual([[2, 'Multi-line objective']])
    expect(parsed.rejected).toEqual([
      { line: 4, reason: 'The objective is empty. The domain is empty: use product, engineering or shared.' },
      { line: 5, reason: 'The domain "design" is not product, engineering or shared.' },
      { line: 6, reason: 'The team is empty.' },
      { line: 7, reason: 'This row has 5 values but the header has 4 columns: put values that contain commas in double quotes.' },
      { line: 8, reason: 'It repeats line 2 (same objective and team).' },
    ])
  })

  it('refuses a file without the needed header columns, or with none at all', () => {
    expect(parseOkrCsv('objective,owner\nShip,Eli').error).toBe(
      'The header row (line 1) must name the columns objective, team and domain (key_results is optional); it is missing team, domain.',
    )
    expect(parseOkrCsv('\uFEFF\n\n').error).toMatch(/The file is empty/)
    expect(parseOkrCsv('objective,team,domain,Team\n').error).toBe('The header row names the column team twice.')
    expect(parseOkrCsv('objective,team,domain\n"open').error).toMatch(/line 2 is never closed/)
  })

  it('rejects too many key results and overlong values', () => {
    const many = Array.from({ length: 11 }, (_, i) => `KR ${i}`).join(';')
    const { rejected } = parseOkrCsv(`objective,key_results,team,domain\nA,${many},Mobile,product\n${'o'.repeat(201)},,Mobile,product`)
    expect(rejected).toEqual([
      { line: 2, reason: 'An OKR has at most 10 key results.' },
      { line: 3, reason: 'The objective has 201 characters; at most 200 fit.' },
    ])
  })
})

describe('importing an OKR CSV', () => {
  it('adds accepted rows after existing OKRs in one transaction, creating unknown teams, and reports everything', () => {
    const doc = new Y.Doc()
    const mobile = addTeam(doc, 'Mobile', { newId: () => 'team-mobile' })
    addOkr(doc, { objective: 'Existing', teamId: mobile.id, domain: 'product' }, { newId: () => 'okr-0' })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const text = [
      HEADER,
      'Ship offline mode,99% sync,mobile,product',
      'Cut build time,,Platform,engineering',
      'Existing,,MOBILE,product',
      'Grow revenue,,Sales,marketing',
      'Hire two SREs,,platform ,engineering',
    ].join('\r\n')
    const report = importOkrCsv(doc, text, { newId: counterIds('n') })
    expect(transactions).toBe(1)
    expect(report.error).toBeNull()
    expect(report.imported).toEqual([
      { line: 2, okrId: 'n-1', objective: 'Ship offline mode' },
      { line: 3, okrId: 'n-3', objective: 'Cut build time' },
      { line: 6, okrId: 'n-4', objective: 'Hire two SREs' },
    ])
    expect(report.createdTeams).toEqual([{ id: 'n-2', name: 'Platform' }])
    expect(report.rejected).toEqual([
      { line: 4, reason: 'This OKR is already in the workspace (same objective and team), so it is not imported again.' },
      { line: 5, reason: 'The domain "marketing" is not product, engineering or shared.' },
    ])
    expect(listTeams(doc).map((team) => team.name)).toEqual(['Mobile', 'Platform'])
    expect(listOkrs(doc).map((okr) => [okr.objective, okr.teamId, okr.order])).toEqual([
      ['Existing', 'team-mobile', 0],
      ['Ship offline mode', 'team-mobile', 1],
      ['Cut build time', 'n-2', 2],
      ['Hire two SREs', 'n-2', 3],
    ])
    expect(describeImport(report)).toEqual([
      'Imported 3 OKRs.',
      'Created 1 new team: Platform.',
      'Rejected 2 rows:',
      'Line 4: This OKR is already in the workspace (same objective and team), so it is not imported again.',
      'Line 5: The domain "marketing" is not product, engineering or shared.',
    ])

    // The same file again adds nothing.
    const again = importOkrCsv(doc, text)
    expect(again.imported).toEqual([])
    expect(again.rejected.map((row) => row.line)).toEqual([2, 3, 4, 5, 6])
    expect(listOkrs(doc)).toHaveLength(4)
    expect(transactions).toBe(1)
  })

  it('changes nothing when the file itself is refused', () => {
    const doc = new Y.Doc()
    const report = importOkrCsv(doc, 'objective\nShip')
    expect(report.error).toMatch(/missing team, domain/)
    expect(describeImport(report).at(-1)).toBe('Nothing was imported.')
    expect(listOkrs(doc)).toEqual([])
    expect(listTeams(doc)).toEqual([])
  })
})
