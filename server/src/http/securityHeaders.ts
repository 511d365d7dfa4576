import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Nothing may load from another origin (fonts, icons, scripts, analytics): a non-negotiable
 * for Swedish public-sector users and minors' data, enforced by the browser as well.
 * tldraw sets inline styles and draws images from data: and blob: URLs.
 */
export function securityHeaders(): MiddlewareHandler {
  const defaults = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      mediaSrc: ["'self'", 'data:', 'blob:'],
      // tldraw fetches some of its bundled assets from data: URLs; those never leave the page.
      connectSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'", 'blob:'],
      frameSrc: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'no-referrer',
  })
  // A route may tighten the policy for what it serves (an uploaded picture, a download);
  // that stricter policy is kept rather than replaced by the page default.
  return async (c, next) => {
    let own: string | null = null
    await defaults(c, async () => {
      await next()
      own = c.res.headers.get('content-security-policy')
    })
    if (own) c.res.headers.set('content-security-policy', own)
  }
}
