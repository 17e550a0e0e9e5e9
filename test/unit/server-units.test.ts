import { describe, expect, it } from 'vitest'
import { ConfigError, createLogger, loadConfig, TokenSigner } from '@fourwall/server'
import { redact } from '../../server/src/logger.js'

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, maxMessageBytes: 1024 * 1024, logLevel: 'info', sqliteSynchronous: 'NORMAL' })
  })

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['MAX_MESSAGE_BYTES', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['SQLITE_SYNCHRONOUS', 'OFF'],
    ['FOURWALL_SECRET', 'short'],
    ['PUBLIC_URL', 'ftp://x'],
    ['UNLOAD_AFTER_MS', '1.5'],
  ])('names %s when its value %s is bad', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    try {
      loadConfig({ [name]: value })
    } catch (error) {
      expect((error as ConfigError).variable).toBe(name)
      expect((error as Error).message).toContain(name)
    }
  })
})

describe('logs', () => {
  it('redact credentials in keys and in URLs', () => {
    const lines: string[] = []
    const log = createLogger('debug', (line) => lines.push(line))
    log.info('request', { url: '/yjs/week:2026-W48?token=fw1.secret.sig&x=1', token: 'fw1.a.b', headers: { Authorization: 'Bearer x', cookie: 'sid=1' } })
    const text = lines.join('\n')
    expect(text).not.toContain('fw1.secret.sig')
    expect(text).not.toContain('fw1.a.b')
    expect(text).not.toContain('Bearer x')
    expect(text).not.toContain('sid=1')
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'request', url: '/yjs/week:2026-W48?token=[redacted]&x=1' })
    expect(redact('see #token=abc')).toBe('see #token=[redacted]')
  })

  it('respect the level', () => {
    const lines: string[] = []
    const log = createLogger('warn', (line) => lines.push(line))
    log.info('hidden')
    log.warn('shown')
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown'])
  })
})

describe('tokens', () => {
  const signer = new TokenSigner('s'.repeat(32))
  it('round-trip an identity', () => {
    const token = signer.create({ name: 'Ana', role: 'editor' })
    expect(signer.verify(token)).toMatchObject({ name: 'Ana', role: 'editor' })
  })
  it('reject forged, tampered, foreign and expired tokens', () => {
    const token = signer.create({ name: 'Ana', role: 'team-lead' })
    const [prefix, payload, sig] = token.split('.')
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url')
    expect(signer.verify(`${prefix}.${promoted}.${sig}`)).toBeNull()
    expect(new TokenSigner('t'.repeat(32)).verify(token)).toBeNull()
    expect(signer.verify('garbage')).toBeNull()
    expect(signer.verify(undefined)).toBeNull()
    const expired = signer.create({ name: 'Old', role: 'editor', expiresInSeconds: -10 })
    expect(signer.verify(expired)).toBeNull()
  })
})
