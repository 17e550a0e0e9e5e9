/**
 * A gentle nudge towards plain words. The org hears each decision explained: "leverage our
 * synergies" tells a team nothing, "two engineers move so checkout ships before the holidays" does.
 * The editor shows these hints beside the text; they never block saving, signing or publishing.
 */

export interface JargonWarning {
  /** The word or phrase as the list names it ("low-hanging fruit"). */
  term: string
  /** The hint to show: "“synergy” says little: say how this helps the mission". */
  message: string
}

/**
 * Each term with the pattern that finds it in any of its usual forms. Spaces and hyphens are
 * interchangeable ("best in class", "best-in-class"). Words this board itself uses in their plain
 * sense stay off the list: a decision is "aligned" when both leads sign it.
 */
const TERMS: ReadonlyArray<readonly [term: string, pattern: string]> = [
  ['synergy', 'synerg(?:y|ies|istic|ize|ise)'],
  ['leverage', 'leverag(?:e|es|ed|ing)'],
  ['align on', 'align(?:ing)?[\\s-]+on'],
  ['paradigm', 'paradigms?(?:[\\s-]+shifts?)?'],
  ['best-in-class', 'best[\\s-]+in[\\s-]+class'],
  ['world-class', 'world[\\s-]+class'],
  ['move the needle', 'mov(?:e|es|ed|ing)[\\s-]+the[\\s-]+needle'],
  ['circle back', 'circl(?:e|es|ed|ing)[\\s-]+back'],
  ['touch base', 'touch(?:es|ed|ing)?[\\s-]+base'],
  ['bandwidth', 'bandwidth'],
  ['low-hanging fruit', 'low[\\s-]+hanging[\\s-]+fruits?'],
  ['value-add', 'value[\\s-]+adds?'],
  ['holistic', 'holistic(?:ally)?'],
  ['game-changer', 'game[\\s-]+chang(?:er|ers|ing)'],
  ['deep dive', 'deep[\\s-]+dives?'],
  ['boil the ocean', 'boil(?:s|ed|ing)?[\\s-]+the[\\s-]+ocean'],
  ['win-win', 'win[\\s-]+win'],
  ['core competency', 'core[\\s-]+competenc(?:y|ies)'],
  ['thought leadership', 'thought[\\s-]+leadership'],
  ['actionable insights', 'actionable[\\s-]+insights?'],
  ['empower', 'empower(?:s|ed|ing|ment)?'],
  ['disruptive', 'disrupt(?:ive|ion)'],
]

const MATCHERS = TERMS.map(([term, pattern]) => ({ term, regex: new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu') }))

export function jargonMessage(term: string): string {
  return `“${term}” says little: say how this helps the mission`
}

/** The jargon in `text`, each term once, in the order it first appears. */
export function jargonWarnings(text: string): JargonWarning[] {
  return MATCHERS.map(({ term, regex }) => ({ term, at: regex.exec(text)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ term }) => ({ term, message: jargonMessage(term) }))
}
