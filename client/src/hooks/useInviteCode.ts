import { useEffect, useState } from 'react'

function readCode(): string | null {
  const code = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code')?.trim()
  return code ? code : null
}

/**
 * The invite code from `/join#code=...`. It lives in the fragment so it never reaches a server log;
 * pasting another link into an open tab changes only the fragment, so that is followed too.
 */
export function useInviteCode(): string | null {
  const [code, setCode] = useState(readCode)
  useEffect(() => {
    const onHashChange = (): void => setCode(readCode())
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  return code
}
