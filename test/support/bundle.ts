/**
 * What a first visit downloads before the board can start: the entry script and every module
 * preloaded with it, as the built `client/dist/index.html` names them, gzipped the way a server or
 * CDN would send them. Later chunks (dynamic imports) are not counted.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { ROOT } from './process.js'

/** The budget CI holds the client to: initial JavaScript under 250 KB gzipped (1 KB = 1,000 bytes). */
export const INITIAL_JS_BUDGET_BYTES = 250_000

export interface InitialJs {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>
  bytes: number
  gzipBytes: number
}

export const CLIENT_DIST = path.join(ROOT, 'client/dist')

export function measureInitialJs(distDir = CLIENT_DIST): InitialJs {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const urls = new Set<string>()
  for (const [, src] of html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) urls.add(src!)
  for (const [, href] of html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) urls.add(href!)
  const files = [...urls].map((url) => {
    const content = fs.readFileSync(path.join(distDir, url.replace(/^\//, '')))
    // Level 9, as a static-file server precompressing assets would; the default (6) is about 1% larger.
    return { file: url, bytes: content.byteLength, gzipBytes: zlib.gzipSync(content, { level: 9 }).byteLength }
  })
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  }
}
