/**
 * Where the page's access token comes from until proper sign-in exists: a `#token=...` link (the
 * server and the CLI print those), remembered in localStorage so a reload stays signed in.
 */
const STORAGE_KEY = 'fourwall.token'

/** Reads `#token=...` and removes it from the address bar, so it is not bookmarked or shown on a projector. */
export function takeTokenFromUrl(): string | null {
  const token = tokenFromFragment(window.location.hash)
  if (token === null) return null
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', pathname + search)
  storeToken(token)
  return token
}

/** Accepts what people paste: the bare token or the whole link that carries it. */
export function parseTokenInput(input: string): string | null {
  const trimmed = input.trim()
  if (trimmed === '') return null
  const hashAt = trimmed.indexOf('#')
  if (hashAt >= 0) return tokenFromFragment(trimmed.slice(hashAt))
  return /\s/.test(trimmed) ? null : trimmed
}

export function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null // storage disabled: the token then lasts as long as the page
  }
}

export function storeToken(token: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, token)
  } catch {
    // storage disabled: see readStoredToken
  }
}

export function clearStoredToken(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY)
  } catch {
    // storage disabled: nothing was stored
  }
}

function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim()
  return token ? token : null
}
