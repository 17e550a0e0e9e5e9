/**
 * The week's summary: what the review discussed and decided, as data (for the summary dialog) and as
 * Slack-ready Markdown (for "Copy Markdown" and the Slack incoming webhook, which posts it as `text`).
 *
 * The data follows the agenda (agenda.ts): Red items longest at risk first, then Yellow the same way,
 * with Green and unset items only counted. Decisions, resource shifts and follow-ups are the
 * outcomes of those items, listed again in the same order so the summary's tail reads as a to-do list.
 *
 * The Markdown is written for two readers at once, Slack's mrkdwn and an ordinary Markdown viewer:
 * `*bold*` (bold in Slack, italic elsewhere), `-` bullets with indented sub-bullets (a nested list
 * in Markdown, indented lines in Slack), no headings and no tables (Slack shows neither). Status is
 * always written out as "Red"/"Yellow", never left to a colour. Everything people typed goes through
 * `slackText`, so an objective can neither ping a channel nor smuggle in a link or break the layout.
 */
import type * as Y from 'yjs'
import { readWeekClosed, type WeekClosedInfo } from '../reviewDoc.js'
import { mondayOf, parseWeekId, type WeekId } from '../week.js'
import { atRiskLabel, buildAgenda, type AgendaProgress } from './agenda.js'
import { listItems, type ReviewItem } from './items.js'
import type { Outcome } from './outcome.js'

export interface SummaryItem {
  id: string
  objective: string
  teamName: string
  status: 'red' | 'yellow'
  note: string
  owner: string
  ask: string
  due: string | null
  atRiskWeeks: number
  outcome: Outcome | null
}

export interface WeekSummary {
  weekId: WeekId
  /** Who closed the week and when; null while it is open (a summary can be previewed before). */
  closed: WeekClosedInfo | null
  red: SummaryItem[]
  yellow: SummaryItem[]
  greenCount: number
  unsetCount: number
  progress: AgendaProgress
  decisions: SummaryItem[]
  shifts: SummaryItem[]
  followUps: SummaryItem[]
}

function summaryItemOf(item: ReviewItem & { status: 'red' | 'yellow' }): SummaryItem {
  const { id, objective, teamName, status, note, owner, ask, due, atRiskWeeks, outcome } = item
  return { id, objective, teamName, status, note, owner, ask, due, atRiskWeeks, outcome }
}

function isDiscussed(item: ReviewItem): item is ReviewItem & { status: 'red' | 'yellow' } {
  return item.status === 'red' || item.status === 'yellow'
}

/**
 * The summary of a week's public document. `closed` is the marker as the document holds it; the
 * server, which can verify the marker's signature, replaces it with the verified one.
 */
export function buildWeekSummary(doc: Y.Doc, weekId: WeekId): WeekSummary {
  const agenda = buildAgenda(listItems(doc))
  const discussed = agenda.discuss.filter(isDiscussed).map(summaryItemOf)
  const marker = readWeekClosed(doc)
  const withOutcome = (kind: Outcome['kind']) => discussed.filter((item) => item.outcome?.kind === kind)
  return {
    weekId,
    closed: marker ? { at: marker.at, by: marker.by, byName: marker.byName } : null,
    red: discussed.filter((item) => item.status === 'red'),
    yellow: discussed.filter((item) => item.status === 'yellow'),
    greenCount: agenda.green.length,
    unsetCount: agenda.unset.length,
    progress: agenda.progress,
    decisions: withOutcome('decision'),
    shifts: withOutcome('shift'),
    followUps: withOutcome('follow-up'),
  }
}

// ---- Markdown --------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const DAY_MS = 86_400_000
/** Longest piece of user text in the summary; the document's own limits are 200–300. */
const FIELD_MAX = 300

/**
 * "23–29 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027": Monday to Sunday, in
 * English month abbreviations so the post reads the same whatever the server's locale.
 */
