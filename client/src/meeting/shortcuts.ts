/**
 * The meeting's keyboard shortcuts: one list, read by the key handler (useMeetingShortcuts) and
 * by the help dialog (ShortcutsHelp), so the help always says what the keys really do.
 */
export type ShortcutId = 'next' | 'previous' | 'red' | 'yellow' | 'green' | 'unset' | 'timer' | 'follow' | 'help'

export interface ShortcutDefinition {
  id: ShortcutId
  /** KeyboardEvent.key values (letters in lower case). */
  keys: readonly string[]
  /** How the keys are written on the keyboard and in the help. */
  labels: readonly string[]
}

export const SHORTCUTS: readonly ShortcutDefinition[] = [
  { id: 'next', keys: ['n', 'j'], labels: ['N', 'J'] },
  { id: 'previous', keys: ['p', 'k'], labels: ['P', 'K'] },
  { id: 'red', keys: ['r'], labels: ['R'] },
  { id: 'yellow', keys: ['y'], labels: ['Y'] },
  { id: 'green', keys: ['g'], labels: ['G'] },
  { id: 'unset', keys: ['u'], labels: ['U'] },
  { id: 'timer', keys: ['t', ' '], labels: ['T', 'Space'] },
  { id: 'follow', keys: ['s'], labels: ['S'] },
  { id: 'help', keys: ['?'], labels: ['?'] },
]

/** A shortcut this person may use now: what it does, in their situation, and what to run. */
export interface AvailableShortcut {
  id: ShortcutId
  /** "Discuss the next item (everyone's screen follows)". */
  does: string
  run(): void
}

export function shortcutFor(key: string): ShortcutDefinition | undefined {
  const normal = key.length === 1 ? key.toLowerCase() : key
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(normal))
}
