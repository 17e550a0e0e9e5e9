/**
 * Routing without a router: the page has a handful of addresses, so `history.pushState` plus one
 * event for "the path changed" is all it takes.
 *
 *   /                  this week's board          /week/2026-W47   that week's board (browsing)
 *   /workspace         teams, OKRs, CSV import    /admin           people, invites, settings
 *   /join              redeeming an invite link   /principles      the product principles
 */
import { isWeekId, type WeekId } from '@fourwall/shared'

const NAVIGATE = 'fourwall:navigate'

export type Route =
  | { page: 'board'; weekId: WeekId | null }
  | { page: 'join' }
  | { page: 'admin' }
  | { page: 'workspace' }
  | { page: 'principles' }

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/join') return { page: 'join' }
  if (path === '/admin') return { page: 'admin' }
  if (path === '/workspace') return { page: 'workspace' }
  if (path === '/principles') return { page: 'principles' }
  const week = /^\/week\/([^/]+)$/.exec(path)
  if (week && isWeekId(week[1])) return { page: 'board', weekId: week[1] }
  return { page: 'board', weekId: null } // anything unknown shows this week's board rather than a dead end
}

/** The address of a week's board; the current week lives at `/`. */
export function weekPath(weekId: WeekId | null): string {
  return weekId === null ? '/' : `/week/${weekId}`
}

/** Goes to `path` inside the page. `replace` for steps Back should skip (a used invite link). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  // pushState fires no event of its own; usePath listens for this one and for popstate.
  window.dispatchEvent(new Event(NAVIGATE))
}

export function subscribeToPath(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE, onChange)
  }
}

/**
 * Links used to carry a bearer token (`#token=...`) that the page kept in localStorage. Sessions
 * are cookies now: drop an old token from the address bar (so it is not bookmarked or shown on a
 * projector) and from storage (so a credential does not linger on a shared laptop), and ignore it.
 */
export function forgetLegacyToken(): void {
  if (new URLSearchParams(window.location.hash.replace(/^#/, '')).has('token')) {
    const { pathname, search } = window.location
    window.history.replaceState(window.history.state, '', pathname + search)
  }
  try {
    window.localStorage.removeItem('fourwall.token')
  } catch {
    // storage disabled: nothing was stored
  }
}
