/**
 * Decisions both leads stand behind: drafted in the week's leadership-private document, signed by
 * the two leads through the server, published to the public week document.
 */
export * from './model.js'
export * from './text.js'
export * from './signing.js'
export * from './jargon.js'
export * from './commands.js'
export * from './publish.js'
export * from './protocol.js'
export { bytesToBase64url, base64urlToBytes } from './base64url.js'