export function weekDateRange(weekId: WeekId): string {
  const monday = mondayOf(weekId)
  const sunday = new Date(monday.getTime() + 6 * DAY_MS)
  const day = (date: Date) => date.getUTCDate()
  const month = (date: Date) => MONTHS[date.getUTCMonth()]!
  const year = (date: Date) => date.getUTCFullYear()
  if (year(monday) !== year(sunday)) return `${day(monday)} ${month(monday)} ${year(monday)} – ${day(sunday)} ${month(sunday)} ${year(sunday)}`
  if (month(monday) !== month(sunday)) return `${day(monday)} ${month(monday)} – ${day(sunday)} ${month(sunday)} ${year(sunday)}`
  return `${day(monday)}–${day(sunday)} ${month(sunday)} ${year(sunday)}`
}

const ZERO_WIDTH_SPACE = '\u200B'

/**
 * Makes text people typed safe to embed in the summary, for Slack and for a Markdown viewer:
 *
 * - `&`, `<`, `>` become entities, as Slack requires. So `<!channel>`, `<@U123>` and
 *   `<https://evil|innocent>` arrive as visible text, and a Markdown viewer renders no raw HTML
 *   (it shows the entities as the characters they stand for).
 * - A zero-width space after every `@`, so `@channel`, `@here`, `@everyone` and `@name` never
 *   notify anyone, even where Slack links names.
 * - `*`, `` ` `` and `~` become look-alikes, so a stray one cannot turn the rest of the message
 *   bold, code or struck out in either renderer; `_` only where it is not inside a word (snake_case
 *   stays as typed, and neither renderer emphasises inside a word).
 * - `](` gets a zero-width space between, so `[label](https://…)` cannot become a disguised link in
 *   a Markdown viewer. A bare address stays what it is: whoever clicks it sees where it goes.
 * - Line breaks and runs of spaces collapse, so a field cannot start a line of its own (a heading,
 *   a quote, a fake bullet), and very long text is clipped.
 */
