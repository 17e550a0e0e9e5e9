import { ValidationError } from '@fourwall/shared'

/**
 * Runs a review command and turns a ValidationError into its sentence for the field (null when it
 * went through). Anything else is a bug and propagates.
 */
export function tryCommand(command: () => unknown): string | null {
  try {
    command()
    return null
  } catch (error) {
    if (error instanceof ValidationError) return error.message
    throw error
  }
}
