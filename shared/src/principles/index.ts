/** The product principles the decisions cite (see principles.ts). */
export * from './principles.js'
