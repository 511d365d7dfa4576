import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { JOIN_PATH } from '@samla/shared'
import { Hono } from 'hono'

/** Vite names every file under assets/ by its content: a new build is a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The types serveStatic looks for a precompressed copy of (text, scripts, JSON, SVG). */
const NEGOTIATED = /^\s*(text\/|application\/(javascript|json|wasm)|image\/svg\+xml)/i

/**
 * Serves the built client. Hashed assets are cached for a year and sent as the .br or .gz
 * copy the build wrote beside them (scripts/precompress.ts), whichever the browser accepts;
 * everything else (index.html above all) is revalidated on every load, so that a new build
 * reaches browsers at once. /j and /j/<code> get join.html, the join page without React;
 * every other path that is not a file gets index.html, so that /b/<id> opens the board page.
 */
export function clientRoutes(clientDist: string) {
  const indexFile = path.join(clientDist, 'index.html')
  const joinFile = path.join(clientDist, 'join.html')
  const root = path.relative(process.cwd(), clientDist) || '.'
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    if (!c.req.path.startsWith('/assets/')) c.header('Cache-Control', 'no-cache')
  })
  app.use('/assets/*', async (c, next) => {
    await next()
    if (!c.res.ok) return
    c.header('Cache-Control', IMMUTABLE)
    // serveStatic says Vary only when it sends a compressed copy; the plain answer varies
    // as much, and without Vary a shared cache (a school's proxy) would give it to everyone.
    const vary = c.res.headers.get('Vary') ?? ''
    if (NEGOTIATED.test(c.res.headers.get('Content-Type') ?? '') && !/accept-encoding/i.test(vary))
      c.header('Vary', 'Accept-Encoding', { append: true })
  })
  if (fs.existsSync(clientDist)) {
    app.use('/assets/*', serveStatic({ root, precompressed: true }))
    app.use('*', serveStatic({ root }))
  }
  // A script of an older build is gone, not a page: a 404, never index.html as JavaScript.
  app.get('/assets/*', (c) => c.text('Not found', 404))
  app.get('*', (c) => {
    const p = c.req.path
    const file = p === JOIN_PATH || p.startsWith(`${JOIN_PATH}/`) ? joinFile : indexFile
    if (!fs.existsSync(file)) {
      return c.text(
        'The Samla client is not built yet: run `pnpm build` (pnpm start does it).',
        503,
      )
    }
    return c.html(fs.readFileSync(file, 'utf8'))
  })
  return app
}
