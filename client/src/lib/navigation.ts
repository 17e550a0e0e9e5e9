/**
 * Routing without a router: the page has three addresses (`/`, `/join`, `/admin`), so
 * `history.pushState` plus one event for "the path changed" is all it takes.
 */
const NAVIGATE = 'fourwall:navigate'

export type Route = 'board' | 'join' | 'admin'

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/join') return 'join'
  if (path === '/admin') return 'admin'
  return 'board' // anything unknown shows the board rather than a dead end
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
