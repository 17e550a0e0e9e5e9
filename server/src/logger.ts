/**
 * Structured JSON logs, one object per line. Anything that looks like a credential is redacted
 * before it is written: keys named like tokens, secrets, cookies or passwords, and `token=`, `session=` or `code=` (invite links) in URLs.
 */
import type { LogLevel } from './config.js'

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }
const SECRET_KEY = /token|secret|password|cookie|authorization|session/i
const SECRET_IN_URL = /([?&#](?:token|access_token|session|code)=)[^&#\s"]+/gi

export type LogFields = Record<string, unknown>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_IN_URL, '$1[redacted]')
  if (value instanceof Error) return { name: value.name, message: redact(value.message), code: (value as { code?: unknown }).code }
  if (typeof value !== 'object' || value === null || depth > 4) return value
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1)
  }
  return out
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  bound: LogFields = {},
): Logger {
  const threshold = LEVELS[level]
  const log = (at: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (LEVELS[at] < threshold) return
    const entry = redact({ time: new Date().toISOString(), level: at, msg, ...bound, ...fields })
    write(JSON.stringify(entry))
  }
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger(level, write, { ...bound, ...fields }),
  }
}
