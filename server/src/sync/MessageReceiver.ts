/**
 * Decodes one y-websocket frame from a connection and acts on it. Anything malformed, unknown or
 * not allowed for the connection throws a ProtocolError; the endpoint closes that one connection.
 */
import * as decoding from 'lib0/decoding'
import { CloseCode } from '@fourwall/shared'
import type { Connection } from './Connection.js'
import type { Document } from './Document.js'
import { MessageType, SyncType } from './protocol.js'

export class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
    this.name = 'ProtocolError'
  }
}

function readBody(decoder: decoding.Decoder): Uint8Array {
  const body = decoding.readVarUint8Array(decoder)
  if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.badMessage, 'trailing bytes after message')
  return body
}

export function receiveMessage(connection: Connection, document: Document, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  let type: number
  try {
    type = decoding.readVarUint(decoder)
  } catch {
    throw new ProtocolError(CloseCode.badMessage, 'empty or truncated message')
  }
  try {
    switch (type) {
      case MessageType.sync:
        return receiveSync(connection, document, decoder)
      case MessageType.awareness:
        return document.applyAwareness(connection, readBody(decoder))
      case MessageType.queryAwareness:
        if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.badMessage, 'trailing bytes after query')
        return document.answerQueryAwareness(connection)
      default:
        throw new ProtocolError(CloseCode.badMessage, `unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(CloseCode.badMessage, `malformed message: ${(error as Error).message}`)
  }
}

function receiveSync(connection: Connection, document: Document, decoder: decoding.Decoder): void {
  const syncType = decoding.readVarUint(decoder)
  switch (syncType) {
    case SyncType.step1:
      return document.answerSyncStep1(connection, readBody(decoder))
    case SyncType.step2:
    case SyncType.update: {
      const update = readBody(decoder)
      if (connection.readOnly) return refuseWrite(connection, document, syncType, update)
      return document.applyUpdate(update, connection)
    }
    default:
      throw new ProtocolError(CloseCode.badMessage, `unknown sync message type ${syncType}`)
  }
}

/**
 * A read-only connection's Update or SyncStep2 never touches the document. Like Hocuspocus (its
 * MessageReceiver acks a read-only SyncStep2 only if `Y.snapshotContainsUpdate` holds, and refuses
 * every read-only Update), a SyncStep2 that adds nothing is the normal answer to our SyncStep1 and
 * is ignored; every other write counts against the connection, which is closed with 4403 once it
 * keeps writing. y-websocket clients know no "sync status" reply, so none is sent.
 */
function refuseWrite(connection: Connection, document: Document, syncType: number, update: Uint8Array): void {
  // Decoding it also refuses a malformed step 2 (4400), as it would be for an editor.
  if (syncType === SyncType.step2 && document.containsUpdate(update)) return
  if (!connection.refuseWrite()) {
    throw new ProtocolError(CloseCode.forbidden, 'this connection is read-only and kept sending changes')
  }
}
