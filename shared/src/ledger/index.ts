/** The resource-shift ledger of a week and the capacity it adds up to per team. */
export * from './shift.js'
export * from './validation.js'
export * from './shifts.js'
export * from './capacity.js'
export * from './warnings.js'
