/**
 * The leads' line to the server for signing: `decision:sign` over socket.io (shared protocol in
 * shared/src/decisions/protocol.ts). Its own connection, opened on the first signature and closed
 * with the board, so the meeting's connection (MeetingStore) stays the meeting's; only the two
 * leads ever open it.
 */
import { DECISION_SIGN_EVENT, type WeekId } from '@fourwall/shared'
import type { Socket } from 'socket.io-client'
import { connectMeetingSocket } from '../meeting/MeetingStore.js'

const ANSWER_WITHIN_MS = 10_000
const NOT_CONNECTED = 'Cannot reach the server to sign. Check the connection and try again.'
const NO_ANSWER = 'The server did not answer in time. Try signing again.'

export class DecisionChannel {
  private socket: Socket | null = null

  /** Resolves with null once the server signed, or with the sentence saying why not. */
  async sign(weekId: WeekId, decisionId: string): Promise<string | null> {
    let socket: Socket
    try {
      socket = await this.connected()
    } catch {
      return NOT_CONNECTED
    }
    let reply: unknown
    try {
      reply = await socket.timeout(ANSWER_WITHIN_MS).emitWithAck(DECISION_SIGN_EVENT, { weekId, decisionId })
    } catch {
      return socket.connected ? NO_ANSWER : NOT_CONNECTED
    }
    if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean') return 'The server sent an answer this page does not understand.'
    const { ok, error } = reply as { ok: boolean; error?: unknown }
    return ok ? null : typeof error === 'string' ? error : 'The server refused without saying why.'
  }

  close(): void {
    this.socket?.removeAllListeners()
    this.socket?.disconnect()
    this.socket = null
  }

  private connected(): Promise<Socket> {
    const socket = (this.socket ??= connectMeetingSocket())
    if (socket.connected) return Promise.resolve(socket)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error('timeout')), ANSWER_WITHIN_MS)
      const done = (error: Error | null): void => {
        clearTimeout(timer)
        socket.off('connect', onConnect)
        socket.off('connect_error', onError)
        if (error) reject(error)
        else resolve(socket)
      }
      const onConnect = (): void => done(null)
      const onError = (error: Error): void => done(error)
      socket.on('connect', onConnect)
      socket.on('connect_error', onError)
      socket.connect()
    })
  }
}