export function slackText(value: string): string {
  const squished = value.replace(/\s+/g, ' ').trim()
  const clipped = squished.length > FIELD_MAX ? `${squished.slice(0, FIELD_MAX - 1)}…` : squished
  return clipped
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
    .replace(/\*/g, '\u2217')
    .replace(/`/g, '\u02CB')
    .replace(/~/g, '\u223C')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\uFF3F')
    .replace(/\]\(/g, `]${ZERO_WIDTH_SPACE}(`)
}

/** "Decision: Delay the EU launch by two weeks", "Follow-up by Ana, due 2026-12-01", "none yet". */
export function outcomeWords(outcome: Outcome | null): string {
  if (!outcome) return 'none yet'
  switch (outcome.kind) {
    case 'resolved':
      return 'Resolved'
    case 'decision':
      return `Decision: ${slackText(outcome.summary)}`
    case 'shift':
      return `Resource shift: ${slackText(outcome.summary)}`
    case 'follow-up':
      return `Follow-up by ${slackText(outcome.owner)}, due ${outcome.due}`
  }
}

function teamOf(item: SummaryItem): string {
  return item.teamName.trim() === '' ? 'No team' : slackText(item.teamName)
}

/** "*Red* · Payments · Launch one-click checkout · red for 3 weeks", then its details. */
function itemLines(item: SummaryItem): string[] {
  const status = item.status === 'red' ? 'Red' : 'Yellow'
  // The first week at risk goes without saying; from the second on, the streak is the news.
  const label = atRiskLabel(item)
  const streak = item.atRiskWeeks > 1 ? ` · ${label.charAt(0).toLowerCase()}${label.slice(1)}` : ''
  const lines = [`- *${status}* · ${teamOf(item)} · ${slackText(item.objective)}${streak}`]
  if (item.note.trim() !== '') lines.push(`  - Note: ${slackText(item.note)}`)
  const facts = [
    item.ask.trim() !== '' ? `Ask: ${slackText(item.ask)}` : '',
    item.owner.trim() !== '' ? `Owner: ${slackText(item.owner)}` : 'Owner: not set',
    item.due ? `Due: ${item.due}` : '',
  ].filter((fact) => fact !== '')
  lines.push(`  - ${facts.join(' · ')}`)
  lines.push(`  - Outcome: ${outcomeWords(item.outcome)}`)
  return lines
}

/** "Payments: Launch one-click checkout", how the closing sections name the item. */
function itemRef(item: SummaryItem): string {
  return `${teamOf(item)}: ${slackText(item.objective)}`
}

function section(title: string, lines: string[], empty: string): string[] {
  return ['', `*${title}*`, ...(lines.length > 0 ? lines : [`- ${empty}`])]
}

/** "3 Red, 2 Yellow discussed; 14 Green skipped; 1 without a status". */
function tally(summary: WeekSummary): string {
  const { red, yellow, greenCount, unsetCount, progress } = summary
  if (red.length + yellow.length + greenCount + unsetCount === 0) return 'No OKRs were on this week\'s board.'
  const parts = [`${red.length} Red, ${yellow.length} Yellow discussed`, `${greenCount} Green skipped`]
  if (unsetCount > 0) parts.push(`${unsetCount} without a status`)
  let line = parts.join('; ')
  if (progress.left > 0) line += ` (${progress.discussed} of ${progress.total} with an outcome)`
  return line
}

function closedLine(closed: WeekClosedInfo | null): string {
  if (!closed) return 'Not closed yet: this summary may still change.'
  const date = /^\d{4}-\d{2}-\d{2}/.exec(closed.at)?.[0] ?? closed.at
  return `Closed by ${slackText(closed.byName)} on ${date}.`
}

/**
 * The summary as one Markdown text. `slack-api` is what an incoming webhook takes: `&`, `<` and `>`
 * as entities, which Slack's API requires. `paste` (the default: Copy Markdown, the preview) has
 * them as the characters people typed, because the Slack composer and Markdown editors take pasted
 * text literally and would show "&amp;". Everything else `slackText` does (no mentions, no disguised
 * links, no stray formatting) holds in both.
 */
export function summaryMarkdown(summary: WeekSummary, { form = 'paste' }: { form?: 'paste' | 'slack-api' } = {}): string {
  const text = buildMarkdown(summary)
  // The template itself writes no entities, so every one came from slackText and decodes exactly
  // (&amp; last, so a typed "&lt;" comes back as typed).
  return form === 'slack-api' ? text : text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

function buildMarkdown(summary: WeekSummary): string {
  const week = parseWeekId(summary.weekId)?.week ?? summary.weekId
  // Blank lines between the opening lines: a Markdown viewer would otherwise run them together.
  const lines = [`*Four-wall review, week ${week} (${weekDateRange(summary.weekId)})*`, '', tally(summary), '', closedLine(summary.closed)]
  lines.push(...section('Red (blocked)', summary.red.flatMap(itemLines), 'No Red items.'))
  lines.push(...section('Yellow (at risk)', summary.yellow.flatMap(itemLines), 'No Yellow items.'))
  lines.push(
    ...section(
      'Decisions',
      summary.decisions.map((item) => `- ${slackText(item.outcome?.kind === 'decision' ? item.outcome.summary : '')} (${itemRef(item)})`),
      'No decisions.',
    ),
  )
  lines.push(
    ...section(
      'Resource shifts',
      summary.shifts.map((item) => `- ${slackText(item.outcome?.kind === 'shift' ? item.outcome.summary : '')} (${itemRef(item)})`),
      'No resource shifts.',
    ),
  )
  lines.push(
    ...section(
      'Follow-ups',
      summary.followUps.map((item) =>
        item.outcome?.kind === 'follow-up' ? `- ${slackText(item.outcome.owner)}, due ${item.outcome.due} (${itemRef(item)})` : `- ${itemRef(item)}`,
      ),
      'No follow-ups.',
    ),
  )
  return `${lines.join('\n')}\n`
}
