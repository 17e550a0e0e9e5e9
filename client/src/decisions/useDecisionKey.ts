import { useEffect, useState } from 'react'
import { api, isRecord, problemSentence } from '../lib/api.js'

export type DecisionKeyState = { status: 'loading' } | { status: 'ready'; publicKey: string } | { status: 'failed'; problem: string }

/** One request per page: the key only changes with the server's secret. A failure is asked again next time. */
let pending: Promise<string> | null = null

function loadKey(): Promise<string> {
  pending ??= api<unknown>('/api/keys/decisions').then((body) => {
    const publicKey = isRecord(body) ? body.publicKey : undefined
    if (typeof publicKey !== 'string' || publicKey === '') throw new Error('The server sent no key to check signatures with.')
    return publicKey
  })
  pending.catch(() => (pending = null))
  return pending
}

/**
 * The server's public key for decision signatures (GET /api/keys/decisions). Signatures are
 * checked against it on this page rather than believed: anyone who may write the private document
 * could write something that looks like one.
 */
export function useDecisionKey(): DecisionKeyState {
  const [state, setState] = useState<DecisionKeyState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    loadKey().then(
      (publicKey) => live && setState({ status: 'ready', publicKey }),
      (error: unknown) => live && setState({ status: 'failed', problem: problemSentence(error) }),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}
