/**
 * A y-websocket message as the bytes of one unmasked binary WebSocket frame (RFC 6455 §5.2),
 * built once and written as-is to every connection it goes to.
 *
 * Why not `ws.send` for each: it builds a fresh options object, a header buffer and a two-buffer
 * corked write for every connection, which is most of the cost of relaying one update to a thousand
 * viewers. A server-to-client frame is never masked and the endpoint negotiates no extension
 * (perMessageDeflate is off), so the frame is the same bytes for everyone. Writing it straight to
 * the socket stays in order with what `ws` itself sends (pings, the close frame): with no extension
 * its sender writes synchronously, never queueing.
 */

/** One or more complete WebSocket frames, ready for `socket.write`. */
export type WireFrame = Buffer & { readonly __wireFrame: true }

const FIN_BINARY = 0x82

export function wireFrame(message: Uint8Array): WireFrame {
  const length = message.byteLength
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = FIN_BINARY
  if (length < 126) {
    frame[1] = length
  } else if (length < 0x10000) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, headerLength)
  return frame as WireFrame
}

/** Several frames as one buffer: one socket write (one system call) carries them all. */
export function concatFrames(frames: readonly WireFrame[]): WireFrame {
  return frames.length === 1 ? frames[0]! : (Buffer.concat(frames) as WireFrame)
}
