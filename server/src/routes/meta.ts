import type { ClientConfig } from '@samla/shared'
import { Hono } from 'hono'
import type { Config } from '../config.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'

/** Health for load balancers and tests; run-time client config (the tldraw license key). */
export function metaRoutes(config: Config, rooms: RoomManager) {
  return (
    new Hono()
      .get('/health', (c) => {
        const { rss, heapUsed } = process.memoryUsage()
        const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
        return c.json({
          status: 'ok',
          rooms: rooms.loadedCount,
          memory: { rssMiB: mib(rss), heapUsedMiB: mib(heapUsed) },
        })
      })
      // Timers count down in the server's clock; each device measures its offset from this.
      .get('/time', (c) => {
        c.header('Cache-Control', 'no-store')
        return c.json({ now: Date.now() })
      })
      .get('/config', (c) => {
        const body: ClientConfig = {
          tldrawLicenseKey: config.tldrawLicenseKey ?? null,
          maxMessageBytes: config.maxMessageBytes,
          maxNoteChars: config.limits.maxNoteChars,
        }
        c.header('Cache-Control', 'no-store')
        return c.json(body)
      })
  )
}
