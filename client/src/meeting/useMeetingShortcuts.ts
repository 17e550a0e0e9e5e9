import { useEffect, useRef } from 'react'
import { shortcutFor, type AvailableShortcut } from './shortcuts.js'

/** Where typing goes: a key pressed here is text, never a shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type)
  return false
}

/** Where Space already means something (pressing the button, ticking the box). */
function usesSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], input, summary, [role="button"], [role="checkbox"], [role="menuitem"], [role="tab"]') !== null
}

/**
 * The meeting's single-key shortcuts (see shortcuts.ts), for the shortcuts given: anything not in
 * the list is off. They never fire while typing in a field, with Ctrl, Alt or Meta held (the
 * browser's and the system's own shortcuts), with Shift (except "?", which needs it), on a held
 * key's repeats, or while a dialog is open.
 */
export function useMeetingShortcuts(available: readonly AvailableShortcut[]): void {
  // Read when a key is pressed, so a new list each render does not re-register the listener.
  const current = useRef(available)
  useEffect(() => {
    current.current = available
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return
      if (event.ctrlKey || event.altKey || event.metaKey) return
      if (event.shiftKey && event.key !== '?') return
      if (isTypingTarget(event.target)) return
      if (document.querySelector('dialog[open]')) return
      const definition = shortcutFor(event.key)
      if (!definition) return
      if (event.key === ' ' && usesSpace(event.target)) return
      const shortcut = current.current.find((candidate) => candidate.id === definition.id)
      if (!shortcut) return
      event.preventDefault()
      shortcut.run()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
