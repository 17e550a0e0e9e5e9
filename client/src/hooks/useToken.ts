import { useCallback, useEffect, useState } from 'react'
import { clearStoredToken, readStoredToken, storeToken, takeTokenFromUrl } from '../lib/token.js'

export interface TokenState {
  token: string | null
  /** Why the sign-in screen is showing, when it was not the person's own choice. */
  notice: string | null
  signIn(token: string): void
  signOut(notice?: string): void
}

export function useToken(): TokenState {
  // A link's token wins over a stored one: opening a new link means "be this person now".
  const [token, setToken] = useState<string | null>(() => takeTokenFromUrl() ?? readStoredToken())
  const [notice, setNotice] = useState<string | null>(null)

  const signIn = useCallback((next: string) => {
    storeToken(next)
    setNotice(null)
    setToken(next)
  }, [])

  const signOut = useCallback((reason?: string) => {
    clearStoredToken()
    setNotice(reason ?? null)
    setToken(null)
  }, [])

  // Pasting a new link into the address bar of an open tab changes only the fragment: no reload.
  useEffect(() => {
    const onHashChange = (): void => {
      const fromLink = takeTokenFromUrl()
      if (fromLink !== null) signIn(fromLink)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [signIn])

  return { token, notice, signIn, signOut }
}
