/**
 * Ends live sockets whose session ended. Sign-out and revocation in this process close them at
 * once; a periodic check against the account store catches the rest (another process, the CLI,
 * expiry), so a signed-out person's sockets close within SESSION_CHECK_MS plus one round trip.
 */
import type { AccountStore } from '../accounts/AccountStore.js'
import type { Logger } from '../logger.js'

/** A live socket bound to a person (a Yjs connection or a socket.io socket). */
export interface SessionHolder {
  readonly sessionId: string | null
  readonly personId: string
  /** 'ended': the session is over, stop for good. 'changed': reconnect to pick up a new role. */
  end(reason: 'ended' | 'changed'): void
}

export interface SessionWatcherDeps {
  store: AccountStore
  intervalMs: number
  log: Logger
  holders: () => Iterable<SessionHolder>
}

export class SessionWatcher {
  private timer: NodeJS.Timeout | null = null
  private sweeping = false

  constructor(private readonly deps: SessionWatcherDeps) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), this.deps.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  endSessions(sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return
    const ended = new Set(sessionIds)
    for (const holder of [...this.deps.holders()]) if (holder.sessionId && ended.has(holder.sessionId)) holder.end('ended')
  }

  personChanged(personId: string): void {
    for (const holder of [...this.deps.holders()]) if (holder.personId === personId && holder.sessionId) holder.end('changed')
  }

  /** Checks every session that has a live socket; closes the sockets of those no longer active. */
  async sweep(): Promise<void> {
    if (this.sweeping) return
    this.sweeping = true
    try {
      const ids = new Set<string>()
      for (const holder of this.deps.holders()) if (holder.sessionId) ids.add(holder.sessionId)
      if (ids.size === 0) return
      const active = await this.deps.store.activeSessionIds([...ids], Date.now())
      this.endSessions([...ids].filter((id) => !active.has(id)))
    } catch (error) {
      this.deps.log.warn('session check failed', { error })
    } finally {
      this.sweeping = false
    }
  }
}
