import { useSyncExternalStore } from 'react'
import { subscribeToPath } from '../lib/navigation.js'

/** The address bar's path, kept current through Back, Forward and in-page links. */
export function usePath(): string {
  return useSyncExternalStore(subscribeToPath, () => window.location.pathname)
}
