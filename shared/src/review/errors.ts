/**
 * The one error the review commands throw. Every command validates its input before it opens a
 * transaction and throws this with a sentence that a person can act on ("A status note fits on one
 * line."), so the client can show `error.message` as it is and nothing half-applied reaches the
 * document. Pure validators elsewhere return `string | null` (like people.ts); commands throw.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError'
  /** The input the sentence is about ("note", "outcome.due"), for a form to place the message. */
  readonly field: string | null

  constructor(message: string, field: string | null = null) {
    super(message)
    this.field = field
  }
}

/** Throws a ValidationError when a validator returned a sentence. */
export function check(error: string | null, field: string | null = null): void {
  if (error !== null) throw new ValidationError(error, field)
}
