import fs from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/**
 * Serves the built client. Vite's hashed assets are cached for a year; every other path that
 * is not a file gets index.html, so that /b/<id> opens the board page.
 */
export function clientRoutes(clientDist: string) {
  const indexFile = path.join(clientDist, 'index.html')
  const app = new Hono()
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  if (fs.existsSync(clientDist)) {
    app.use('*', serveStatic({ root: path.relative(process.cwd(), clientDist) || '.' }))
  }
  app.get('*', (c) => {
    if (!fs.existsSync(indexFile)) {
      return c.text(
        'The Samla client is not built yet: run `pnpm build` (pnpm start does it).',
        503,
      )
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(fs.readFileSync(indexFile, 'utf8'))
  })
  return app
}
