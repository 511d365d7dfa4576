import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressFile } from '../../../scripts/precompress.ts'
import { clientRoutes } from './static.ts'

// A built client as `pnpm build` leaves it: hashed assets with their .br and .gz copies.
const SCRIPT = 'assets/index-B1a2C3d4.js'
const STYLE = 'assets/index-E5f6G7h8.css'
const script = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const v${i} = ${i} * 2;\n`).join(''),
)
const style = Buffer.from('.page { margin: 0 auto; max-width: 40rem; }\n'.repeat(40))
let dist: string
let app: ReturnType<typeof clientRoutes>

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-static-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>')
  fs.writeFileSync(path.join(dist, 'join.html'), '<!doctype html><div id="root" data-join></div>')
  fs.writeFileSync(path.join(dist, SCRIPT), script)
  fs.writeFileSync(path.join(dist, STYLE), style)
  await precompressFile(path.join(dist, SCRIPT))
  await precompressFile(path.join(dist, STYLE))
  app = clientRoutes(dist)
})
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }))

const get = (file: string, acceptEncoding?: string) =>
  app.request(`/${file}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('the built client', () => {
  it('sends a hashed script as its brotli copy to a browser that accepts br', async () => {
    const res = await get(SCRIPT, 'gzip, deflate, br, zstd')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    const body = await bytes(res)
    expect(body.length).toBeLessThan(script.length / 4)
    expect(res.headers.get('content-length')).toBe(String(body.length))
    expect(zlib.brotliDecompressSync(body).equals(script)).toBe(true)
  })

  it('sends the gzip copy to a browser that accepts gzip only, a stylesheet as CSS', async () => {
    const res = await get(STYLE, 'gzip, deflate')
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('content-type')).toMatch(/^text\/css/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(zlib.gunzipSync(await bytes(res)).equals(style)).toBe(true)

    const gz = await get(SCRIPT, 'gzip')
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(zlib.gunzipSync(await bytes(gz)).equals(script)).toBe(true)
  })

  it('sends the plain file, still varying by Accept-Encoding, without one', async () => {
    const res = await get(SCRIPT)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect((await bytes(res)).equals(script)).toBe(true)
  })

  it('revalidates index.html on every load, for / as for a page path', async () => {
    for (const page of ['', 'index.html', 'b/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await get(page, 'gzip, br')
      expect(res.status, page).toBe(200)
      expect(res.headers.get('content-type'), page).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control'), page).toBe('no-cache')
      expect(await res.text(), page).toContain('<div id="root">')
    }
  })

  it('answers /j and /j/<code> with the join page, revalidated like index.html', async () => {
    for (const page of ['j', 'j/', 'j/ABC234']) {
      const res = await get(page)
      expect(res.headers.get('cache-control'), page).toBe('no-cache')
      expect(await res.text(), page).toContain('data-join')
    }
    expect(await (await get('jx')).text()).not.toContain('data-join')
  })

  it('answers a script that is not there (an older build) with 404, not the page', async () => {
    const res = await get('assets/index-gone0000.js', 'br')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).not.toMatch(/html/)
  })
})
