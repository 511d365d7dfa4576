import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** What compresses; fonts (woff2) and pictures already are. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|xml|wasm)$/
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file
 * under assets/, once at build time, so the server sends them as they are
 * (server/src/http/static.ts) instead of compressing per request or not at all.
 */
export function precompress(): Plugin {
  return {
    name: 'samla:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      const files = Object.keys(bundle).filter(
        (name) => name.startsWith('assets/') && COMPRESSIBLE.test(name),
      )
      await Promise.all(files.map((name) => precompressFile(path.join(dir, name))))
    },
  }
}

/** Writes `<file>.br` and `<file>.gz`, each only if it is smaller than the file. */
export async function precompressFile(file: string): Promise<void> {
  const data = await fs.readFile(file)
  if (data.length < MIN_BYTES) return
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  const copies: Array<[Buffer, string]> = [
    [br, '.br'],
    [gz, '.gz'],
  ]
  await Promise.all(
    copies
      .filter(([packed]) => packed.length < data.length)
      .map(([packed, ext]) => fs.writeFile(`${file}${ext}`, packed)),
  )
}
