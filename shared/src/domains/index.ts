/**
 * The domain map (who owns which call), the deferral rule in words, and the questions people ask
 * the leads. Principles live beside them in ../principles/.
 */
export * from './ownedDomains.js'
export { isMoveDirection, type MoveDirection } from './ordering.js'
export * from './deferral.js'
export * from './questions.js'
