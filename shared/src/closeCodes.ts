/**
 * WebSocket close codes the sync endpoint uses. 4400-4499 mirror HTTP 4xx: y-websocket 3.1 clients
 * treat them as permanent and stop reconnecting (4401 also ends a signed-out session's sockets). 1001 and 1009 are the standard "going away" and
 * "message too big".
 */
export const CloseCode = {
  goingAway: 1001,
  messageTooBig: 1009,
  badMessage: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooManyMessages: 4429,
  /**
   * The person's role or name changed: reconnect to be let in under the new one. In the 4500-4599
   * "try again" range, which y-websocket clients treat as transient.
   */
  rejoin: 4500,
  /**
   * The server cannot reach its storage (a document failed to load, or a write failed): nothing
   * was lost on the client, which keeps its edits and retries. Transient, like rejoin; the page
   * says the server cannot save right now instead of calling itself offline.
   */
  storageUnavailable: 4503,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
