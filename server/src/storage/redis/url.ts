/**
 * REDIS_URL checks shared by the configuration and the client: which schemes are accepted, and how
 * a URL is shown in messages and logs without its password.
 */

/** Null when `raw` is a redis:// or rediss:// URL with a host; otherwise why it is not. */
export function redisUrlProblem(raw: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    return 'is not a URL'
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') return `has the scheme ${parsed.protocol} instead of redis: or rediss:`
  if (parsed.hostname === '') return 'names no host'
  return null
}

/** The URL with any password (or user:password) masked, for error messages and logs. */
export function redactRedisUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@')
}
